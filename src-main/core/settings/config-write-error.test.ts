// Real ENOSPC and EROFS are produced on a tmpfs in config-disk.test; EACCES cannot be as root (root
// writes anywhere) and EDQUOT needs quotas, so their wording is checked on the errno alone.
import { describe, expect, it } from 'vitest';
import { configWriteError } from './config-write-error.js';

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
const FILE = '/home/me/.config/borgdesk/plans.json';

describe('configWriteError', () => {
  it('names the folder for a full disk or quota, a folder that is not ours, and anything else', () => {
    expect(configWriteError(errno('EDQUOT'), FILE)).toMatchObject({
      code: 'ConfigDiskFull',
      message:
        "The disk holding Borgdesk's settings is full. plans.json could not be saved in /home/me/.config/borgdesk.",
    });
    expect(configWriteError(errno('EACCES'), FILE)).toMatchObject({
      code: 'ConfigNotWritable',
      message: expect.stringContaining('not allowed to write its settings folder'),
      remedy: expect.stringContaining('/home/me/.config/borgdesk'),
    });
    expect(configWriteError(errno('EIO'), FILE).message).toBe(
      'Borgdesk could not save plans.json in /home/me/.config/borgdesk (EIO).',
    );
  });
});
