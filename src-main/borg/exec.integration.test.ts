// Integration: the exec choke point against the real borg (TEST_BORG: 1.2.4, or 1.4 / 2 with
// BORGDESK_TEST_BORG): errors, prompts, cancellation, and never waiting for input.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from './capabilities.js';
import { encryptionModeFor, repositoryTail } from './command-shape.js';
import { runCreate } from './commands/create.js';
import { runInit } from './commands/init.js';
import { buildListArchivesArgs, runListArchives } from './commands/list-archives.js';
import { isBorgError, type BorgError } from './errors.js';
import { runBorg, runBorgVersion } from './exec.js';
import type { BorgLogEvent } from './log-json.js';
import { writeShellProgram } from './test-programs.js';
import { createSandbox, TEST_BORG, testBorgCapabilities, type BorgSandbox } from './test-sandbox.js';

const PASSPHRASE = 'pässphrase with ünicode';
let box: BorgSandbox;
let encRepo = '';
let plainRepo = '';
let caps: BorgCapabilities;

// Debian's borg 1.2.4, for the half of a test that needs a borg 1 beside a borg 2.
const SYSTEM_BORG = '/usr/bin/borg';

function borg1Context(): ReturnType<BorgSandbox['ctx']> | undefined {
  return existsSync(SYSTEM_BORG)
    ? box.ctx({ borgPath: SYSTEM_BORG, capabilities: BORG_1_2_CAPABILITIES })
    : undefined;
}

async function versionOf(borgPath: string): Promise<string> {
  const probe = await runBorgVersion(borgPath);
  return probe.ok ? probe.output.replace(/^borg\s+/, '') : 'unknown';
}

async function failure(promise: Promise<unknown>): Promise<BorgError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isBorgError(error)) throw new Error(`expected a BorgError, got ${String(error)}`);
  return error;
}

// Borg 1.x keeps a lock folder in the repository, borg 2 one file per lock in locks/ (store locks).
function repositoryLocked(location: string): boolean {
  const storeLocks = path.join(location, 'locks');
  return (
    existsSync(path.join(location, 'lock.exclusive')) ||
    (existsSync(storeLocks) && readdirSync(storeLocks).length > 0)
  );
}

beforeAll(async () => {
  caps = await testBorgCapabilities();
  box = await createSandbox();
  encRepo = box.path('repo-enc');
  plainRepo = box.path('repo-plain');
  await runInit({ location: encRepo, encryption: 'repokey-blake2', newPassphrase: PASSPHRASE }, box.ctx());
  await runInit({ location: plainRepo, encryption: 'none' }, box.ctx());
});

afterAll(async () => {
  await box.cleanup();
});

