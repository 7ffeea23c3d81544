/**
 * The core logs to the logger its host hands in (Services.logger), and Settings learns where the log
 * is: a folder it can open in the desktop app, standard error in the browser host.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';
import { createLogger } from './logger.js';

const roots: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
  for (const root of roots.splice(0)) await fs.rm(root, { recursive: true, force: true });
});

async function folders(): Promise<{ root: string; configDir: string; homeDir: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-logging-it-'));
  roots.push(root);
  return { root, configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') };
}

describe('core logging', () => {
  it("writes the core's lines to the host's logger (a damaged settings file is reported there)", async () => {
    const { configDir, homeDir } = await folders();
    await fs.mkdir(configDir, { recursive: true });
    await fs.writeFile(path.join(configDir, 'settings.json'), '{ not json');
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', sink: (line) => lines.push(line) });
    cores.push(await startTestCore({ configDir, homeDir, services: { logger } }));
    expect(lines.join('\n')).toMatch(/WARN .*settings\.json was unreadable/);
  });

  it('tells where the log is and opens its folder through the file manager', async () => {
    const { root, configDir, homeDir } = await folders();
    const opened: string[] = [];
    const logDir = path.join(root, 'logs');
    const core = await startTestCore({
      configDir,
      homeDir,
      services: { logDir, fileManager: { openPath: async (p) => (opened.push(p), true) } },
    });
    cores.push(core);
    expect(await core.handlers['app:log-location']({})).toEqual({
      kind: 'folder',
      folder: logDir,
      canOpen: true,
    });
    expect(await core.handlers['app:open-log-folder']({})).toEqual({ folder: logDir });
    expect(opened).toEqual([logDir]);
  });

  it('says the log goes to standard error where there is no log folder', async () => {
    const { configDir, homeDir } = await folders();
    const core = await startTestCore({ configDir, homeDir });
    cores.push(core);
    expect(await core.handlers['app:log-location']({})).toEqual({ kind: 'stderr' });
    await expect(core.handlers['app:open-log-folder']({})).rejects.toMatchObject({
      code: 'NotFound',
      message: expect.stringContaining('standard error'),
    });
  });
});
