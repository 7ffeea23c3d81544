import { describe, expect, it } from 'vitest';
import {
  coveringPath,
  describeSelection,
  emptySelection,
  excludeFromFolder,
  selectedPaths,
  setSelected,
  type SelectedItem,
} from './selection.js';

const file = (path: string): SelectedItem => ({ path, type: 'file' });
const dir = (path: string): SelectedItem => ({ path, type: 'directory' });

describe('selection', () => {
  it('collects items across folders', () => {
    let sel = setSelected(emptySelection, file('home/ann/a.txt'), true);
    sel = setSelected(sel, dir('home/bob/Photos'), true);
    expect(selectedPaths(sel)).toEqual(['home/ann/a.txt', 'home/bob/Photos']);
    expect(describeSelection(sel)).toBe('2 items selected (1 folder, 1 file)');
  });

  it('lets a ticked folder absorb what was ticked inside it', () => {
    let sel = setSelected(emptySelection, file('home/ann/a.txt'), true);
    sel = setSelected(sel, file('home/anna/b.txt'), true);
    sel = setSelected(sel, dir('home/ann'), true);
    expect(selectedPaths(sel)).toEqual(['home/ann', 'home/anna/b.txt']);
    // Inside a ticked folder a tick adds nothing.
    expect(setSelected(sel, file('home/ann/c.txt'), true)).toBe(sel);
    expect(coveringPath(sel, 'home/ann/deep/c.txt')).toBe('home/ann');
    expect(coveringPath(sel, 'home/bob')).toBeUndefined();
  });

  it('unticks only what was ticked', () => {
    const sel = setSelected(emptySelection, dir('home/ann'), true);
    expect(setSelected(sel, file('home/ann/a.txt'), false)).toBe(sel);
    expect(selectedPaths(setSelected(sel, dir('home/ann'), false))).toEqual([]);
    expect(describeSelection(emptySelection)).toBe('Nothing selected');
  });

  it('expands a ticked folder to leave one item out', () => {
    const children: Record<string, SelectedItem[]> = {
      'home/ann': [dir('home/ann/Docs'), file('home/ann/x.txt')],
      'home/ann/Docs': [file('home/ann/Docs/a.txt'), file('home/ann/Docs/b.txt')],
    };
    const sel = setSelected(emptySelection, dir('home/ann'), true);
    const next = excludeFromFolder(sel, 'home/ann', (p) => children[p] ?? [], 'home/ann/Docs/b.txt');
    expect(selectedPaths(next)).toEqual(['home/ann/Docs/a.txt', 'home/ann/x.txt']);
  });

  it('handles the root as a folder', () => {
    const sel = setSelected(emptySelection, dir(''), true);
    expect(coveringPath(sel, 'etc/hosts')).toBe('');
    expect(selectedPaths(sel)).toEqual([]);
    expect(describeSelection(sel)).toBe('Everything selected');
    const next = excludeFromFolder(sel, '', () => [dir('etc'), dir('home')], 'home');
    expect(selectedPaths(next)).toEqual(['etc']);
  });
});
