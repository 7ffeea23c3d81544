import { describe, expect, it } from 'vitest';
import { isRemoteLocation, normalizeLocation, remoteHostOf } from './location.js';

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

describe('remoteHostOf', () => {
  it('finds the host of ssh URLs with or without user, port and IPv6 brackets', () => {
    expect(remoteHostOf('ssh://borg@backup.example.org:2222/./repo')).toBe('backup.example.org');
    expect(remoteHostOf('ssh://nas/srv/repo')).toBe('nas');
    expect(remoteHostOf('ssh://borg@[2001:db8::7]:22/repo')).toBe('2001:db8::7');
    expect(remoteHostOf('ssh://ann@home@nas.local/repo')).toBe('nas.local');
  });

  it('finds the host of scp-style locations', () => {
    expect(remoteHostOf('ann@nas:backups/repo')).toBe('nas');
    expect(remoteHostOf('nas.local:/srv/repo')).toBe('nas.local');
  });

  it('has no host for local paths, file URLs and a URL without one', () => {
    expect(remoteHostOf('/srv/borg/repo')).toBeUndefined();
    expect(remoteHostOf('C:\\Backups\\repo')).toBeUndefined();
    expect(remoteHostOf('file:///srv/borg/repo')).toBeUndefined();
    expect(remoteHostOf('ssh:///repo')).toBeUndefined();
  });
});
