import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preWalkFeed, runPreWalk, type PreWalkRequest } from './pre-walk.js';

let root: string;
const noFlags: PreWalkRequest['flags'] = { excludeCaches: false, excludeIfPresent: [], oneFileSystem: false };

async function write(relative: string, bytes: number): Promise<void> {
  const file = path.join(root, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, Buffer.alloc(bytes, 1));
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-prewalk-'));
  await write('docs/a.txt', 100);
  await write('docs/b.log', 20);
  await write('docs/deep/c.txt', 300);
  await write('build/out.o', 4000);
  await write('cache/big.bin', 50_000);
  await write('cache/CACHEDIR.TAG', 43);
  await write('private/.nobackup', 0);
  await write('private/key', 7);
  await fs.symlink(path.join(root, 'build'), path.join(root, 'docs', 'link'));
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const request = (rules: Partial<PreWalkRequest['rules']>, flags = noFlags): PreWalkRequest => ({
  sourcePaths: [root],
  rules: { excludes: [], patterns: [], ...rules },
  flags,
});

describe('pre-walk', () => {
  it('counts regular files and their bytes in a worker thread, not following links', async () => {
    expect(await runPreWalk(request({}))).toEqual({
      fileCount: 8,
      originalSize: 100 + 20 + 300 + 4000 + 50_000 + 43 + 7,
    });
  });

  it('skips what the rules and exclusion flags exclude, roughly as borg does', async () => {
    const flags = { excludeCaches: true, excludeIfPresent: ['.nobackup'], oneFileSystem: true };
    // fm: for --exclude (a folder and all inside), sh: for a pattern line, an include carved out first.
    const output = await runPreWalk(
      request({ excludes: [`${root}/build`, '*.log'], patterns: [`+ ${root.slice(1)}/docs/b.log`] }, flags),
    );
    expect(output).toEqual({ fileCount: 3, originalSize: 100 + 20 + 300 });
    const norecurse = await runPreWalk(request({ patterns: [`! ${root.slice(1)}/docs`] }));
    expect(norecurse?.fileCount).toBe(5);
  });

  it('gives no estimate past its time limit, or when stopped', async () => {
    expect(await runPreWalk(request({}), { timeLimitMs: 0 })).toBeUndefined();
    const stopped = new AbortController();
    stopped.abort();
    expect(await runPreWalk(request({}), { signal: stopped.signal })).toBeUndefined();
  });

  it('feeds the estimate once the walk is done, and not before the job starts', async () => {
    const feed = preWalkFeed(request({}));
    expect(feed.current()).toBeUndefined();
    feed.start?.();
    await expect
      .poll(() => feed.current(), { timeout: 10_000 })
      .toMatchObject({ source: 'pre-walk', fileCount: 8 });
    feed.stop?.();
  });
});
