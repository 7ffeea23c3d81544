import { describe, expect, it } from 'vitest';
import { buildCreateArgs, type CreateOptions } from './create.js';
import { buildDetectEncryptionArgs } from './detect-encryption.js';
import { buildInfoArgs } from './info.js';
import { buildInitArgs } from './init.js';
import { buildListArchivesArgs } from './list-archives.js';

const create: CreateOptions = {
  location: '/backups/repo',
  archiveName: '{hostname}-{now}',
  sourcePaths: ['/home/me', '-rf', '--help'],
  compression: 'zstd,3',
  excludeCaches: true,
  excludePatterns: ['*.tmp', '-weird'],
};

// Everything after "--" is positional for borg's argparse.
const positionals = (args: readonly string[]): readonly string[] => args.slice(args.indexOf('--') + 1);

describe('command argument builders', () => {
  it('builds create with options before "--" and the archive and sources after it', () => {
    expect(buildCreateArgs(create)).toEqual([
      'create',
      '--progress',
      '--json',
      '--compression=zstd,3',
      '--exclude-caches',
      '--exclude=*.tmp',
      '--exclude=-weird',
      '--',
      '/backups/repo::{hostname}-{now}',
      '/home/me',
      '-rf',
      '--help',
    ]);
  });

  it('keeps a source named -rf positional', () => {
    const args = buildCreateArgs({ ...create, sourcePaths: ['-rf'] });
    expect(positionals(args)).toEqual(['/backups/repo::{hostname}-{now}', '-rf']);
  });

  it('leaves out --exclude-caches and excludes when not asked', () => {
    const args = buildCreateArgs({ ...create, excludeCaches: false, excludePatterns: [] });
    expect(args).not.toContain('--exclude-caches');
    expect(args.some((a) => a.startsWith('--exclude='))).toBe(false);
  });

  it('never adds --list or --stats to create (--json implies stats)', () => {
    expect(buildCreateArgs(create)).not.toContain('--list');
    expect(buildCreateArgs(create)).not.toContain('--stats');
  });

  it('builds init, list, info and the encryption probe with the location after "--"', () => {
    expect(
      buildInitArgs({ location: '-repo', encryption: 'repokey-blake2', newPassphrase: 'secret' }),
    ).toEqual(['init', '--encryption=repokey-blake2', '--', '-repo']);
    expect(buildListArchivesArgs({ location: '-repo' })).toEqual(['list', '--json', '--', '-repo']);
    expect(buildInfoArgs({ location: 'r', includeArchives: false })).toEqual(['info', '--json', '--', 'r']);
    expect(buildInfoArgs({ location: 'r', includeArchives: true })).toEqual([
      'info',
      '--json',
      '--glob-archives=*',
      '--',
      'r',
    ]);
    expect(buildDetectEncryptionArgs({ location: '-r' })).toEqual(['list', '--json', '--last=1', '--', '-r']);
  });

  it('never puts a passphrase into argv', () => {
    const args = buildInitArgs({ location: '/r', encryption: 'repokey', newPassphrase: 'hunter2-secret' });
    expect(args.join(' ')).not.toContain('hunter2-secret');
  });
});
