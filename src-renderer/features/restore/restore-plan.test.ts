import { describe, expect, it } from 'vitest';
import { commonFolderDepth, landingPath, lostByStrip, restoreFolderName, stripPath } from './restore-plan.js';

describe('restore plan', () => {
  it('names the new folder after the archive and the time, safely', () => {
    const now = new Date(2024, 4, 1, 9, 5);
    expect(restoreFolderName('laptop-2024-05-01T09:00', now)).toBe(
      'Restored laptop-2024-05-01T09-00 2024-05-01 09.05',
    );
    expect(restoreFolderName('a/b?', now)).toBe('Restored a-b- 2024-05-01 09.05');
    expect(restoreFolderName('...', now)).toBe('Restored archive 2024-05-01 09.05');
  });

  it('strips leading folders like borg --strip-components', () => {
    expect(stripPath('home/ann/Docs/a.txt', 0)).toBe('home/ann/Docs/a.txt');
    expect(stripPath('home/ann/Docs/a.txt', 2)).toBe('Docs/a.txt');
    expect(stripPath('home/ann', 2)).toBeUndefined();
    expect(landingPath('/restore/R', 'home/ann/Docs/a.txt', 3)).toBe('/restore/R/a.txt');
    expect(lostByStrip(['home/ann/a.txt', 'home/ann/Docs'], 3)).toEqual(['home/ann/a.txt', 'home/ann/Docs']);
    expect(lostByStrip(['home/ann/a.txt'], 2)).toEqual([]);
  });

  it('finds the folders a selection shares', () => {
    expect(commonFolderDepth(['home/ann/Docs/a.txt', 'home/ann/Photos'])).toBe(2);
    expect(commonFolderDepth(['home/ann/Docs/a.txt'])).toBe(3);
    expect(commonFolderDepth(['home/a', 'etc/b'])).toBe(0);
    expect(commonFolderDepth([])).toBe(0);
  });
});
