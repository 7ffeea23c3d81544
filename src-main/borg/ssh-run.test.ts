import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBorgEnv } from './env.js';
import { shlexSplit } from './ssh-command.js';
import { prepareSshRun } from './ssh-run.js';

describe('prepareSshRun', () => {
  it('gives every run its own ssh log and reads back only what explains something', async () => {
    const a = prepareSshRun({}, { knownHostsFile: '/cfg/known_hosts' });
    const b = prepareSshRun({}, {});
    const words = shlexSplit(a.rsh ?? '');
    const log = words[words.indexOf('-E') + 1] ?? '';
    expect(log).not.toBe(shlexSplit(b.rsh ?? '')[shlexSplit(b.rsh ?? '').indexOf('-E') + 1]);
    expect(await a.readLog()).toEqual([]);
    await writeFile(
      log,
      'Authenticated to h ([h]:22) using "publickey".\r\nTransferred: sent 1, received 2 bytes\r\n',
    );
    expect(await a.readLog()).toEqual(['Authenticated to h ([h]:22) using "publickey".']);
    await a.dispose();
    // Nothing is left in the temp folder, not even the log's folder.
    expect(existsSync(path.dirname(log))).toBe(false);
    await b.dispose();
  });

  it('leaves a BORG_RSH the user set alone', () => {
    const run = prepareSshRun({ BORG_RSH: 'ssh -J jump' }, { knownHostsFile: '/cfg/known_hosts' });
    expect(run.rsh).toBeUndefined();
    expect(buildBorgEnv({ BORG_RSH: 'ssh -J jump' }, { rsh: run.rsh }).BORG_RSH).toBe('ssh -J jump');
  });

  it('sets Borgdesk’s BORG_RSH for the child otherwise', () => {
    const run = prepareSshRun({}, {});
    expect(buildBorgEnv({ PATH: '/usr/bin' }, { rsh: run.rsh }).BORG_RSH).toMatch(/^ssh -o BatchMode=yes /);
  });
});
