import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { errorSentence, toErrorInfo, wordError } from './error-info.js';

describe('toErrorInfo', () => {
  it('keeps message, remedy and code of an API error', () => {
    const error = Object.assign(new Error('Repository does not exist.'), {
      code: 'repo-missing',
      remedy: 'Check the location.',
    });
    expect(toErrorInfo(error)).toEqual({
      message: 'Repository does not exist.',
      remedy: 'Check the location.',
      code: 'repo-missing',
    });
  });

  it('keeps the server of a host key error, and only a well-formed one', () => {
    const unknown = {
      code: 'SshHostKeyUnknown',
      message: 'Not known.',
      sshHost: { host: 'nas', port: 2222 },
    };
    expect(toErrorInfo(unknown).sshHost).toEqual({ host: 'nas', port: 2222 });
    expect(toErrorInfo({ ...unknown, sshHost: { host: 'nas', port: '22' } }).sshHost).toBeUndefined();
  });

  it('never shows a stack trace', () => {
    const info = toErrorInfo({ message: 'TypeError: x is undefined\n    at foo (bar.js:1:1)' });
    expect(info.message).toBe('TypeError: x is undefined');
  });

  it('falls back for values that are not errors', () => {
    expect(toErrorInfo(undefined).message).toBe('Something went wrong.');
    expect(toErrorInfo('Plain text').message).toBe('Plain text');
  });
});

describe('wordError', () => {
  const locked = {
    code: 'PassphraseRequired',
    message: 'The repository “Laptop” is locked: Borgdesk does not hold its passphrase.',
    remedy: 'English remedy from the core.',
    reason: 'repositoryLockedBorgdeskHold',
    params: { name: 'Laptop' },
  };

  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('keeps reason and params of a serialized error', () => {
    expect(toErrorInfo(locked)).toMatchObject({
      reason: 'repositoryLockedBorgdeskHold',
      params: { name: 'Laptop' },
    });
  });

  it('words a reason from the catalog, with its params as given', async () => {
    expect(wordError(toErrorInfo(locked)).message).toBe(locked.message);
    await i18next.changeLanguage('de');
    const words = wordError(toErrorInfo(locked));
    expect(words.message).toBe(
      'Das Repository „Laptop“ ist gesperrt: Borgdesk kennt seine Passphrase nicht.',
    );
    expect(words.remedy).toMatch(/^Entsperren Sie es/);
  });

  it("uses the code's words for the code's own text, and the core's text for one it cannot word", async () => {
    await i18next.changeLanguage('de');
    const generic = { code: 'LockTimeout', message: 'The repository is in use by another borg process.' };
    expect(wordError(generic).message).toBe('Das Repository wird von einem anderen borg-Prozess verwendet.');
    expect(wordError(generic).remedy).toBeUndefined();
    expect(wordError({ code: 'LockTimeout', message: 'Something specific.' }).message).toBe(
      'Something specific.',
    );
    expect(wordError({ code: 'NoSuchCode', message: 'As the core said.', remedy: 'R.' })).toEqual({
      message: 'As the core said.',
      remedy: 'R.',
    });
  });

  it("joins message and remedy for one line, and leaves borg's words in place", () => {
    const said = {
      code: 'BorgFailed',
      message: 'x',
      reason: 'borgWarned',
      params: { borgText: '<b>' },
      remedy: 'r',
    };
    expect(errorSentence(said)).toBe('Borg finished with a warning: <b> See the job log for details.');
  });
});
