/**
 * The core as a host builds it: config notices reach `app:status`, can be dismissed, and stale temp
 * files from a killed run are gone once the core has started.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

let root: string;
let core: Core | undefined;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-notices-'));
});
afterEach(async () => {
  await core?.dispose();
  core = undefined;
  await fs.rm(root, { recursive: true, force: true });
});

const repo = (id: string, name: string) => ({ id, name, location: `/srv/${id}`, needsPassphrase: false });

describe('config notices in app:status', () => {
  it('names what was set aside and where, keeps the rest, and can be dismissed', async () => {
    const configDir = path.join(root, 'config');
    await fs.mkdir(configDir);
    await fs.writeFile(
      path.join(configDir, 'repositories.json'),
      JSON.stringify({ version: 1, repositories: [repo('a', 'Laptop'), { id: 'b', name: 'NAS' }] }),
    );
    await fs.writeFile(path.join(configDir, 'plans.json'), JSON.stringify({ version: 7, plans: [] }));
    await fs.writeFile(path.join(configDir, `.plans.json.${process.pid}.0123456789ab.tmp`), '{"ver');
    core = await startTestCore({ configDir, homeDir: root });

    const status = requests['app:status'].result.parse(await core.handlers['app:status']({}));
    expect(status.firstRun).toBe(false);
    expect(status.configNotices).toEqual([
      expect.objectContaining({
        id: 'repositories:entries-set-aside',
        file: 'repositories',
        count: 1,
        names: ['NAS'],
        keptAt: expect.stringMatching(/repositories\.json\.set-aside-.*\.json$/),
      }),
      expect.objectContaining({ id: 'plans:newer-version', keptAt: path.join(configDir, 'plans.json') }),
    ]);
    expect((await core.handlers['repos:list']({})).map((r) => r.name)).toEqual(['Laptop']);
    expect((await fs.readdir(configDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    await expect(core.handlers['plans:delete']({ planId: 'x' })).resolves.toEqual({ deleted: false });
    expect(await core.handlers['app:dismiss-config-notice']({ id: 'plans:newer-version' })).toEqual({
      dismissed: true,
    });
    expect(await core.handlers['app:dismiss-config-notice']({ id: 'plans:newer-version' })).toEqual({
      dismissed: false,
    });
    const after = await core.handlers['app:status']({});
    expect(after.configNotices?.map((n) => n.id)).toEqual(['repositories:entries-set-aside']);
  });
});
