// runBorg's process handling, checked with small stand-in programs (shell scripts) where real borg
// cannot produce the situation on demand: split writes, stubborn processes, odd output.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBorgError } from './errors.js';
import { runBorg } from './exec.js';
import { runHookCommand } from './hook-command.js';
import { truncationMarker } from './line-splitter.js';
import type { BorgLogEvent } from './log-json.js';
import { writeShellProgram } from './test-programs.js';

let dir = '';

const program = (name: string, body: string): Promise<string> =>
  writeShellProgram(path.join(dir, name), body);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-exec-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runBorg', () => {
  it('passes --log-json first and streams events whose lines arrive in pieces', async () => {
    const borgPath = await program(
      'split-writer',
      `[ "$1" = "--log-json" ] || exit 9
printf '{"type": "file_status", "sta' >&2; sleep 0.2
printf 'tus": "A", "path": "caf\\303' >&2; sleep 0.2
printf '\\251"}\\r\\n{"type": "log_message", "levelname": "WARNING", "message": "careful"}' >&2`,
    );
    const events: BorgLogEvent[] = [];
    const result = await runBorg(['create'], { borgPath, onEvent: (e) => events.push(e) });
    expect(events).toEqual([
      { type: 'file_status', status: 'A', path: 'café' },
      { type: 'log_message', level: 'WARNING', message: 'careful' },
    ]);
    expect(result).toEqual({ exitCode: 0, stdout: '', warnings: ['careful'] });
  });

  it('hands stdout lines to onStdoutLine as they come, including a last line without newline', async () => {
    const borgPath = await program('lines', `printf '{"a":1}\\n\\n{"b":'; sleep 0.1; printf '2}'`);
    const lines: string[] = [];
    const result = await runBorg([], { borgPath }, { onStdoutLine: (line) => lines.push(line) });
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
    expect(result.stdout).toBe('');
  });

  it('writes the passphrase to fd 3 only and keeps it out of argv and the environment', async () => {
    const borgPath = await program(
      'show-secret-sources',
      `echo "fd=$BORG_PASSPHRASE_FD args=$*"; env | grep -c 'pass-on-pipe' ; cat <&3`,
    );
    const result = await runBorg(['list'], { borgPath, passphrase: 'pass-on-pipe' });
    expect(result.stdout).toBe('fd=3 args=--log-json list\n0\npass-on-pipe');
  });

  it('writes stdin text and closes it; without it, stdin is at EOF at once', async () => {
    const borgPath = await program('echo-stdin', `cat; echo "[end]"`);
    expect((await runBorg([], { borgPath }, { stdin: 'one\ntwo\n' })).stdout).toBe('one\ntwo\n[end]\n');
    expect((await runBorg([], { borgPath })).stdout).toBe('[end]\n');
  });

  it('rejects with BorgFailed and the last error message for an unaccepted exit code', async () => {
    const borgPath = await program(
      'fails',
      `echo '{"type": "log_message", "levelname": "ERROR", "message": "Disk on fire", "msgid": "New.Error"}' >&2; exit 2`,
    );
    const error = await runBorg([], { borgPath }).catch((e: unknown) => e);
    expect(isBorgError(error) && error.toSerialized()).toEqual({
      code: 'BorgFailed',
      message: 'Disk on fire',
      reason: 'borgSaid',
      params: { borgText: 'Disk on fire' },
      msgid: 'New.Error',
      rc: 2,
    });
  });

  it('accepts exit code 1 only when the command says so', async () => {
    const borgPath = await program(
      'warns',
      `echo '{"type": "log_message", "levelname": "WARNING", "message": "odd file"}' >&2; exit 1`,
    );
    expect((await runBorg([], { borgPath }, { okExitCodes: [0, 1] })).exitCode).toBe(1);
    const error = await runBorg([], { borgPath }).catch((e: unknown) => e);
    expect(isBorgError(error) && error.message).toBe('Borg finished with a warning: odd file');
  });

  it('survives a 64 MiB stderr line without a newline: a truncated raw event, a short message', async () => {
    const start = '{"type": "log_message", "message": "';
    const borgPath = await program(
      'runaway',
      `printf '${start}' >&2; head -c ${64 * 1024 * 1024} /dev/zero | tr '\\0' x >&2; echo >&2; exit 2`,
    );
    const events: BorgLogEvent[] = [];
    const started = performance.now();
    const error = await runBorg([], { borgPath, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(events).toHaveLength(1);
    const line = events[0]?.type === 'raw' ? events[0].line : '';
    expect(line.startsWith(start)).toBe(true);
    expect(line.endsWith(truncationMarker(start.length + 64 * 1024 * 1024))).toBe(true);
    expect(isBorgError(error) && error.code).toBe('BorgFailed');
    expect(isBorgError(error) && error.message.length).toBeLessThanOrEqual(500);
  }, 20_000);

  it('escalates to SIGKILL when borg ignores SIGINT and SIGTERM', async () => {
    const borgPath = await program(
      'stubborn',
      `trap '' INT TERM; echo '{"type": "archive_progress"}' >&2; while :; do sleep 0.05; done`,
    );
    const controller = new AbortController();
    const started = performance.now();
    const onEvent = (): void => controller.abort();
    const error = await runBorg(
      [],
      { borgPath, signal: controller.signal, onEvent },
      { killGraceMs: 300 },
    ).catch((e: unknown) => e);
    expect(isBorgError(error) && error.code).toBe('Cancelled');
    // SIGTERM after 0.3 s is ignored too; SIGKILL follows 5 s later.
    expect(performance.now() - started).toBeGreaterThan(5000);
    expect(performance.now() - started).toBeLessThan(9000);
  }, 15_000);

  it('reports a throwing listener after the run instead of losing it', async () => {
    const borgPath = await program(
      'one-event',
      `echo '{"type": "file_status", "status": "A", "path": "x"}' >&2`,
    );
    const onEvent = (): void => {
      throw new Error('listener broke');
    };
    await expect(runBorg([], { borgPath, onEvent })).rejects.toThrow('listener broke');
  });

  it('runs borg in the given working directory', async () => {
    const borgPath = await program('where', 'pwd');
    const workDir = await mkdtemp(path.join(dir, 'cwd-'));
    expect((await runBorg([], { borgPath }, { cwd: workDir })).stdout.trim()).toBe(workDir);
  });

  it('says which folder is missing when the working directory does not exist', async () => {
    const borgPath = await program('never-runs', 'exit 0');
    const missing = path.join(dir, 'no-such-folder');
    const error = await runBorg([], { borgPath }, { cwd: missing }).catch((e: unknown) => e);
    expect(isBorgError(error) && error.toSerialized()).toMatchObject({
      code: 'BorgFailed',
      message: `The folder ${missing} does not exist.`,
    });
  });

  it('reports a file that cannot be executed', async () => {
    const file = path.join(dir, 'not-executable');
    await writeFile(file, 'plain text');
    const error = await runBorg([], { borgPath: file }).catch((e: unknown) => e);
    expect(isBorgError(error) && error.toSerialized()).toEqual({
      code: 'BorgNotExecutable',
      message: `${file} cannot be run: it is not an executable program, or you may not run it.`,
      remedy: 'Choose the borg program itself in Settings (or make the file executable with chmod +x).',
      reason: 'borgNotExecutable',
      params: { file },
    });
  });

  it('reports a command line longer than the system allows (E2BIG) as an error, not a crash', async () => {
    const borgPath = await program('never-started', 'exit 0');
    // Linux refuses any single argument over 128 KiB (MAX_ARG_STRLEN) in execve().
    const error = await runBorg(['x'.repeat(256 * 1024)], { borgPath }).catch((e: unknown) => e);
    expect(isBorgError(error) && error.code).toBe('CommandTooLong');
    expect(isBorgError(error) && error.remedy).toMatch(/fewer/);
  });
});

