// Integration: list-contents, extract and diff against the real /usr/bin/borg on temporary repositories
// (names that look like borg patterns: extract-patterns.integration.test.ts).
import { chmod, lstat, mkdir, readFile, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBorg, type BorgContext } from '../exec.js';
import type { ArchiveItem } from '../json-output.js';
import type { BorgLogEvent } from '../log-json.js';
import { createSandbox, type BorgSandbox } from '../test-sandbox.js';
import { runDiff, type DiffLine } from './diff.js';
import { runExtract, runExtractDryRun, type ExtractOptions } from './extract.js';
import { runInit } from './init.js';
import { runListContents } from './list-contents.js';
import {
  borgTime,
  expectBorgError,
  FILE_TIME,
  makeSourceTree,
  processesMentioning,
  SOURCE_DIRS,
  SOURCE_FILES,
} from './restore-test-tree.js';
import { capabilitiesOf, newArchiveTail } from '../command-shape.js';

const PASSPHRASE = 'restore me';
let box: BorgSandbox;
let repo = '';
let ctx: BorgContext;

// Archive paths are relative ("src/..."): borg runs in the sandbox and backs up "src".
async function backUp(archive: string, ...sources: string[]): Promise<void> {
  const tail = newArchiveTail(capabilitiesOf(ctx), repo, archive, sources);
  await runBorg(['create', '--compression=none', ...tail], ctx, {
    cwd: box.dir,
  });
}

async function listAll(archiveName: string): Promise<ArchiveItem[]> {
  const items: ArchiveItem[] = [];
  await runListContents({ location: repo, archiveName }, ctx, (item) => items.push(item));
  return items;
}

function extractOptions(extra: Partial<ExtractOptions>): ExtractOptions {
  return { location: repo, archiveName: 'one', paths: [], cwd: box.dir, stripComponents: 0, ...extra };
}

async function freshFolder(name: string): Promise<string> {
  const dir = box.path(name);
  await mkdir(dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  box = await createSandbox();
  repo = box.path('repo');
  ctx = box.ctx({ passphrase: PASSPHRASE });
  await runInit({ location: repo, encryption: 'repokey', newPassphrase: PASSPHRASE }, box.ctx());
  await makeSourceTree(box.dir);
  await backUp('one', 'src');
});

afterAll(async () => {
  await box.cleanup();
});

describe('list-contents', () => {
  it('lists exactly the items of the tree with types, sizes and mtimes', async () => {
    const items = await listAll('one');
    const byPath = new Map(items.map((i) => [i.path, i]));
    const expected = [
      ...SOURCE_DIRS.map((p) => [p, 'd', 0]),
      ...Object.entries(SOURCE_FILES).map(([p, content]) => [p, '-', Buffer.byteLength(content)]),
      ['src/link', 'l', 'notes.txt'.length],
    ];
    expect(items.map((i) => [i.path, i.type, i.size]).sort()).toEqual(expected.sort());
    expect(byPath.get('src/link')).toMatchObject({ linktarget: 'notes.txt' });
    const withZone = capabilitiesOf(ctx).jsonTimesHaveZone;
    expect(byPath.get('src/notes.txt')).toMatchObject({
      mtime: borgTime(FILE_TIME, withZone),
      mode: '-rw-r--r--',
    });
    expect(byPath.get('src/notes.txt')?.user).toBeTypeOf('string');
  });

  it('hands items on while borg still writes them (5,000 files arrive over several reads)', async () => {
    await Promise.all(
      Array.from({ length: 10 }, async (_, d) => {
        await mkdir(box.path('many', `d${d}`), { recursive: true });
        for (let f = 0; f < 500; f++)
          await writeFile(box.path('many', `d${d}`, `file-${f}.txt`), `${d}/${f}`);
      }),
    );
    await backUp('many', 'many');
    // Lines handed over in one synchronous burst share one turn of the event loop.
    let turn = 0;
    let tick: NodeJS.Immediate | undefined;
    const turns = new Set<number>();
    let count = 0;
    await runListContents({ location: repo, archiveName: 'many' }, ctx, () => {
      count++;
      turns.add(turn);
      tick ??= setImmediate(() => {
        turn++;
        tick = undefined;
      });
    });
    expect(count).toBe(5011);
    expect(turns.size).toBeGreaterThan(1);
  });

  it('stops listing at once when cancelled', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const onItem = (): void => {
      if (abortedAt > 0) return;
      abortedAt = performance.now();
      controller.abort();
    };
    const listing = runListContents(
      { location: repo, archiveName: 'many' },
      { ...ctx, signal: controller.signal },
      onItem,
    );
    await expectBorgError(listing, 'Cancelled');
    expect(performance.now() - abortedAt).toBeLessThan(3000);
  });

  it('reports a missing archive', async () => {
    await expectBorgError(
      runListContents({ location: repo, archiveName: 'nope' }, ctx, () => {}),
      'ArchiveDoesNotExist',
    );
  });
});

