/** ssh:// locations as each borg reads them: Borgdesk writes them with borg 1's meaning. */
import { describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES, capabilitiesFor } from './capabilities.js';
import { archiveTail, borgLocation, newArchiveTail, repositoryTail } from './command-shape.js';
import { parseBorgVersion } from './version.js';

const borg2 = capabilitiesFor(parseBorgVersion('borg 2.0.0b19') ?? expect.unreachable());

describe('borgLocation', () => {
  it('gives borg 2 an absolute ssh path with the second slash it needs, and a home path without ~/', () => {
    expect(borgLocation(borg2, 'ssh://me@nas:2222/srv/borg/repo')).toBe('ssh://me@nas:2222//srv/borg/repo');
    expect(borgLocation(borg2, 'ssh://me@nas/~/repo')).toBe('ssh://me@nas/repo');
    expect(borgLocation(borg2, 'ssh://me@nas//srv/repo')).toBe('ssh://me@nas//srv/repo');
    expect(borgLocation(borg2, '/local/repo')).toBe('/local/repo');
    expect(borgLocation(borg2, 'sftp://me@nas/repo')).toBe('sftp://me@nas/repo');
  });

  it('leaves every location as it is for borg 1', () => {
    for (const location of ['ssh://me@nas:2222/srv/repo', 'ssh://me@nas/~/repo', '/local/repo']) {
      expect(borgLocation(BORG_1_2_CAPABILITIES, location)).toBe(location);
      expect(repositoryTail(BORG_1_2_CAPABILITIES, location)).toEqual(['--', location]);
    }
  });

  it('is what every borg 2 command line carries', () => {
    const location = 'ssh://me@nas/srv/repo';
    expect(repositoryTail(borg2, location)).toEqual(['--repo=ssh://me@nas//srv/repo']);
    expect(archiveTail(borg2, location, 'a')).toEqual(['--repo=ssh://me@nas//srv/repo', '--', 'id:a']);
    expect(newArchiveTail(borg2, location, 'a', ['/src'])).toEqual([
      '--repo=ssh://me@nas//srv/repo',
      '--',
      'a',
      '/src',
    ]);
  });
});