describe('runHookCommand', () => {
  it('streams both outputs and reports the exit code', async () => {
    const lines: string[] = [];
    const outcome = await runHookCommand('echo out; echo err >&2; exit 3', {
      timeoutMs: 10_000,
      onLine: (line, stream) => lines.push(`${stream}:${line}`),
    });
    expect(outcome).toEqual({ exitCode: 3, timedOut: false, cancelled: false });
    expect(lines.sort()).toEqual(['stderr:err', 'stdout:out']);
  });

  it('gives the command exactly the environment it is handed', async () => {
    const lines: string[] = [];
    const outcome = await runHookCommand('echo "[$BORGDESK_HOOK][${HOME-unset}]"', {
      timeoutMs: 10_000,
      env: { BORGDESK_HOOK: 'always', PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
      onLine: (line) => lines.push(line),
    });
    expect(outcome.exitCode).toBe(0);
    expect(lines).toEqual(['[always][unset]']);
  });

  it('stops a command and what it started at its time limit', async () => {
    const started = performance.now();
    const outcome = await runHookCommand('sleep 20 & sleep 20', { timeoutMs: 300, onLine: () => {} });
    expect(outcome).toMatchObject({ exitCode: undefined, timedOut: true, cancelled: false });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('says cancelled when the job is aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const outcome = await runHookCommand('sleep 30', {
      timeoutMs: 60_000,
      signal: controller.signal,
      onLine: () => {},
    });
    expect(outcome).toMatchObject({ timedOut: false, cancelled: true });
  });
});