describe('extract', () => {
  it('restores a folder, a file and "-rf" with their bytes and mtimes, and nothing else', async () => {
    const dest = await freshFolder('restore-selection');
    const events: BorgLogEvent[] = [];
    const selection = ['src/Fotos 2024', 'src/notes.txt', 'src/-rf'];
    const outcome = await runExtract(extractOptions({ paths: selection, cwd: dest }), {
      ...ctx,
      onEvent: (e) => events.push(e),
    });
    expect(outcome).toEqual({ exitCode: 0, warnings: [] });
    for (const file of [
      'src/Fotos 2024/Ämter ÷ 東京.txt',
      'src/Fotos 2024/sub/deep.bin',
      'src/notes.txt',
      'src/-rf',
    ]) {
      expect((await readFile(path.join(dest, file))).equals(await readFile(box.path(file)))).toBe(true);
      expect((await lstat(path.join(dest, file))).mtimeMs).toBe(FILE_TIME.getTime());
    }
    expect((await lstat(path.join(dest, 'src/Fotos 2024'))).mtimeMs).toBe(
      (await lstat(box.path('src/Fotos 2024'))).mtimeMs,
    );
    expect((await readdir(path.join(dest, 'src'))).sort()).toEqual(['-rf', 'Fotos 2024', 'notes.txt']);
    const progress = events.filter((e) => e.type === 'progress_percent' && e.msgid === 'extract');
    // borg rate-limits its progress lines, so which files get one depends on timing: some file does,
    // and every file named is one that was restored.
    const named = progress
      .map((e) => (e.type === 'progress_percent' ? e.info?.[0] : undefined))
      .filter((name) => name !== undefined);
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(name.startsWith('src/')).toBe(true);
  });

  it('restores a symlink and an empty folder', async () => {
    const dest = await freshFolder('restore-link');
    await runExtract(extractOptions({ paths: ['src/link', 'src/empty'], cwd: dest }), ctx);
    expect(await readlink(path.join(dest, 'src/link'))).toBe('notes.txt');
    expect(await readdir(path.join(dest, 'src/empty'))).toEqual([]);
  });

  it('strips leading folders', async () => {
    const dest = await freshFolder('restore-strip');
    await runExtract(extractOptions({ paths: ['src/Fotos 2024'], cwd: dest, stripComponents: 1 }), ctx);
    expect(await readdir(dest)).toEqual(['Fotos 2024']);
    expect(await readFile(path.join(dest, 'Fotos 2024/Ämter ÷ 東京.txt'), 'utf8')).toBe('Ämter ÷ 東京\n');
  });

  it('leaves exactly the excluded paths untouched, even names with *, [, spaces, "?" and a trailing space', async () => {
    const dest = await freshFolder('restore-skip');
    const kept = [
      'src/odd/a*b',
      'src/odd/[x]',
      'src/odd/sp ace',
      'src/odd/trail ',
      'src/odd/q?x',
      'src/-rf',
      'src/Fotos 2024/Ämter ÷ 東京.txt',
    ];
    // Look-alikes that a glob or a stripped line would also hit; they must be overwritten.
    const overwritten = ['src/odd/axb', 'src/odd/x', 'src/odd/trail', 'src/odd/qax', 'src/notes.txt'];
    for (const p of [...kept, ...overwritten]) {
      await mkdir(path.dirname(path.join(dest, p)), { recursive: true });
      await writeFile(path.join(dest, p), 'ALREADY HERE');
    }
    const dryRun = await runExtractDryRun(extractOptions({ paths: ['src'], excludePaths: kept }), ctx);
    expect(dryRun.filter((p) => kept.includes(p))).toEqual([]);
    expect(dryRun).toEqual(expect.arrayContaining(overwritten));

    const outcome = await runExtract(extractOptions({ paths: ['src'], cwd: dest, excludePaths: kept }), ctx);
    expect(outcome.exitCode).toBe(0);
    for (const p of kept) expect(await readFile(path.join(dest, p), 'utf8')).toBe('ALREADY HERE');
    for (const p of overwritten) expect(await readFile(path.join(dest, p), 'utf8')).toBe(SOURCE_FILES[p]);
    expect(await readFile(path.join(dest, 'src/--help/inside.txt'), 'utf8')).toBe(
      SOURCE_FILES['src/--help/inside.txt'],
    );
  });

  it('dry run lists the archive paths it would write, in order, and writes nothing', async () => {
    const dest = await freshFolder('restore-dry');
    const listed = (await listAll('one')).map((i) => i.path);
    const selection = ['src/Fotos 2024', 'src/-rf'];
    const paths = await runExtractDryRun(extractOptions({ paths: selection, cwd: dest }), ctx);
    expect(paths).toEqual(listed.filter((p) => p === 'src/-rf' || p.startsWith('src/Fotos 2024')));
    expect(await readdir(dest)).toEqual([]);
    // With stripping: still archive paths, without those stripping removes entirely (here "src").
    const stripped = await runExtractDryRun(
      extractOptions({ paths: ['src'], stripComponents: 1, cwd: box.path('does-not-exist-yet') }),
      ctx,
    );
    expect(stripped).toEqual(listed.filter((p) => p.startsWith('src/')));
  });

  it('returns exit code 1 with the warning for a path that is not in the archive', async () => {
    const dest = await freshFolder('restore-warning');
    const outcome = await runExtract(
      extractOptions({ paths: ['src/notes.txt', 'src/nothing-here'], cwd: dest }),
      ctx,
    );
    expect(outcome.exitCode).toBe(1);
    expect(outcome.warnings).toEqual([expect.stringContaining('src/nothing-here')]);
  });

  it('reports a missing archive', async () => {
    const dest = await freshFolder('restore-missing');
    await expectBorgError(
      runExtract(extractOptions({ archiveName: 'nope', cwd: dest }), ctx),
      'ArchiveDoesNotExist',
    );
  });

  it('cancels mid-extract: Cancelled, and borg is gone', async () => {
    await box.writeRandomFile(box.path('big', 'random.bin'), 300);
    await backUp('big', 'big');
    const dest = await freshFolder('restore-cancel');
    const controller = new AbortController();
    let abortedAt = 0;
    const onEvent = (e: BorgLogEvent): void => {
      if (e.type !== 'progress_percent' || controller.signal.aborted) return;
      abortedAt = performance.now();
      controller.abort();
    };
    await expectBorgError(
      runExtract(extractOptions({ archiveName: 'big', cwd: dest }), {
        ...ctx,
        signal: controller.signal,
        onEvent,
      }),
      'Cancelled',
    );
    // Borg 1.2 only takes note of a first SIGINT; without the SIGTERM right after it this took 10 s.
    expect(abortedAt).toBeGreaterThan(0);
    expect(performance.now() - abortedAt).toBeLessThan(3000);
    expect(await processesMentioning(`${repo}::big`)).toEqual([]);
    // Stopped part-way: the file is missing or shorter than in the archive.
    const written = await lstat(path.join(dest, 'big/random.bin')).then(
      (s) => s.size,
      () => 0,
    );
    expect(written).toBeLessThan(300 * 1024 * 1024);
    // The repository lock was released: borg can read it again at once.
    expect((await listAll('big')).map((i) => i.path)).toEqual(['big', 'big/random.bin']);
  });
});

