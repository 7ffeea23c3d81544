// Integration: runs the real /usr/bin/borg (1.2.4 here) on temporary repositories.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBorgError, type BorgErrorCode } from '../errors.js';
import { runBorg } from '../exec.js';
import type { BorgLogEvent } from '../log-json.js';
import { parseArchiveItemLine } from '../json-output.js';
import { createSandbox, type BorgSandbox } from '../test-sandbox.js';
import { runCreate, type CreateOptions } from './create.js';
import { detectEncryption } from './detect-encryption.js';
import { runInfo } from './info.js';
import { runInit } from './init.js';
import { runListArchives } from './list-archives.js';
import { archiveTail, capabilitiesOf, encryptionModeFor } from '../command-shape.js';

const PASSPHRASE = 'correct horse battery staple';
let box: BorgSandbox;
let encRepo = '';
let plainRepo = '';

/** The names of encRepo's archives after the create tests: borg 2 keeps two "first" (a series). */
function namesAfterCreate(): string[] {
  return capabilitiesOf(box.ctx()).uniqueArchiveNames ? ['first', 'second'] : ['first', 'first', 'second'];
}

/** What borg reports as the mode of a repository made with `repokey-blake2` (borg 2: repokey-blake2-aes-ocb). */
function repokeyBlake2(): string {
  return encryptionModeFor(capabilitiesOf(box.ctx()), 'repokey-blake2');
}

async function expectBorgError(promise: Promise<unknown>, code: BorgErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isBorgError(error) ? error.code : error).toBe(code);
}

function createOptions(extra: Partial<CreateOptions>): CreateOptions {
  return {
    location: encRepo,
    archiveName: 'a',
    sourcePaths: [box.path('src')],
    compression: 'lz4',
    excludeCaches: false,
    excludePatterns: [],
    ...extra,
  };
}

beforeAll(async () => {
  box = await createSandbox();
  encRepo = box.path('repo-enc');
  plainRepo = box.path('repo-plain');
  await box.writeText(box.path('src', 'a.txt'), 'hello\n');
  await box.writeText(box.path('src', 'skip.tmp'), 'excluded\n');
  await box.writeRandomFile(box.path('src', 'big', 'random.bin'), 64);
  await box.writeText(box.path('-rf', 'inside.txt'), 'dash\n');
  // A name that is not valid UTF-8: borg stores the bytes and prints them escaped.
  await writeFile(
    Buffer.concat([Buffer.from(box.path('src')), Buffer.from([0x2f, 0x6c, 0x61, 0x74, 0xff, 0x2e, 0x74])]),
    'x',
  );
});

afterAll(async () => {
  await box.cleanup();
});

describe('init', () => {
  it('creates a repokey-blake2 repository from the passphrase on fd 3', async () => {
    await runInit({ location: encRepo, encryption: 'repokey-blake2', newPassphrase: PASSPHRASE }, box.ctx());
    // The passphrase reached borg only through the pipe, so a list with it proves init took it from fd 3.
    const listing = await runListArchives({ location: encRepo }, box.ctx({ passphrase: PASSPHRASE }));
    expect(listing).toMatchObject({ encryption: repokeyBlake2(), archives: [] });
    await expectBorgError(
      runListArchives({ location: encRepo }, box.ctx({ passphrase: 'nope' })),
      'PassphraseWrong',
    );
  });

  it('creates an unencrypted repository', async () => {
    await runInit({ location: plainRepo, encryption: 'none' }, box.ctx());
    expect((await runListArchives({ location: plainRepo }, box.ctx())).encryption).toBe('none');
  });

  it('refuses an empty passphrase for an encrypted mode before running borg', async () => {
    const location = box.path('never-created');
    await expectBorgError(
      runInit({ location, encryption: 'repokey', newPassphrase: '' }, box.ctx()),
      'PassphraseRequired',
    );
    await expectBorgError(runListArchives({ location }, box.ctx()), 'RepositoryDoesNotExist');
  });

  it('reports an existing repository', async () => {
    await expectBorgError(
      runInit({ location: plainRepo, encryption: 'none' }, box.ctx()),
      'RepositoryAlreadyExists',
    );
  });
});

