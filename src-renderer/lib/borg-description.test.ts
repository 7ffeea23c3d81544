import { describe, expect, it } from 'vitest';
import type { BorgFeatures } from '../../src-main/model/app.js';
import { borgAbilities, borgVersionLabel } from './borg-description.js';

// app:status's borg.features for borg 1.4.0 and 2.0.0b19 (src-main/borg/features.ts).
const BORG_1: BorgFeatures = {
  major: 1,
  encryptionModes: [
    'repokey-blake2',
    'repokey',
    'keyfile-blake2',
    'keyfile',
    'authenticated-blake2',
    'authenticated',
    'none',
  ],
  softDelete: false,
  archiveSeries: false,
  tags: false,
  archiveSizes: true,
  compactReportsFreed: true,
  repositoryTotals: true,
  repoSpace: false,
  repoCompress: false,
  findLostArchives: false,
  migrateFromBorg1: false,
  extraLocationSchemes: [],
};
const BORG_2: BorgFeatures = {
  major: 2,
  encryptionModes: ['repokey-aes-ocb'],
  softDelete: true,
  archiveSeries: true,
  tags: true,
  archiveSizes: false,
  compactReportsFreed: false,
  repositoryTotals: false,
  repoSpace: true,
  repoCompress: true,
  findLostArchives: true,
  migrateFromBorg1: true,
  extraLocationSchemes: ['sftp'],
};

function featuresFor(output: string): BorgFeatures {
  return output.startsWith('borg 2') ? BORG_2 : BORG_1;
}

describe('the borg in use in plain words', () => {
  it('names a beta as a beta and a release as it is', () => {
    expect(borgVersionLabel('2.0.0b19')).toBe('2.0.0b19 (beta)');
    expect(borgVersionLabel('2.0.0rc1')).toBe('2.0.0rc1 (release candidate)');
    expect(borgVersionLabel('1.4.0')).toBe('1.4.0');
  });

  it('says borg 2 opens only borg 2 repositories and lists its soft delete, series and tags', () => {
    const abilities = borgAbilities(featuresFor('borg 2.0.0b19'));
    expect(abilities[0]).toMatch(/^opens borg 2 repositories only/);
    expect(abilities).toContain('deleted archives can be restored until the next compact');
    expect(abilities).toContain('archives can share a name');
    expect(abilities).toContain('tags on archives');
    expect(abilities).toContain('recompressing a whole repository');
  });

  it('says borg 1.4 opens borg 1.x repositories and has sizes per archive', () => {
    const abilities = borgAbilities(featuresFor('borg 1.4.0'));
    expect(abilities[0]).toBe('opens borg 1.x repositories (not borg 2 ones)');
    expect(abilities).toContain('sizes per archive (original, compressed, deduplicated)');
    expect(abilities.join(' ')).not.toMatch(/tags|share a name/);
  });
});
