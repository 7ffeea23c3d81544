import { describe, expect, it } from 'vitest';
import { BorgError, borgErrorFromRun, errorForMsgid, isBorgError, type BorgErrorCode } from './errors.js';
import { parseLogLine } from './log-json.js';
import { otherBorgError } from './other-borg.js';
import { RunObserver } from './run-observer.js';
import { fixtureLines, recordedExitCode } from './test-fixtures.js';

// Replays a recorded stderr through the same path exec.ts uses.
function errorFromRecording(
  name: string,
  file: string,
  cancelled = false,
  manifest = 'manifest.json',
): BorgError {
  const observer = new RunObserver();
  for (const line of fixtureLines(file)) observer.observe(parseLogLine(line));
  return borgErrorFromRun(observer.failure(recordedExitCode(name, manifest), cancelled));
}

describe('borgErrorFromRun on recorded failures with a cause outside borg', () => {
  const replay = (name: string): BorgError => {
    const file = name === 'error-borg2-store' ? `${name}.stderr.txt` : `${name}.stderr.jsonl`;
    return errorFromRecording(name, file, false, 'failure.manifest.json');
  };

  it.each<[string, BorgErrorCode, string]>([
    ['error-disk-full', 'DiskFull', 'The disk holding the repository is full.'],
    ['error-cache-disk-full', 'DiskFull', "The disk holding borg's cache is full."],
    ['error-read-only', 'RepositoryReadOnly', 'The repository is on a drive that is mounted read-only.'],
    [
      'error-permission-denied',
      'RepositoryPermissionDenied',
      'Borg may not write to the repository folder, so it cannot lock it.',
    ],
    [
      'error-borg2-repository',
      'RepositoryVersionUnsupported',
      'This repository was made by borg 2; this borg cannot open it.',
    ],
    [
      'error-borg2-store',
      'RepositoryVersionUnsupported',
      'This repository was made by borg 2; this borg cannot open it.',
    ],
    [
      'error-archive-name-too-long',
      'InvalidArchiveName',
      'The archive name is longer than borg allows (255 characters).',
    ],
  ])('%s → %s', (name, code, message) => {
    const error = replay(name);
    expect(error.toSerialized()).toMatchObject({ code, message, rc: 2 });
    expect(error.remedy).toBeTruthy();
    expect(error.remedy).not.toMatch(/report/i);
  });

  it('names the full disk so the job can add its free space', () => {
    expect(replay('error-disk-full').fullDisk).toBe('repository');
    expect(replay('error-cache-disk-full').fullDisk).toBe('cache');
  });

  it('turns a create killed with SIGKILL into "stopped by signal 9", not its stale-lock notices', () => {
    // The killed run logged nothing; replay the next run's lock housekeeping as if it had then been killed.
    const observer = new RunObserver();
    for (const line of fixtureLines('create-after-kill.stderr.jsonl')) observer.observe(parseLogLine(line));
    expect(recordedExitCode('create-killed', 'failure.manifest.json')).toBe(137);
    expect(observer.warnings[0]).toMatch(/^Killed stale lock/);
    expect(borgErrorFromRun(observer.failure(137, false)).toSerialized()).toMatchObject({
      code: 'Interrupted',
      message: 'Borg was stopped by signal 9 (SIGKILL).',
    });
  });
});

