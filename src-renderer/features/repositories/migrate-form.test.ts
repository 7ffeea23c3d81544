import { describe, expect, it } from 'vitest';
import { defaultMigrationTarget, migrationModes, offersMigration } from './migrate-form.js';

const B2 = [
  'repokey-aes-ocb',
  'repokey-chacha20-poly1305',
  'repokey-blake2-aes-ocb',
  'repokey-blake2-chacha20-poly1305',
  'keyfile-aes-ocb',
  'authenticated',
  'authenticated-blake2',
  'none',
];

describe('migration form', () => {
  it('keeps the id hash: blake2 stays blake2, sha256 stays sha256', () => {
    expect(migrationModes('repokey-blake2', B2)).toEqual([
      'repokey-blake2-aes-ocb',
      'repokey-blake2-chacha20-poly1305',
      'authenticated-blake2',
    ]);
    expect(migrationModes('repokey', B2)).toEqual([
      'repokey-aes-ocb',
      'repokey-chacha20-poly1305',
      'keyfile-aes-ocb',
      'authenticated',
    ]);
    expect(migrationModes('none', B2)).toEqual(['none']);
  });

  it('offers migration only with a borg that can, for a borg 1.x repository', () => {
    expect(offersMigration({ encryption: 'repokey-blake2' }, true, undefined)).toBe(true);
    expect(offersMigration({ encryption: 'repokey-blake2' }, false, undefined)).toBe(false);
    expect(offersMigration({ encryption: 'repokey-aes-ocb' }, true, undefined)).toBe(false);
    expect(offersMigration({ encryption: undefined }, true, 'RepositoryFromOtherBorg')).toBe(true);
  });

  it('puts the new repository beside the old one', () => {
    expect(defaultMigrationTarget('/srv/backups/docs/')).toBe('/srv/backups/docs-borg2');
  });
});
