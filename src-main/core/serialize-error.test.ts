import { afterEach, describe, expect, it, vi } from 'vitest';
import { BorgError } from '../borg/errors.js';
import { AppError } from './app-error.js';
import { serializeError } from './serialize-error.js';
import { log as coreLog } from './logging/log.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('serializeError', () => {
  it('keeps a BorgError’s code, message, remedy, msgid and rc', () => {
    const e = new BorgError({
      code: 'PassphraseWrong',
      message: 'Wrong.',
      remedy: 'Retype it.',
      msgid: 'PassphraseWrong',
      rc: 2,
    });
    expect(serializeError(e)).toEqual({
      code: 'PassphraseWrong',
      message: 'Wrong.',
      remedy: 'Retype it.',
      msgid: 'PassphraseWrong',
      rc: 2,
    });
  });

  it('keeps an AppError’s code, message and remedy', () => {
    expect(serializeError(new AppError('NotFound', 'Gone.', 'Reload.'))).toEqual({
      code: 'NotFound',
      message: 'Gone.',
      remedy: 'Reload.',
    });
    expect(serializeError(new AppError('InvalidInput', 'Bad.'))).toEqual({
      code: 'InvalidInput',
      message: 'Bad.',
    });
  });

  it('hides anything else behind a generic Internal error and logs the original', () => {
    const log = vi.spyOn(coreLog, 'error').mockImplementation(() => undefined);
    const secret = new Error('ENOENT /home/ann/.secret at Object.<anonymous> (file.ts:1:1)');
    const out = serializeError(secret);
    expect(out.code).toBe('Internal');
    expect(JSON.stringify(out)).not.toContain('ENOENT');
    expect(log).toHaveBeenCalledWith(expect.any(String), secret);
    expect(serializeError('a string').code).toBe('Internal');
    expect(serializeError(undefined).code).toBe('Internal');
  });
});