describe('create', () => {
  it('streams archive_progress with sizes while borg runs and returns the archive', async () => {
    const events: BorgLogEvent[] = [];
    let firstProgressAt = 0;
    const onEvent = (event: BorgLogEvent): void => {
      if (event.type === 'archive_progress' && firstProgressAt === 0) firstProgressAt = performance.now();
      events.push(event);
    };
    const options = createOptions({ archiveName: 'first', excludePatterns: ['*.tmp'] });
    const outcome = await runCreate(options, box.ctx({ passphrase: PASSPHRASE, onEvent }));
    const finishedAt = performance.now();

    const progress = events.filter((e) => e.type === 'archive_progress');
    expect(progress.filter((e) => !e.finished && (e.originalSize ?? 0) > 0).length).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toMatchObject({ finished: true });
    // Streamed, not replayed after exit: the first event came well before the run ended.
    expect(finishedAt - firstProgressAt).toBeGreaterThan(100);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.archive).toMatchObject({ name: 'first', fileCount: 3 });
    expect(outcome.archive.originalSize).toBeGreaterThan(64 * 1024 * 1024);
  });

  it('reports an archive name that exists (borg 1); borg 2 adds the archive to the series of that name', async () => {
    const options = createOptions({ archiveName: 'first' });
    const ctx = box.ctx({ passphrase: PASSPHRASE });
    if (capabilitiesOf(ctx).uniqueArchiveNames) {
      await expectBorgError(runCreate(options, ctx), 'ArchiveAlreadyExists');
      return;
    }
    const before = await runListArchives({ location: encRepo }, ctx);
    const outcome = await runCreate(options, ctx);
    expect(outcome.exitCode).toBe(0);
    const firsts = (await runListArchives({ location: encRepo }, ctx)).archives.filter(
      (a) => a.name === 'first',
    );
    expect(firsts).toHaveLength(2);
    expect(firsts.map((a) => a.id)).toContain(before.archives[0]?.id);
    expect(new Set(firsts.map((a) => a.id)).size).toBe(2);
  });

  it('succeeds with exit code 1 and the warning when a source is missing', async () => {
    const options = createOptions({
      archiveName: 'second',
      sourcePaths: [box.path('src', 'a.txt'), box.path('gone')],
    });
    const outcome = await runCreate(options, box.ctx({ passphrase: PASSPHRASE }));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.warnings).toEqual([expect.stringContaining('No such file or directory')]);
    expect(outcome.archive.fileCount).toBe(1);
  });

  it('backs up a source path that starts with "-" and a non-UTF-8 file name', async () => {
    const cwd = process.cwd();
    process.chdir(box.dir);
    try {
      const options = createOptions({
        location: plainRepo,
        archiveName: 'dash',
        sourcePaths: ['-rf', 'src'],
      });
      const outcome = await runCreate({ ...options, excludePatterns: ['src/big'] }, box.ctx());
      expect(outcome.exitCode).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const paths: string[] = [];
    const onStdoutLine = (line: string): void => {
      const item = parseArchiveItemLine(line);
      if (item) paths.push(item.path);
    };
    const tail = archiveTail(capabilitiesOf(box.ctx()), plainRepo, 'dash');
    const run = await runBorg(['list', '--json-lines', ...tail], box.ctx(), {
      onStdoutLine,
    });
    expect(run.stdout).toBe('');
    expect(paths).toEqual(expect.arrayContaining(['-rf', '-rf/inside.txt', 'src/a.txt', 'src/lat?.t']));
  });
});

describe('list and info', () => {
  it('lists the archives', async () => {
    const listing = await runListArchives({ location: encRepo }, box.ctx({ passphrase: PASSPHRASE }));
    expect(listing.repositoryId).toMatch(/^[0-9a-f]{64}$/);
    expect(listing.archives.map((a) => a.name)).toEqual(namesAfterCreate());
  });

  it('reads repository stats without archives', async () => {
    const info = await runInfo(
      { location: encRepo, includeArchives: false },
      box.ctx({ passphrase: PASSPHRASE }),
    );
    expect(info).toMatchObject({ location: encRepo, encryption: repokeyBlake2(), archives: [] });
    if (!capabilitiesOf(box.ctx()).stats.repositoryTotals) {
      // Borg 2 keeps no repository totals: the stats are absent, not zeros.
      expect(info).not.toHaveProperty('stats');
      return;
    }
    expect(info.stats?.totalSize).toBeGreaterThan(64 * 1024 * 1024);
    expect(info.stats?.dedupRatio).toBeGreaterThan(0);
  });

  it('reads every archive with its stats in one run', async () => {
    const info = await runInfo(
      { location: encRepo, includeArchives: true },
      box.ctx({ passphrase: PASSPHRASE }),
    );
    const { stats } = capabilitiesOf(box.ctx());
    expect(info.archives.map((a) => a.name)).toEqual(namesAfterCreate());
    for (const archive of info.archives) {
      expect(archive.originalSize).toBeGreaterThan(0);
      // Borg 2 reports no deduplicated size: absent, not 0.
      expect(archive.deduplicatedSize).toBeTypeOf(stats.archiveDeduplicatedSize ? 'number' : 'undefined');
      expect(archive.fileCount).toBeGreaterThan(0);
      expect(archive.hostname).toBeTruthy();
    }
    expect(info.stats).toBeTypeOf(stats.repositoryTotals ? 'object' : 'undefined');
  });

  it("uses the user's passcommand when no passphrase is given", async () => {
    const file = box.path('passphrase.txt');
    await writeFile(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    const listing = await runListArchives({ location: encRepo }, box.ctx({ passcommand: `cat ${file}` }));
    expect(listing.archives).toHaveLength(namesAfterCreate().length);
  });
});

describe('detectEncryption', () => {
  it('says encrypted for a repokey repository', async () => {
    expect(await detectEncryption({ location: encRepo }, box.ctx())).toBe('encrypted');
  });

  it('says unencrypted for a known unencrypted repository', async () => {
    expect(await detectEncryption({ location: plainRepo }, box.ctx())).toBe('unencrypted');
  });

  it('says unencrypted for an unknown unencrypted repository, with or without consent', async () => {
    await box.useFreshBaseDir();
    expect(await detectEncryption({ location: plainRepo }, box.ctx())).toBe('unencrypted');
    const consentedPrompts = ['BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'];
    expect(await detectEncryption({ location: plainRepo }, box.ctx({ consentedPrompts }))).toBe(
      'unencrypted',
    );
  });

  it('passes other errors through', async () => {
    await expectBorgError(
      detectEncryption({ location: box.path('missing') }, box.ctx()),
      'RepositoryDoesNotExist',
    );
  });
});
