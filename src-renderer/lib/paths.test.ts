import { describe, expect, it } from 'vitest';
import { baseName, defaultExcludePatterns, isRemoteLocation, joinPath, tildify, toCrumbs } from './paths.js';

describe('paths', () => {
  it('recognises remote locations', () => {
    expect(isRemoteLocation('ssh://ann@nas/backups/repo')).toBe(true);
    expect(isRemoteLocation('ann@nas:backups/repo')).toBe(true);
    expect(isRemoteLocation('/mnt/usb/repo')).toBe(false);
    expect(isRemoteLocation('C:\\Backups')).toBe(false);
  });

  it('joins and splits with the path’s own separator', () => {
    expect(joinPath('/home/ann', 'Backups')).toBe('/home/ann/Backups');
    expect(joinPath('/', 'srv')).toBe('/srv');
    expect(joinPath('C:\\Users\\ann', 'Backups')).toBe('C:\\Users\\ann\\Backups');
    expect(baseName('/home/ann/Backups/')).toBe('Backups');
  });

  it('builds breadcrumbs from the root', () => {
    expect(toCrumbs('/home/ann')).toEqual([
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'ann', path: '/home/ann' },
    ]);
    expect(toCrumbs('C:\\Users').map((c) => c.path)).toEqual(['C:\\', 'C:\\Users']);
  });

  it('shortens the home folder to ~ only on a segment boundary', () => {
    expect(tildify('/home/ann/Documents', '/home/ann')).toBe('~/Documents');
    expect(tildify('/home/anna', '/home/ann')).toBe('/home/anna');
    expect(tildify('/home/ann', '/home/ann')).toBe('~');
  });

  it('proposes cache and trash exclusions inside the home folder', () => {
    const linux = defaultExcludePatterns('/home/ann', 'linux');
    expect(linux).toContain('/home/ann/.cache');
    expect(linux).toContain('/home/ann/.local/share/Trash');
    expect(defaultExcludePatterns('/Users/ann', 'darwin')).toContain('/Users/ann/.Trash');
  });
});