describe('borgErrorFromRun on recorded borg 1.2.4 failures', () => {
  it.each<[string, string, BorgErrorCode, string | undefined]>([
    ['error-passphrase-wrong', 'error-passphrase-wrong.stderr.jsonl', 'PassphraseWrong', 'PassphraseWrong'],
    [
      'error-passphrase-required',
      'error-passphrase-required.stderr.txt',
      'PassphraseRequired',
      'NoPassphraseFailure',
    ],
    [
      'error-repository-missing',
      'error-repository-missing.stderr.jsonl',
      'RepositoryDoesNotExist',
      'Repository.DoesNotExist',
    ],
    [
      'error-invalid-repository',
      'error-invalid-repository.stderr.jsonl',
      'InvalidRepository',
      'Repository.InvalidRepository',
    ],
    [
      'error-repository-exists',
      'error-repository-exists.stderr.jsonl',
      'RepositoryAlreadyExists',
      'Repository.AlreadyExists',
    ],
    [
      'error-archive-exists',
      'error-archive-exists.stderr.jsonl',
      'ArchiveAlreadyExists',
      'Archive.AlreadyExists',
    ],
    [
      'error-archive-missing',
      'error-archive-missing.stderr.jsonl',
      'ArchiveDoesNotExist',
      'Archive.DoesNotExist',
    ],
    ['error-lock-timeout', 'error-lock-timeout.stderr.jsonl', 'LockTimeout', 'LockTimeout'],
    ['error-arguments', 'error-arguments.stderr.txt', 'InvalidArguments', undefined],
  ])('%s → %s', (name, file, code, msgid) => {
    const error = errorFromRecording(name, file);
    expect(error.code).toBe(code);
    expect(error.msgid).toBe(msgid);
    expect(error.rc).toBe(2);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('says which argument borg rejected', () => {
    const error = errorFromRecording('error-arguments', 'error-arguments.stderr.txt');
    expect(error.message).toBe('Borg did not accept the command: unrecognized arguments: --bogus-option');
  });

  it.each([
    ['prompt-unencrypted-eof', 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'],
    ['prompt-unencrypted-refused', 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'],
    ['prompt-relocated-refused', 'BORG_RELOCATED_REPO_ACCESS_IS_OK'],
  ])('a refused prompt (%s) becomes PromptRefused naming %s', (name, prompt) => {
    const error = errorFromRecording(name, `${name}.stderr.jsonl`);
    expect(error.code).toBe('PromptRefused');
    expect(error.prompt).toBe(prompt);
    expect(error.msgid).toBe(prompt);
    expect(error.remedy).toMatch(/Answer…/);
    expect(error.question).toMatch(/^Warning: /);
    expect(error.question).not.toMatch(/\[yN\]/);
  });

  it('an interrupted create is Cancelled when we asked for it', () => {
    const error = errorFromRecording('create-sigint', 'create-sigint.stderr.jsonl', true);
    expect(error.code).toBe('Cancelled');
  });

  it("an interrupted create nobody cancelled reports borg's own words", () => {
    const error = errorFromRecording('create-sigint', 'create-sigint.stderr.jsonl');
    expect(error).toMatchObject({ code: 'BorgFailed', message: 'Got Ctrl-C / SIGINT.', rc: 2 });
  });
});

describe('borgErrorFromRun rules', () => {
  const base = { rc: 2, cancelled: false, errors: [], rawLines: [] };

  it('uses the last ERROR text with code BorgFailed when the msgid is unknown', () => {
    const errors = [
      { message: 'first problem' },
      { message: 'Something new went wrong', msgid: 'Brand.NewError' },
    ];
    expect(borgErrorFromRun({ ...base, errors })).toMatchObject({
      code: 'BorgFailed',
      message: 'Something new went wrong',
      msgid: 'Brand.NewError',
    });
  });

  it('prefers the message that carries a known msgid over a traceback logged after it', () => {
    const errors = [
      { message: 'Failed to create/acquire the lock', msgid: 'LockFailed' },
      { message: 'Traceback ...' },
    ];
    expect(borgErrorFromRun({ ...base, errors }).code).toBe('LockFailed');
  });

  it("maps borg's internal exception without showing the traceback", () => {
    const errors = [
      { message: 'Local Exception', msgid: 'Exception' },
      { message: 'Traceback (most recent call last): ...' },
    ];
    const error = borgErrorFromRun({ ...base, errors });
    expect(error).toMatchObject({
      code: 'BorgFailed',
      message: 'Borg hit an unexpected error.',
      msgid: 'Exception',
    });
  });

  it('reports a signal death when nothing else is known', () => {
    expect(borgErrorFromRun({ ...base, rc: 137 })).toMatchObject({
      code: 'Interrupted',
      message: 'Borg was stopped by signal 9 (SIGKILL).',
      remedy: expect.stringMatching(/out of memory/),
    });
    expect(borgErrorFromRun({ ...base, rc: 143 }).message).toBe('Borg was stopped by signal 15 (SIGTERM).');
  });

  it('never gives a warning as the reason when borg was killed or failed', () => {
    const warnings = [
      { message: 'Killed stale lock vm@1.7457-0.', name: 'borg.locking' },
      {
        message: 'Removed stale exclusive roster lock for host vm@1 pid 7457 thread 0.',
        name: 'borg.locking',
      },
    ];
    expect(borgErrorFromRun({ ...base, rc: 137, warnings }).message).toBe(
      'Borg was stopped by signal 9 (SIGKILL).',
    );
    expect(borgErrorFromRun({ ...base, rc: 2, warnings }).message).toBe('Borg failed with exit code 2.');
    expect(borgErrorFromRun({ ...base, rc: 1, warnings }).message).toBe('Borg failed with exit code 1.');
    const odd = [...warnings, { message: 'src/x: [Errno 13] Permission denied' }];
    expect(borgErrorFromRun({ ...base, rc: 1, warnings: odd }).message).toBe(
      'Borg finished with a warning: src/x: [Errno 13] Permission denied',
    );
  });

  it('cuts a very long message', () => {
    const error = borgErrorFromRun({ ...base, errors: [{ message: 'x'.repeat(5000) }] });
    expect(error.message).toHaveLength(500);
    expect(error.message.endsWith('…')).toBe(true);
  });

  it('falls back to the last text line, then to the exit code', () => {
    expect(borgErrorFromRun({ ...base, rawLines: ['something odd', ''] }).message).toBe('something odd');
    expect(borgErrorFromRun(base).message).toBe('Borg failed with exit code 2.');
  });

  it('knows every msgid the brief names', () => {
    const expected: Record<string, BorgErrorCode> = {
      PassphraseWrong: 'PassphraseWrong',
      'Repository.DoesNotExist': 'RepositoryDoesNotExist',
      'Repository.InvalidRepository': 'InvalidRepository',
      LockTimeout: 'LockTimeout',
      LockFailed: 'LockFailed',
      'Repository.AlreadyExists': 'RepositoryAlreadyExists',
      'Archive.AlreadyExists': 'ArchiveAlreadyExists',
      'Repository.InsufficientFreeSpaceError': 'InsufficientFreeSpace',
      ConnectionClosed: 'ConnectionClosed',
      'Archive.DoesNotExist': 'ArchiveDoesNotExist',
    };
    for (const [msgid, code] of Object.entries(expected)) {
      const error = errorForMsgid(msgid, 2);
      expect(error?.code, msgid).toBe(code);
      expect(error?.remedy, msgid).toBeTruthy();
    }
    expect(errorForMsgid('toString')).toBeUndefined();
    expect(errorForMsgid('No.Such.Msgid')).toBeUndefined();
  });
});

describe('borgErrorFromRun on borg 2 failures', () => {
  it('says a borg 1 repository opened by borg 2 was made with borg 1 (recorded 2.0.0b19)', () => {
    const error = errorFromRecording(
      '2.0.0b19/open-borg1-repo',
      '2.0.0b19/open-borg1-repo.stderr.jsonl',
      false,
      'exit-codes.manifest.json',
    );
    const errors = fixtureLines('2.0.0b19/open-borg1-repo.stderr.jsonl');
    const other = otherBorgError(error, errors, '2.0.0b19');
    expect(other?.toSerialized()).toMatchObject({
      code: 'RepositoryFromOtherBorg',
      major: 1,
      message: 'This repository was made with borg 1.x — borg 2.0.0b19 can’t open it.',
      msgid: 'Exception',
    });
    expect(other?.remedy).toContain('Migrate it to a new borg 2 repository');
  });

  it("reads borg 2's no-delete permission as append-only", () => {
    // What borg 2.0.0b19 logged for `repo-delete` under BORG_REPO_PERMISSIONS=no-delete.
    const traceback =
      "\nError:\n\nPermissionDenied: One of permissions 'D' required for ''\n\nIf reporting bugs, please include the following:\n";
    const error = borgErrorFromRun({
      rc: 2,
      cancelled: false,
      errors: [{ message: 'Local Exception', msgid: 'Exception' }, { message: traceback }],
      rawLines: [],
    });
    expect(error).toMatchObject({ code: 'RepositoryAppendOnly', msgid: 'Exception' });
    expect(error.remedy).toContain('--permissions no-delete');
  });

  it('takes the argument error of a borg 2 subcommand parser ("borg list: error:")', () => {
    const rawLines = ['usage: borg list [-h] NAME', 'borg list: error: unrecognized arguments: --bogus'];
    expect(borgErrorFromRun({ rc: 2, cancelled: false, errors: [], rawLines })).toMatchObject({
      code: 'InvalidArguments',
      message: 'Borg did not accept the command: unrecognized arguments: --bogus',
    });
  });
});

describe('BorgError', () => {
  it('serializes to the contract shape without a stack', () => {
    const error = new BorgError({
      code: 'LockTimeout',
      message: 'busy',
      remedy: 'wait',
      msgid: 'LockTimeout',
      rc: 2,
    });
    expect(error.toSerialized()).toEqual({
      code: 'LockTimeout',
      message: 'busy',
      remedy: 'wait',
      msgid: 'LockTimeout',
      rc: 2,
    });
    expect(new BorgError({ code: 'Cancelled', message: 'x' }).toSerialized()).toEqual({
      code: 'Cancelled',
      message: 'x',
    });
    expect(error).toBeInstanceOf(Error);
    expect(isBorgError(error)).toBe(true);
    expect(isBorgError(new Error('x'))).toBe(false);
    expect(isBorgError({ code: 'LockTimeout' })).toBe(false);
  });
});