describe('diff', () => {
  it('streams added, removed, modified and mode changes with sizes', async () => {
    await box.writeText(box.path('dsrc/keep.txt'), 'same\n');
    await box.writeText(box.path('dsrc/changes.txt'), 'old\n');
    await box.writeText(box.path('dsrc/removed.txt'), 'removed\n');
    await box.writeText(box.path('dsrc/script.sh'), 'echo\n');
    await backUp('d1', 'dsrc');
    await writeFile(box.path('dsrc/changes.txt'), 'new and longer\n');
    await writeFile(box.path('dsrc/added.txt'), 'added!\n');
    await rm(box.path('dsrc/removed.txt'));
    await chmod(box.path('dsrc/script.sh'), 0o755);
    await backUp('d2', 'dsrc');

    const lines: DiffLine[] = [];
    await runDiff({ location: repo, archiveA: 'd1', archiveB: 'd2' }, ctx, (line) => lines.push(line));
    const byPath = new Map(lines.map((l) => [l.path, l.changes]));
    expect(byPath.get('dsrc/added.txt')).toEqual([{ type: 'added', size: 7 }]);
    expect(byPath.get('dsrc/removed.txt')).toEqual([{ type: 'removed', size: 8 }]);
    expect(byPath.get('dsrc/changes.txt')).toContainEqual({ type: 'modified', added: 15, removed: 4 });
    expect(byPath.get('dsrc/script.sh')).toContainEqual({
      type: 'mode',
      old_mode: '-rw-r--r--',
      new_mode: '-rwxr-xr-x',
    });
    expect(byPath.has('dsrc/keep.txt')).toBe(false);
  });
});