describe('passphrases', () => {
  it('accepts a non-ASCII passphrase on the pipe', async () => {
    const listing = await runListArchives({ location: encRepo }, box.ctx({ passphrase: PASSPHRASE }));
    // borg 2 names the mode after its cipher: repokey-blake2-aes-ocb.
    expect(listing.encryption).toBe(encryptionModeFor(caps, 'repokey-blake2'));
  });

  it('reports a wrong passphrase as PassphraseWrong', async () => {
    const error = await failure(runListArchives({ location: encRepo }, box.ctx({ passphrase: 'wrong' })));
    expect(error).toMatchObject({ code: 'PassphraseWrong', msgid: 'PassphraseWrong', rc: 2 });
    expect(error.remedy).toBeTruthy();
  });

  it('fails fast with PassphraseRequired when no passphrase is given', async () => {
    const started = performance.now();
    const error = await failure(runListArchives({ location: encRepo }, box.ctx()));
    expect(error).toMatchObject({ code: 'PassphraseRequired', msgid: 'NoPassphraseFailure' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('fails fast even when the app was started from a terminal', async () => {
    // A real pseudo-terminal (util-linux `script`) runs a bundled copy of exec.ts; without a session
    // of its own, borg's getpass would read /dev/tty and wait forever.
    const bundle = box.path('exec-bundle.cjs');
    await build({
      entryPoints: ['src-main/borg/exec.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      logLevel: 'error',
    });
    const runner = box.path('runner.mjs');
    await writeFile(
      runner,
      `import { closeSync, openSync } from 'node:fs';
import { runBorg } from ${JSON.stringify(bundle)};
let hadTty = false;
try { closeSync(openSync('/dev/tty', 'r')); hadTty = true; } catch {}
const started = Date.now();
const code = await runBorg(JSON.parse(process.argv[2]), { borgPath: process.argv[3] }).then(() => 'ok', (e) => e.code);
console.log(JSON.stringify({ hadTty, code, ms: Date.now() - started }));
`,
    );
    const inTerminal = box.path('in-terminal.sh');
    const args = JSON.stringify(buildListArchivesArgs({ location: encRepo }, caps));
    const command = [process.execPath, runner, args, TEST_BORG].map((a) => `'${a}'`).join(' ');
    await writeShellProgram(inTerminal, `exec script -qec ${JSON.stringify(command)} /dev/null`);

    const ctx = box.ctx({ borgPath: inTerminal, signal: AbortSignal.timeout(20_000) });
    const run = await runBorg([], ctx, { killGraceMs: 1000 });
    const report = run.stdout.split(/\r?\n/).find((line) => line.startsWith('{'));
    expect(JSON.parse(report ?? '{}')).toMatchObject({ hadTty: true, code: 'PassphraseRequired' });
  });
});

describe('errors', () => {
  it('reports a missing repository', async () => {
    const error = await failure(runListArchives({ location: box.path('nope') }, box.ctx()));
    expect(error).toMatchObject({ code: 'RepositoryDoesNotExist', msgid: 'Repository.DoesNotExist', rc: 2 });
    expect(error.toSerialized()).not.toHaveProperty('stack');
  });

  it('reports a repository locked by another borg as LockTimeout', async () => {
    const holder = new AbortController();
    const events: BorgLogEvent[] = [];
    const withLock = ['with-lock', ...repositoryTail(caps, plainRepo), 'sleep', '15'];
    const held = runBorg(withLock, box.ctx({ signal: holder.signal }), { killGraceMs: 2000 }).catch(
      (e: unknown) => e,
    );
    for (let i = 0; i < 100 && !repositoryLocked(plainRepo); i++) await new Promise((r) => setTimeout(r, 50));
    expect(repositoryLocked(plainRepo)).toBe(true);

    // borg 1.2 waits 1 s for a lock by default, borg 2 10 s: ask for 1 s (--lock-wait).
    const error = await failure(
      runListArchives(
        { location: plainRepo },
        box.ctx({ lockWaitSeconds: 1, onEvent: (e) => events.push(e) }),
      ),
    );
    expect(error).toMatchObject({ code: 'LockTimeout', msgid: 'LockTimeout' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'log_message', msgid: 'LockTimeout' }));
    holder.abort();
    expect(await held).toMatchObject({ code: 'Cancelled' });
  });

  it('turns a plain-text argument error into InvalidArguments', async () => {
    const args = [caps.repositoryCommands.list, '--no-such-option', ...repositoryTail(caps, plainRepo)];
    const error = await failure(runBorg(args, box.ctx()));
    expect(error).toMatchObject({ code: 'InvalidArguments', rc: 2 });
    expect(error.message).toContain('--no-such-option');
  });

  it('says a borg 2 repository was made by borg 2 and names the borg that cannot open it', async () => {
    // The borg 1 that fails: TEST_BORG, or Debian's 1.2.4 when the tests run borg 2.
    const borg1 = caps.usesRepoCreate ? borg1Context() : box.ctx();
    if (borg1 === undefined) return console.warn(`Skipping the borg 1 half: ${SYSTEM_BORG} is missing`);
    // borg 1.2 reads only the config file: "version = 2" there is what borg 2 (2.0.0b5) writes.
    const v2 = box.path('repo-v2');
    await runInit({ location: v2, encryption: 'none' }, borg1);
    const config = await readFile(path.join(v2, 'config'), 'utf8');
    await writeFile(path.join(v2, 'config'), config.replace(/^version = 1$/m, 'version = 2'));
    // borg 2.0.0b10+ (borgstore) has a config/ folder where borg 1 expects the file.
    const store = box.path('repo-store');
    await mkdir(path.join(store, 'config'), { recursive: true });
    await mkdir(path.join(store, 'data'));
    await writeFile(path.join(store, 'config', 'version'), '3\n');
    // With borg 2 at hand, a repository it really made (plainRepo) too.
    const locations = caps.usesRepoCreate ? [v2, store, plainRepo] : [v2, store];

    const version = await versionOf(borg1.borgPath);
    for (const location of locations) {
      const error = await failure(runListArchives({ location }, borg1));
      expect(error.toSerialized(), location).toMatchObject({
        code: 'RepositoryFromOtherBorg',
        major: 2,
        message: `This repository was made with borg 2 — this computer’s borg is ${version}, which cannot open it.`,
        remedy: 'Install borg 2 and choose it under Settings → Path to borg.',
      });
    }
  });

  it('says a borg 1 repository was made with borg 1 and names the borg 2 that cannot open it', async (test) => {
    const borg1 = borg1Context();
    if (!caps.usesRepoCreate || borg1 === undefined) {
      console.warn('Skipping: needs BORGDESK_TEST_BORG to be a borg 2 and a borg 1 at ' + SYSTEM_BORG);
      return test.skip();
    }
    const old = box.path('repo-borg1');
    await runInit({ location: old, encryption: 'none' }, borg1);
    const error = await failure(runListArchives({ location: old }, box.ctx()));
    expect(error.toSerialized()).toMatchObject({
      code: 'RepositoryFromOtherBorg',
      major: 1,
      message: `This repository was made with borg 1.x — borg ${await versionOf(TEST_BORG)} can’t open it.`,
    });
    expect(error.remedy).toContain('Migrate it to a new borg 2 repository');
  });

  it('reports a missing borg binary as BorgNotFound', async () => {
    const error = await failure(runBorg(['list'], box.ctx({ borgPath: box.path('no-borg-here') })));
    expect(error.code).toBe('BorgNotFound');
  });
});

describe('prompts', () => {
  it('answers "no" to an unknown unencrypted repository and says which question it was', async () => {
    await box.useFreshBaseDir();
    const events: BorgLogEvent[] = [];
    const error = await failure(
      runListArchives({ location: plainRepo }, box.ctx({ onEvent: (e) => events.push(e) })),
    );
    expect(error).toMatchObject({
      code: 'PromptRefused',
      prompt: 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
    });
    expect(events).toContainEqual(expect.objectContaining({ type: 'question', kind: 'prompt' }));
  });

  it('goes ahead once the user consented', async () => {
    const consentedPrompts = ['BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'];
    const listing = await runListArchives({ location: plainRepo }, box.ctx({ consentedPrompts }));
    expect(listing.encryption).toBe('none');
  });
});

describe('cancellation', () => {
  it('rejects at once for an already aborted signal', async () => {
    const error = await failure(
      runListArchives({ location: plainRepo }, box.ctx({ signal: AbortSignal.abort() })),
    );
    expect(error.code).toBe('Cancelled');
  });

  it('stops a running create after the first progress event', async () => {
    await box.writeRandomFile(box.path('big', 'random.bin'), 200);
    const controller = new AbortController();
    let progressEvents = 0;
    const onEvent = (event: BorgLogEvent): void => {
      if (event.type !== 'archive_progress') return;
      progressEvents++;
      controller.abort();
    };
    const started = performance.now();
    const ctx = box.ctx({ passphrase: PASSPHRASE, signal: controller.signal, onEvent });
    const options = {
      location: encRepo,
      archiveName: 'big',
      sourcePaths: [box.path('big')],
      compression: 'none' as const,
      excludeCaches: false,
      excludePatterns: [],
    };
    const error = await failure(runCreate(options, ctx));
    expect(error.code).toBe('Cancelled');
    expect(progressEvents).toBeGreaterThanOrEqual(1);
    expect(performance.now() - started).toBeLessThan(10_000);
    const listing = await runListArchives({ location: encRepo }, box.ctx({ passphrase: PASSPHRASE }));
    expect(listing.archives.map((a) => a.name)).not.toContain('big');
  });
});
