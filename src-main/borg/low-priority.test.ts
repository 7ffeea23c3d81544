import { describe, expect, it } from 'vitest';
import { lowPriorityExitError, lowPriorityLaunch } from './low-priority.js';

const found = (paths: readonly string[]) => paths[0];
const none = () => undefined;

describe('lowPriorityLaunch', () => {
  it('wraps borg in nice and ionice on Linux, so borg keeps the pid', () => {
    expect(lowPriorityLaunch('/usr/bin/borg', ['list'], 'linux', found)).toEqual({
      file: '/usr/bin/nice',
      args: ['-n', '10', '/usr/bin/ionice', '-c3', '/usr/bin/borg', 'list'],
      wrapped: true,
    });
  });

  it('uses nice alone on macOS, and nothing on Windows or without nice', () => {
    expect(lowPriorityLaunch('borg', ['list'], 'darwin', found).args).toEqual(['-n', '10', 'borg', 'list']);
    expect(lowPriorityLaunch('borg.exe', ['list'], 'win32', found)).toEqual({
      file: 'borg.exe',
      args: ['list'],
      wrapped: false,
    });
    expect(lowPriorityLaunch('borg', ['list'], 'linux', none).wrapped).toBe(false);
  });

  it("turns nice's could-not-start codes back into errnos, only for wrapped runs", () => {
    const wrapped = lowPriorityLaunch('borg', [], 'linux', found);
    expect(lowPriorityExitError(wrapped, 127)).toBe('ENOENT');
    expect(lowPriorityExitError(wrapped, 126)).toBe('EACCES');
    expect(lowPriorityExitError(wrapped, 2)).toBeUndefined();
    expect(lowPriorityExitError({ file: 'borg', args: [], wrapped: false }, 127)).toBeUndefined();
  });
});
