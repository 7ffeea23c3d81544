// Integration: spawning borg (and a hook command) when this process has no file handles left. A
// Node child with a small `ulimit -n` opens files until EMFILE, then runs a bundled copy of exec.ts:
// every start must end as an error with words and a remedy, never as an uncaught exception.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBorg } from './exec.js';
import { writeShellProgram } from './test-programs.js';
import { TEST_BORG } from './test-sandbox.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-emfile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Report {
  exhaustedWith: string;
  borg: unknown;
  borgWithPassphrase: unknown;
  version: unknown;
  hook: unknown;
  afterwards: unknown;
  problems: string[];
}

const RUNNER = `import { closeSync, openSync } from 'node:fs';
const { runBorg, runBorgVersion, runHookCommand } = await import(process.argv[2]);
const borgPath = process.argv[3];
const problems = [];
process.on('uncaughtException', (e) => problems.push('uncaught: ' + (e.code ?? e.message)));
process.on('unhandledRejection', (e) => problems.push('unhandled: ' + String(e?.code ?? e)));
const outcome = (promise) =>
  promise.then((r) => ({ resolved: r.exitCode }), (e) => (e.toSerialized ? e.toSerialized() : { thrown: String(e) }));
const held = [];
let exhaustedWith = '';
try { for (;;) held.push(openSync('/dev/null', 'r')); } catch (e) { exhaustedWith = e.code; }
const borg = await outcome(runBorg(['--version'], { borgPath }));
const borgWithPassphrase = await outcome(runBorg(['--version'], { borgPath, passphrase: 'secret' }));
const version = await runBorgVersion(borgPath);
const hookRun = await runHookCommand('echo hello', { timeoutMs: 5000, onLine: () => {} });
const hook = { exitCode: hookRun.exitCode ?? null, startError: hookRun.startError?.toSerialized() };
for (const fd of held) closeSync(fd);
const afterwards = await outcome(runBorg(['--version'], { borgPath }));
// A spawn 'error' nobody listens to would surface on a later tick.
await new Promise((r) => setTimeout(r, 200));
console.log(JSON.stringify({ exhaustedWith, borg, borgWithPassphrase, version, hook, afterwards, problems }));
`;

describe('spawn with every file handle in use (EMFILE)', () => {
  it('turns each start into a TooManyOpenFiles error and recovers once handles are free', async (ctx) => {
    const bundle = path.join(dir, 'exec-bundle.mjs');
    await build({
      // exec.ts and the hook runner beside it, as one module the child imports.
      stdin: {
        contents: "export * from './exec.ts'; export * from './hook-command.ts';",
        resolveDir: path.resolve('src-main/borg'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'error',
    });
    const runner = path.join(dir, 'runner.mjs');
    await writeFile(runner, RUNNER);
    const quote = (s: string): string => `'${s}'`;
    const limited = await writeShellProgram(
      path.join(dir, 'limited.sh'),
      `ulimit -n 48 || { echo "cannot lower the open-file limit"; exit 0; }
exec ${[process.execPath, runner, bundle, TEST_BORG].map(quote).join(' ')}`,
    );
    const run = await runBorg([], { borgPath: limited, signal: AbortSignal.timeout(30_000) });
    const last = run.stdout.trim().split('\n').pop() ?? '';
    if (!last.startsWith('{')) {
      console.log(`skipped: ${last}`);
      ctx.skip();
    }
    const report = JSON.parse(last) as Report;

    expect(report.exhaustedWith).toBe('EMFILE');
    expect(report.problems).toEqual([]);
    const tooMany = {
      code: 'TooManyOpenFiles',
      message: 'Borgdesk has too many files open to start borg.',
      remedy: 'Close some windows or programs, or restart Borgdesk, then try again.',
      reason: 'borgdeskBorg',
    };
    expect(report.borg).toEqual(tooMany);
    expect(report.borgWithPassphrase).toEqual(tooMany);
    expect(report.version).toEqual({
      ok: false,
      detail: 'EMFILE: Borgdesk has too many files open to start borg.',
    });
    expect(report.hook).toEqual({
      exitCode: null,
      startError: {
        ...tooMany,
        message: 'Borgdesk has too many files open to start the command.',
        reason: 'borgdeskCommand',
      },
    });
    expect(report.afterwards).toEqual({ resolved: 0 });
  });
});
