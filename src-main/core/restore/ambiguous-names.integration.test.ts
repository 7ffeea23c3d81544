/**
 * Names that are not valid UTF-8, with the real /usr/bin/borg 1.2.4. Borg prints each such byte as
 * "?" in `list --json-lines`, so "a\xff" and "a\xfe" are both listed as "a?" (checked by hand: two
 * items with the same path, and `extract` with pattern `pp:src/a?` matches neither). Borgdesk marks
 * the twins ambiguous, refuses to restore one of them alone (a pattern that matches "a?" matches
 * both), and restores them through their folder, each under its real name; a lone "?" name ("c\xff")
 * is restored exactly.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arch,
  backUp,
  core,
  finished,
  openReady,
  repoId,
  root,
  setUpRestoreCore,
  tearDownRestoreCore,
} from './test-restore-core.js';

let odd: string;
const ref = (): { repoId: string; archiveName: string } => ({ repoId, archiveName: 'odd' });
const bytesName = (folder: string, name: string, byte: number): Buffer =>
  Buffer.concat([Buffer.from(`${folder}/${name}`), Buffer.from([byte])]);

beforeAll(async () => {
  await setUpRestoreCore(false);
  odd = path.join(root, 'odd');
  await fs.mkdir(odd);
  await fs.writeFile(bytesName(odd, 'a', 0xff), 'ff twin\n');
  await fs.writeFile(bytesName(odd, 'a', 0xfe), 'fe twin, longer\n');
  await fs.writeFile(bytesName(odd, 'c', 0xff), 'alone\n');
  await fs.writeFile(path.join(odd, 'plain.txt'), 'plain\n');
  await backUp([odd], 'odd');
}, 180_000);
afterAll(tearDownRestoreCore);

async function restoreInto(parent: string, paths: string[]): Promise<string> {
  await fs.mkdir(parent, { recursive: true });
  const { jobId } = await core.handlers['jobs:start-restore']({
    ...ref(),
    paths,
    destination: { mode: 'new-folder', parent },
    stripComponents: arch(odd).split('/').length,
    onConflict: 'skip',
  });
  const done = await finished(jobId);
  if (done.status !== 'succeeded') console.log(await core.handlers['jobs:log']({ jobId }));
  expect(done.status).toBe('succeeded');
  return done.restoreResult?.targetDir ?? '';
}

// Names as bytes in latin1, so "\xff" stays one character per byte.
const namesIn = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir, { encoding: 'buffer' })).map((b) => b.toString('latin1')).sort();

describe('names borg lists alike, with real borg', () => {
  it('marks the twins ambiguous in the index and not the lone "?" name', async () => {
    await openReady(ref());
    const page = await core.handlers['archives:folder']({
      ...ref(),
      path: arch(odd),
      sort: { key: 'name', direction: 'asc' },
      offset: 0,
      limit: 100,
    });
    const marked = page.entries.map((e) => [e.name, e.ambiguous === true]);
    expect(marked).toEqual([
      ['a?', true],
      ['a?', true],
      ['c?', false],
      ['plain.txt', false],
    ]);
  });

  it('refuses to restore or save one twin alone, and says what to do instead', async () => {
    const twin = `${arch(odd)}/a?`;
    const request = {
      ...ref(),
      paths: [twin],
      destination: { mode: 'new-folder' as const, parent: path.join(root, 'refused') },
      stripComponents: 0,
    };
    const refusal = {
      code: 'InvalidInput',
      message: expect.stringContaining('cannot be restored on its own'),
    };
    await expect(core.handlers['restore:preview'](request)).rejects.toMatchObject(refusal);
    await expect(
      core.handlers['jobs:start-restore']({ ...request, onConflict: 'skip' }),
    ).rejects.toMatchObject({
      ...refusal,
      remedy: expect.stringContaining(`Restore the folder "${arch(odd)}" instead`),
    });
    await expect(
      core.handlers['jobs:save-copy']({ ...ref(), path: twin, targetPath: path.join(root, 'copy.txt') }),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('cannot be saved on its own'),
    });
  });

  it('restores the folder with both twins under their real names, and notes them in the preview', async () => {
    await fs.mkdir(path.join(root, 'folder'));
    const preview = await core.handlers['restore:preview']({
      ...ref(),
      paths: [arch(odd)],
      destination: { mode: 'new-folder', parent: path.join(root, 'folder') },
      stripComponents: arch(odd).split('/').length,
    });
    expect(preview.ambiguousCount).toBe(2);
    const target = await restoreInto(path.join(root, 'folder'), [arch(odd)]);
    expect(await namesIn(target)).toEqual(['a\xfe', 'a\xff', 'c\xff', 'plain.txt']);
    expect(await fs.readFile(bytesName(target, 'a', 0xff), 'utf8')).toBe('ff twin\n');
    expect(await fs.readFile(bytesName(target, 'a', 0xfe), 'utf8')).toBe('fe twin, longer\n');
  });

  it('restores a lone "?" name exactly, and saves a copy of it', async () => {
    const target = await restoreInto(path.join(root, 'lone'), [`${arch(odd)}/c?`]);
    expect(await namesIn(target)).toEqual(['c\xff']);
    expect(await fs.readFile(bytesName(target, 'c', 0xff), 'utf8')).toBe('alone\n');
    const copy = path.join(root, 'lone-copy.txt');
    const { jobId } = await core.handlers['jobs:save-copy']({
      ...ref(),
      path: `${arch(odd)}/c?`,
      targetPath: copy,
    });
    const saved = await finished(jobId);
    if (saved.status !== 'succeeded') console.log(saved.error, await core.handlers['jobs:log']({ jobId }));
    expect(saved.status).toBe('succeeded');
    expect(await fs.readFile(copy, 'utf8')).toBe('alone\n');
  });
});
