import { describe, expect, it } from 'vitest';
import { naturalCompare, naturalKey } from './name-compare.js';

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const byKey = (a: string, b: string): number => {
  const ka = naturalKey(a);
  const kb = naturalKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('naturalKey', () => {
  it('keeps a name without digits as it is', () => {
    expect(naturalKey('résumé.pdf')).toBe('résumé.pdf');
  });

  it('orders like naturalCompare on the cases it documents', () => {
    const names = [
      'file10',
      'file9',
      'file1',
      'file010',
      'a',
      'file',
      'file9b',
      'file0',
      'file00',
      'x/1',
      'x:',
    ];
    expect([...names].sort(byKey)).toEqual([...names].sort(naturalCompare));
  });

  it('orders long digit runs by value', () => {
    const names = ['n123456789012', 'n99999999', 'n1000000000', 'n0000000001', 'n1'];
    expect([...names].sort(byKey)).toEqual([...names].sort(naturalCompare));
  });

  it('agrees with naturalCompare on every pair of many random names', () => {
    // A small alphabet around the digits' neighbours makes runs, ties and edge characters frequent.
    const alphabet = ['0', '0', '1', '5', '9', '/', ':', 'a', 'b', '.', ' ', 'é', '\u0001'];
    let seed = 3;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const names: string[] = [];
    for (let k = 0; k < 400; k++) {
      let n = '';
      const length = Math.floor(rand() * 12);
      for (let c = 0; c < length; c++) n += alphabet[Math.floor(rand() * alphabet.length)] as string;
      if (rand() < 0.1) n += '0'.repeat(1 + Math.floor(rand() * 12));
      names.push(n);
    }
    const disagreements: string[] = [];
    for (const a of names)
      for (const b of names)
        if (sign(byKey(a, b)) !== sign(naturalCompare(a, b))) disagreements.push(`${a} vs ${b}`);
    expect(disagreements).toEqual([]);
  });
});
