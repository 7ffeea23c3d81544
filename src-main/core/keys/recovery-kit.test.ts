import { describe, expect, it } from 'vitest';
import { buildRecoveryKit, restoreCommands, shellQuote } from './recovery-kit.js';

describe('recovery kit', () => {
  it('quotes locations for the shell only when needed', () => {
    expect(shellQuote('/srv/backup/home')).toBe('/srv/backup/home');
    expect(shellQuote('ssh://me@nas:22/~/repo')).toBe('ssh://me@nas:22/~/repo');
    expect(shellQuote("/media/My Disk/it's")).toBe(`'/media/My Disk/it'\\''s'`);
  });

  it('writes the commands in borg 1.x and 2.x syntax', () => {
    expect(restoreCommands({ location: '/r', encryption: 'keyfile-blake2', borgVersion: '1.4.5' })).toEqual([
      '# On a new computer, first put the key back (type the paper key below when asked):',
      'borg key import --paper /r',
      '# List the archives (borg asks for the passphrase):',
      'borg list /r',
      '# Restore an archive (or one path inside it) into the current folder:',
      'borg extract /r::ARCHIVE path/inside/archive',
    ]);
    const borg2 = restoreCommands({ location: '/r', encryption: 'repokey', borgVersion: '2.0.0b19' });
    expect(borg2).toContain('borg -r /r repo-list');
    expect(borg2).toContain('borg -r /r extract ARCHIVE path/inside/archive');
  });

  it('escapes every inserted value and prints the date', () => {
    const html = buildRecoveryKit({
      name: '<script>alert(1)</script>',
      location: '/r/<i>',
      repositoryId: 'ab'.repeat(32),
      encryption: 'repokey',
      paperKey: 'id: 1 / <x> - 00',
      borgVersion: '1.2.4',
      printedAt: '2026-03-10T08:00:00.000Z',
    });
    expect(html).not.toMatch(/<script>|<i>|<x>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('2026-03-10 08:00:00 UTC');
    expect(html.match(/class="write"/g)).toHaveLength(2);
  });
});
