import { describe, expect, it } from 'vitest';
import { isRemoteLocation, normalizeLocation } from './location.js';

describe('normalizeLocation', () => {
  const home = '/home/ann';

  it('expands ~ and makes relative paths absolute under home', () => {
    expect(normalizeLocation('~/Backups/repo/', home)).toBe('/home/ann/Backups/repo');
    expect(normalizeLocation('~', home)).toBe('/home/ann');
    expect(normalizeLocation('Backups/repo', home)).toBe('/home/ann/Backups/repo');
    expect(normalizeLocation('  /srv/borg//repo/../repo2  ', home)).toBe('/srv/borg/repo2');
  });

  it('keeps remote locations exactly as typed', () => {
    expect(normalizeLocation('ssh://ann@nas:2222/./backups/repo', home)).toBe(
      'ssh://ann@nas:2222/./backups/repo',
    );
    expect(normalizeLocation('ann@nas:backups/repo', home)).toBe('ann@nas:backups/repo');
    expect(isRemoteLocation('/srv/a:b')).toBe(false);
  });

  it('rejects an empty location with a clear message', () => {
    expect(() => normalizeLocation('   ', home)).toThrow(/where the repository is/);
  });
});
