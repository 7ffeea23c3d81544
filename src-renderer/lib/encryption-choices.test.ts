import { describe, expect, it } from 'vitest';
import type { BorgStatus } from '../../src-main/model/app.js';
import { borg2EncryptionModeSchema, encryptionModeSchema } from '../../src-main/model/encryption.js';
import { encryptionChoicesFor, encryptionModesOf } from './encryption-choices.js';

// app:status as the core reports it for each major (src-main/borg/features.ts reads the capability table).
function ok(major: 1 | 2): BorgStatus {
  const encryptionModes = major === 2 ? borg2EncryptionModeSchema.options : encryptionModeSchema.options;
  const flag = major === 2;
  return {
    state: 'ok',
    version: major === 2 ? '2.0.0b19' : '1.4.0',
    path: '/usr/bin/borg',
    features: {
      major,
      encryptionModes: [...encryptionModes],
      softDelete: flag,
      archiveSeries: flag,
      tags: flag,
      archiveSizes: !flag,
      compactReportsFreed: !flag,
      repositoryTotals: !flag,
      repoSpace: flag,
      repoCompress: flag,
      findLostArchives: flag,
      migrateFromBorg1: flag,
      extraLocationSchemes: flag ? ['sftp'] : [],
    },
  };
}

describe('encryption choices of the create dialog', () => {
  it('offers borg 1 its init modes, repokey-blake2 first', () => {
    expect(encryptionModesOf(ok(1))).toEqual(encryptionModeSchema.options);
    expect(encryptionModesOf(undefined)[0]).toBe('repokey-blake2');
  });

  it('offers borg 2 its repo-create modes, repokey-aes-ocb first, and none of the 1.x-only names', () => {
    const modes = encryptionModesOf(ok(2));
    expect(modes).toEqual(borg2EncryptionModeSchema.options);
    expect(modes[0]).toBe('repokey-aes-ocb');
    expect(modes).not.toContain('repokey-blake2');
  });

  it('labels every mode either borg offers', () => {
    for (const modes of [encryptionModeSchema.options, borg2EncryptionModeSchema.options]) {
      const choices = encryptionChoicesFor(modes);
      expect(choices.map((c) => c.value)).toEqual(modes);
      for (const choice of choices) expect(choice.hint).not.toBe('');
    }
  });
});
