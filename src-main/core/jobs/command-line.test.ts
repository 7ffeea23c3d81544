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
  it('says a passcommand is used without its text', () => {
    const args = ['compact', '--info', '--progress', '--', '/backups/repo'];
    expect(runningLine(args)).toBe('Running: borg compact --info --progress -- /backups/repo');
    expect(runningLine(args, { passcommand: 'cat ~/.secret' })).toBe(
      "Running: borg compact --info --progress -- /backups/repo (passphrase from the repository's passcommand)",
    );
  });
});
