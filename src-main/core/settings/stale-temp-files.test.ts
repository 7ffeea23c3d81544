import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeJsonAtomic } from './json-file.js';
import { removeStaleTempFiles } from './stale-temp-files.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-temp-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const MINUTE = 60_000;

async function touch(name: string, ageMs = 0): Promise<void> {
  const file = path.join(dir, name);
  await fs.writeFile(file, '{"half":');
  const at = new Date(Date.now() - ageMs);
  await fs.utimes(file, at, at);
}

describe('removeStaleTempFiles', () => {
  it('removes temp files of dead writers and old ones, and nothing else', async () => {
    await writeJsonAtomic(path.join(dir, 'plans.json'), { version: 1 });
    await touch('.plans.json.4242.0123456789ab.tmp'); // writer gone
    await touch('.checks.json.777.aaaaaaaaaaaa.tmp', 2 * MINUTE); // writer alive, but long stuck
    await touch('.settings.json.777.bbbbbbbbbbbb.tmp'); // writer alive and recent: in flight
    await touch('.notes.tmp'); // not one of ours
    await touch('plans.json.4242.0123456789ab.tmp'); // no leading dot: not one of ours
    const removed = await removeStaleTempFiles(dir, { isAlive: (pid) => pid === 777 });
    expect(removed.sort()).toEqual([
      '.checks.json.777.aaaaaaaaaaaa.tmp',
      '.plans.json.4242.0123456789ab.tmp',
    ]);
    expect((await fs.readdir(dir)).sort()).toEqual([
      '.notes.tmp',
      '.settings.json.777.bbbbbbbbbbbb.tmp',
      'plans.json',
      'plans.json.4242.0123456789ab.tmp',
    ]);
  });

  it('treats a real dead pid as gone and its own pid as an earlier run', async () => {
    await touch(`.plans.json.${process.pid}.0123456789ab.tmp`);
    await touch('.checks.json.1.0123456789ab.tmp'); // pid 1 is alive (init), and the file is recent
    expect(await removeStaleTempFiles(dir)).toEqual([`.plans.json.${process.pid}.0123456789ab.tmp`]);
  });

  it('does nothing when the folder does not exist yet', async () => {
    expect(await removeStaleTempFiles(path.join(dir, 'none'))).toEqual([]);
  });
});
