import { describe, expect, it } from 'vitest';
import { toErrorInfo } from './error-info.js';

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
