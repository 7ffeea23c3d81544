// Integration: the exec choke point against the real /usr/bin/borg (1.2.4 here): errors, prompts,
// cancellation, and never waiting for input.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreate } from './commands/create.js';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { isBorgError, type BorgError } from './errors.js';
import { runBorg, runBorgVersion } from './exec.js';
import type { BorgLogEvent } from './log-json.js';
import { writeShellProgram } from './test-programs.js';
import { createSandbox, type BorgSandbox } from './test-sandbox.js';

const PASSPHRASE = 'pässphrase with ünicode';
let box: BorgSandbox;
let encRepo = '';
let plainRepo = '';

async function failure(promise: Promise<unknown>): Promise<BorgError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isBorgError(error)) throw new Error(`expected a BorgError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
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
    expect(listing.encryption).toBe('repokey-blake2');
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
const code = await runBorg(['list', '--json', '--', process.argv[2]], { borgPath: '/usr/bin/borg' }).then(() => 'ok', (e) => e.code);
console.log(JSON.stringify({ hadTty, code, ms: Date.now() - started }));
`,
    );
    const inTerminal = box.path('in-terminal.sh');
    const command = [process.execPath, runner, encRepo].map((a) => `'${a}'`).join(' ');
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
    const held = runBorg(['with-lock', '--', plainRepo, 'sleep', '15'], box.ctx({ signal: holder.signal }), {
      killGraceMs: 2000,
    }).catch((e: unknown) => e);
    const lockDir = `${plainRepo}/lock.exclusive`;
    for (let i = 0; i < 100 && !existsSync(lockDir); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(lockDir)).toBe(true);

    // borg 1.2 waits 1 s for a lock by default (--lock-wait).
    const error = await failure(
      runListArchives({ location: plainRepo }, box.ctx({ onEvent: (e) => events.push(e) })),
    );
    expect(error).toMatchObject({ code: 'LockTimeout', msgid: 'LockTimeout' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'log_message', msgid: 'LockTimeout' }));
    holder.abort();
    expect(await held).toMatchObject({ code: 'Cancelled' });
  });

  it('turns a plain-text argument error into InvalidArguments', async () => {
    const error = await failure(runBorg(['list', '--no-such-option', '--', plainRepo], box.ctx()));
    expect(error).toMatchObject({ code: 'InvalidArguments', rc: 2 });
    expect(error.message).toContain('--no-such-option');
  });

  it('says a borg 2 repository was made by borg 2 and names the borg that cannot open it', async () => {
    // borg 1.2 reads only the config file: "version = 2" there is what borg 2 (2.0.0b5) writes.
    const v2 = box.path('repo-v2');
    await runInit({ location: v2, encryption: 'none' }, box.ctx());
    const config = await readFile(path.join(v2, 'config'), 'utf8');
    await writeFile(path.join(v2, 'config'), config.replace(/^version = 1$/m, 'version = 2'));
    // borg 2.0.0b10+ (borgstore) has a config/ folder where borg 1 expects the file.
    const store = box.path('repo-store');
    await mkdir(path.join(store, 'config'), { recursive: true });
    await mkdir(path.join(store, 'data'));
    await writeFile(path.join(store, 'config', 'version'), '3\n');

    const probe = await runBorgVersion(box.ctx().borgPath);
    const version = probe.ok ? probe.output.replace(/^borg\s+/, '') : 'unknown';
    for (const location of [v2, store]) {
      const error = await failure(runListArchives({ location }, box.ctx()));
      expect(error.toSerialized(), location).toMatchObject({
        code: 'RepositoryFromOtherBorg',
        major: 2,
        message: `This repository was made with borg 2 — this computer’s borg is ${version}, which cannot open it.`,
        remedy: 'Install borg 2 and choose it under Settings → Path to borg.',
      });
    }
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
