import { describe, expect, it } from 'vitest';
import { archiveCrumbs, isWithin, nameOf, ownerOf, parentOf, searchModeFor } from './archive-paths.js';

describe('archive paths', () => {
  it('splits a path into folder and name', () => {
    expect(parentOf('home/ann/Notes 2024/résumé.txt')).toBe('home/ann/Notes 2024');
    expect(parentOf('home')).toBe('');
    expect(nameOf('home/ann/Notes 2024/résumé.txt')).toBe('résumé.txt');
    expect(nameOf('home')).toBe('home');
  });

  it('knows what lies inside a folder, on segment boundaries only', () => {
    expect(isWithin('home/ann/a.txt', 'home/ann')).toBe(true);
    expect(isWithin('home/ann', 'home/ann')).toBe(true);
    expect(isWithin('home/anna/a.txt', 'home/ann')).toBe(false);
    expect(isWithin('etc/hosts', '')).toBe(true);
  });

  it('builds a breadcrumb below the root', () => {
    expect(archiveCrumbs('home/ann')).toEqual([
      { label: 'home', path: 'home' },
      { label: 'ann', path: 'home/ann' },
    ]);
    expect(archiveCrumbs('')).toEqual([]);
  });

  it('treats wildcard queries as globs', () => {
    expect(searchModeFor('report')).toBe('substring');
    expect(searchModeFor('*.pdf')).toBe('glob');
    expect(searchModeFor('file?.txt')).toBe('glob');
    expect(searchModeFor('[ab].txt')).toBe('glob');
  });

  it('shows the group only when it differs from the user', () => {
    expect(ownerOf({ user: 'ann', group: 'ann' })).toBe('ann');
    expect(ownerOf({ user: 'ann', group: 'staff' })).toBe('ann:staff');
  });
});
