import { describe, expect, it } from 'vitest';
import { buildCreateArgs } from '../../borg/commands/create.js';
import { formatCommandLine, runningLine, shellQuote } from './command-line.js';

describe('formatCommandLine', () => {
  it('quotes only what a shell would read specially', () => {
    expect(shellQuote('--compression=lz4')).toBe('--compression=lz4');
    expect(shellQuote('/home/me/My Files')).toBe(`'/home/me/My Files'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('{hostname}-{now}')).toBe(`'{hostname}-{now}'`);
    expect(shellQuote('$(rm -rf ~)')).toBe(`'$(rm -rf ~)'`);
    expect(shellQuote('ü')).toBe(`'ü'`);
  });

  it('shows a backup as the borg command a user could paste', () => {
    const args = buildCreateArgs({
      location: '/backups/repo',
      archiveName: 'host-{now}',
      sourcePaths: ['/home/me', '/home/me/a b'],
      compression: 'lz4',
      excludeCaches: true,
      excludePatterns: ['*.tmp'],
    });
    expect(formatCommandLine(args)).toBe(
      `borg create --progress --json --compression=lz4 --exclude-caches '--exclude=*.tmp' -- '/backups/repo::host-{now}' /home/me '/home/me/a b'`,
    );
  });
});

describe('runningLine', () => {
  const args = ['compact', '--info', '--progress', '--', '/backups/repo'];

  it('starts with the command alone when borg needs nothing else', () => {
    expect(runningLine(args)).toBe('Running: borg compact --info --progress -- /backups/repo');
    // The passphrase reaches borg on a pipe: nothing of it, nor of the pipe, is shown.
    expect(runningLine(args, { passphrase: 'hunter2 secret' })).toBe(
      'Running: borg compact --info --progress -- /backups/repo',
    );
  });

  it('shows the passcommand variable with a placeholder, never its text', () => {
    const line = runningLine(args, { passcommand: 'cat ~/.secret' });
    expect(line).toBe(`Running: BORG_PASSCOMMAND='<hidden>' borg compact --info --progress -- /backups/repo`);
    expect(line).not.toContain('.secret');
  });

  it('shows the folders and --lock-wait as borg gets them, and no answer to a question', () => {
    const line = runningLine(args, {
      consentedPrompts: ['BORG_RELOCATED_REPO_ACCESS_IS_OK'],
      folders: { BORG_KEYS_DIR: '/tmp/my keys' },
      lockWaitSeconds: 120,
    });
    expect(line).toBe(
      `Running: BORG_KEYS_DIR='/tmp/my keys' borg --lock-wait=120 compact --info --progress -- /backups/repo`,
    );
  });
});
