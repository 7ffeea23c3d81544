/**
 * borg 2's repository maintenance on a real repository: reserving and freeing emergency space,
 * recompressing with progress, and `check --find-lost-archives` finding an archive whose entry was
 * removed from the archive list. Needs BORGDESK_TEST_BORG to be a borg 2; skipped (with the reason)
 * otherwise.
 */
import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BorgLogEvent } from '../log-json.js';
import { createSandbox, testBorgCapabilities, TEST_BORG, type BorgSandbox } from '../test-sandbox.js';
import { runCheck } from './check.js';
import { runCreate } from './create.js';
import { runInit } from './init.js';
import { runRepoCompress } from './repo-compress.js';
import { runRepoSpace } from './repo-space.js';

let box: BorgSandbox;
let borg2 = false;
const repo = (): string => box.path('repo');

beforeAll(async () => {
  box = await createSandbox();
  const caps = await testBorgCapabilities();
  borg2 = caps.hasRepoSpace && caps.hasRepoCompress && caps.hasFindLostArchives;
  if (!borg2) {
    console.log(
      `borg 2 maintenance: skipped, ${TEST_BORG} is borg ${caps.version} (set BORGDESK_TEST_BORG to a borg 2)`,
    );
    return;
  }
  await runInit({ location: repo(), encryption: 'none' }, box.ctx());
  await box.writeRandomFile(box.path('src', 'random.bin'), 1);
  await box.writeText(box.path('src', 'text.txt'), 'borg 2 '.repeat(50_000));
  for (const archiveName of ['first', 'second']) {
    const backup = { sourcePaths: [box.path('src')], compression: 'lz4' as const };
    await runCreate(
      { location: repo(), archiveName, ...backup, excludeCaches: false, excludePatterns: [] },
      box.ctx(),
    );
  }
}, 60_000);
afterAll(() => box.cleanup());

describe('borg 2 repository maintenance', () => {
  it('reserves space, shows it, and frees it', async (t) => {
    if (!borg2) return t.skip();
    const location = repo();
    expect(await runRepoSpace({ location, action: { kind: 'show' } }, box.ctx())).toEqual({
      reservedBytes: 0,
    });
    const reserved = await runRepoSpace({ location, action: { kind: 'reserve', amount: '100M' } }, box.ctx());
    // borg reserves whole 64 MiB objects: 100M becomes two of them.
    expect(reserved.reservedBytes).toBe(134_220_000);
    expect(await runRepoSpace({ location, action: { kind: 'show' } }, box.ctx())).toEqual(reserved);
    expect(await runRepoSpace({ location, action: { kind: 'free' } }, box.ctx())).toEqual({
      reservedBytes: 0,
    });
  });

  it('recompresses every chunk with progress and says how the size changed', async (t) => {
    if (!borg2) return t.skip();
    const events: BorgLogEvent[] = [];
    const outcome = await runRepoCompress(
      { location: repo(), compression: 'zstd,10' },
      box.ctx({ onEvent: (e) => events.push(e) }),
    );
    expect(
      events.some((e) => e.type === 'progress_percent' && e.msgid === 'repo_compress.process_chunks'),
    ).toBe(true);
    expect(outcome.sizes?.after).toBeGreaterThan(0);
    expect(outcome.sizes?.after).toBeLessThan(outcome.sizes?.before ?? 0);
  });

  it('finds an archive lost from the archive list', async (t) => {
    if (!borg2) return t.skip();
    const location = repo();
    expect(await runCheck({ location, mode: 'archives', findLostArchives: true }, box.ctx())).toEqual({
      ok: true,
      problems: [],
    });
    // Losing an archive's entry in archives/ is what --find-lost-archives is for.
    const entries = await readdir(path.join(location, 'archives'));
    await mkdir(box.path('lost'));
    await rename(path.join(location, 'archives', entries[0] ?? ''), box.path('lost', entries[0] ?? ''));
    const verdict = await runCheck({ location, mode: 'archives', findLostArchives: true }, box.ctx());
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join('\n')).toMatch(
      /Would create archives directory entry for (first|second) [0-9a-f]{64}\./,
    );
  });
});
