/**
 * Both exit code forms, replayed from recordings of borg 1.4.5 and 2.0.0b19 with Borgdesk's
 * BORG_EXIT_CODES=legacy and with BORG_EXIT_CODES=modern (__fixtures__/exit-codes.manifest.json,
 * copied from /work/shared/borg-fixtures): each failure reads the same in both forms.
 */
import { describe, expect, it } from 'vitest';
import { borgErrorFromRun, type BorgError } from './errors.js';
import { exitKind, legacyExitCode, msgidOfModernCode } from './exit-codes.js';
import { parseLogLine } from './log-json.js';
import { PlainQuestionReader } from './plain-questions.js';
import { RunObserver } from './run-observer.js';
import { fixtureLines, recordedExitCode } from './test-fixtures.js';

const MANIFEST = 'exit-codes.manifest.json';

function replay(name: string): BorgError {
  const observer = new RunObserver();
  const questions = new PlainQuestionReader();
  for (const line of fixtureLines(`${name}.stderr.jsonl`)) {
    for (const event of questions.read(parseLogLine(line))) observer.observe(event);
  }
  return borgErrorFromRun(observer.failure(recordedExitCode(name, MANIFEST), false));
}

describe('exit codes', () => {
  it('reads both forms: 1 and 100–127 warn, 2 and 3–99 fail, 128+N is a signal', () => {
    expect([0, 1, 2, 52, 107, 127, 130].map(exitKind)).toEqual([
      'success',
      'warning',
      'error',
      'error',
      'warning',
      'warning',
      'signal',
    ]);
    expect([0, 1, 2, 4, 73, 107, 137].map(legacyExitCode)).toEqual([0, 1, 2, 2, 2, 1, 137]);
  });

  it('knows the msgid behind a modern error code, and none for the generic ones', () => {
    expect(msgidOfModernCode(52)).toBe('PassphraseWrong');
    expect(msgidOfModernCode(73)).toBe('LockTimeout');
    expect(msgidOfModernCode(2)).toBeUndefined();
    expect(msgidOfModernCode(99)).toBeUndefined();
  });

  it.each([
    ['1.4.5', 'error-passphrase-wrong', 'PassphraseWrong', 52],
    ['1.4.5', 'error-passphrase-required', 'PassphraseRequired', 50],
    ['1.4.5', 'error-repository-missing', 'RepositoryDoesNotExist', 13],
    ['1.4.5', 'error-invalid-repository', 'InvalidRepository', 15],
    ['1.4.5', 'error-repository-exists', 'RepositoryAlreadyExists', 10],
    ['1.4.5', 'error-archive-exists', 'ArchiveAlreadyExists', 30],
    ['1.4.5', 'error-archive-missing', 'ArchiveDoesNotExist', 31],
    ['1.4.5', 'error-lock-timeout', 'LockTimeout', 73],
    ['1.4.5', 'error-arguments', 'InvalidArguments', 2],
    ['2.0.0b19', 'error-passphrase-wrong', 'PassphraseWrong', 52],
    ['2.0.0b19', 'error-passphrase-required', 'PassphraseRequired', 50],
    ['2.0.0b19', 'error-repository-missing', 'RepositoryDoesNotExist', 13],
    ['2.0.0b19', 'error-invalid-repository', 'RepositoryDoesNotExist', 13],
    ['2.0.0b19', 'error-repository-exists', 'RepositoryAlreadyExists', 10],
    ['2.0.0b19', 'error-archive-missing', 'ArchiveDoesNotExist', 4],
    ['2.0.0b19', 'error-lock-timeout', 'LockTimeout', 73],
    ['2.0.0b19', 'error-arguments', 'InvalidArguments', 2],
  ])('borg %s %s: %s in legacy and in modern form (rc %i)', (version, name, code, modernRc) => {
    const legacy = replay(`${version}/${name}`);
    const modern = replay(`${version}/${name}.modern`);
    expect(legacy).toMatchObject({ code, rc: 2 });
    expect(modern).toMatchObject({ code, rc: modernRc });
    expect(modern.message).toBe(legacy.message);
    expect(legacyExitCode(modernRc)).toBe(2);
  });

  it.each([
    ['1.4.5', 'create-warning'],
    ['2.0.0b19', 'create-warning-plain'],
  ])(
    'borg %s %s: a missing source file is a warning in both forms (107 = BackupFileNotFound)',
    (version, name) => {
      const legacyRc = recordedExitCode(`${version}/${name}`, MANIFEST);
      const modernRc = recordedExitCode(`${version}/${name}.modern`, MANIFEST);
      expect([legacyRc, modernRc]).toEqual([1, 107]);
      expect(exitKind(modernRc)).toBe('warning');
      expect(legacyExitCode(modernRc)).toBe(legacyRc);
      // Should a caller refuse the warning, the error says what borg warned about, as for legacy 1.
      expect(replay(`${version}/${name}.modern`).message).toBe(replay(`${version}/${name}`).message);
    },
  );

  it('names the cause from a modern exit code when the log named none', () => {
    const run = { rc: 52, cancelled: false, errors: [], rawLines: [] };
    expect(borgErrorFromRun(run)).toMatchObject({
      code: 'PassphraseWrong',
      msgid: 'PassphraseWrong',
      rc: 52,
    });
    expect(borgErrorFromRun({ ...run, rc: 2 })).toMatchObject({ code: 'BorgFailed', rc: 2 });
  });
});
