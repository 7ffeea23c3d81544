import { describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES, capabilitiesFor } from '../capabilities.js';
import { readFixture } from '../test-fixtures.js';
import { parseBorgVersion } from '../version.js';
import { buildCheckArgs } from './check.js';
import { buildRepoCompressArgs, parseRecompressStats } from './repo-compress.js';
import { buildRepoSpaceArgs, parseReservedSpace } from './repo-space.js';

const borg2 = capabilitiesFor(parseBorgVersion('borg 2.0.0b19') ?? expect.unreachable());
const borg14 = capabilitiesFor(parseBorgVersion('borg 1.4.0') ?? expect.unreachable());

describe('borg repo-space', () => {
  it('shows, frees and reserves with --repo', () => {
    expect(buildRepoSpaceArgs({ location: '/r', action: { kind: 'show' } }, borg2)).toEqual([
      'repo-space',
      '--repo=/r',
    ]);
    expect(buildRepoSpaceArgs({ location: '/r', action: { kind: 'free' } }, borg2)).toEqual([
      'repo-space',
      '--free',
      '--repo=/r',
    ]);
    expect(buildRepoSpaceArgs({ location: '/r', action: { kind: 'reserve', amount: '1G' } }, borg2)).toEqual([
      'repo-space',
      '--reserve=1G',
      '--repo=/r',
    ]);
  });

  it('is refused for borg 1.x, which has no such command', () => {
    expect(() => buildRepoSpaceArgs({ location: '/r', action: { kind: 'show' } }, borg14)).toThrow(/borg 2/);
  });

  it('reads the reserved amount borg 2.0.0b19 printed', () => {
    expect(parseReservedSpace(readFixture('2.0.0b19/repo-space-show.stdout.txt'))).toBe(1_010_000_000);
    expect(parseReservedSpace(readFixture('2.0.0b19/repo-space-reserve.stdout.txt'))).toBe(1_010_000_000);
    expect(parseReservedSpace(readFixture('2.0.0b19/repo-space-none.stdout.txt'))).toBe(0);
    expect(parseReservedSpace(readFixture('2.0.0b19/repo-space-free.stdout.txt'))).toBe(0);
    expect(parseReservedSpace('something else')).toBeUndefined();
  });
});

describe('borg repo-compress', () => {
  it('recompresses with progress and stats', () => {
    expect(buildRepoCompressArgs({ location: '/r', compression: 'zstd,3' }, borg2)).toEqual([
      'repo-compress',
      '--progress',
      '--stats',
      '--compression=zstd,3',
      '--repo=/r',
    ]);
    expect(() => buildRepoCompressArgs({ location: '/r', compression: 'lz4' }, borg14)).toThrow(/borg 2/);
  });

  it('reads the sizes before and after from --stats', () => {
    const stats = parseRecompressStats(readFixture('2.0.0b19/repo-compress-stats.stdout.txt'));
    expect(stats.sizes).toEqual({ before: 713251, after: 375845 });
    expect(stats.stats[0]).toBe('Recompression stats:');
  });
});

describe('borg check --find-lost-archives', () => {
  it('is added for borg 2 beyond the repository-only check', () => {
    expect(buildCheckArgs({ location: '/r', mode: 'archives', findLostArchives: true }, borg2)).toEqual([
      'check',
      '--progress',
      '--find-lost-archives',
      '--repo=/r',
    ]);
    expect(buildCheckArgs({ location: '/r', mode: 'repository', findLostArchives: true }, borg2)).toEqual([
      'check',
      '--progress',
      '--repository-only',
      '--repo=/r',
    ]);
  });

  it('leaves the borg 1.2 command line as it was', () => {
    expect(
      buildCheckArgs({ location: '/r', mode: 'archives', findLostArchives: true }, BORG_1_2_CAPABILITIES),
    ).toEqual(['check', '--progress', '--', '/r']);
  });
});
