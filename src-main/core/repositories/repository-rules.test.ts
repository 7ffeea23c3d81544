import { describe, expect, it } from 'vitest';
import type { ArchiveSummary } from '../../model/archive.js';
import { requireName, sameSecond, sortNewestFirst } from './repository-rules.js';

const archive = (name: string, start: string): ArchiveSummary => ({ id: name, name, start });

describe('repository rules', () => {
  it('sorts archives newest first, later-listed first on equal times', () => {
    const sorted = sortNewestFirst([
      archive('a', '2024-01-01T10:00:00.000000'),
      archive('b', '2024-01-02T10:00:00.000000'),
      archive('c', '2024-01-02T10:00:00.000000'),
      archive('d', '2023-12-31T10:00:00.000000'),
    ]);
    expect(sorted.map((a) => a.name)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('compares times to the second', () => {
    expect(sameSecond('2024-01-01T10:00:00.900Z', '2024-01-01T10:00:00.000Z')).toBe(true);
    expect(sameSecond('2024-01-01T10:00:01.000Z', '2024-01-01T10:00:00.000Z')).toBe(false);
    expect(sameSecond(undefined, undefined)).toBe(true);
    expect(sameSecond('2024-01-01T10:00:00.000Z', undefined)).toBe(false);
  });

  it('trims names and rejects blank ones', () => {
    expect(requireName('  Laptop ')).toBe('Laptop');
    expect(() => requireName('   ')).toThrow(/name/);
  });
});
