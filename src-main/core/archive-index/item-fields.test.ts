import { describe, expect, it } from 'vitest';
import {
  formatTime,
  parseTime,
  typeCode,
  TYPE_DIR,
  TYPE_FILE,
  TYPE_OTHER,
  TYPE_SYMLINK,
} from './item-fields.js';

function roundTrip(value: string): string {
  const out = { micros: 0, suffix: '' };
  parseTime(value, out);
  return formatTime(out.micros, out.suffix);
}

describe('item fields', () => {
  it('keeps borg timestamps exactly, with or without a UTC offset', () => {
    for (const t of [
      '2026-11-21T23:33:48.481153',
      '1970-01-01T00:00:00.000000',
      '1969-12-31T23:59:59.999999',
      '2000-02-29T12:00:00.000001',
      '2024-05-01T10:00:00.000000+02:00',
      '1601-01-01T00:00:00.500000',
    ])
      expect(roundTrip(t)).toBe(t);
  });

  it('agrees with Date on random instants', () => {
    let seed = 1;
    for (let k = 0; k < 2000; k++) {
      seed = (seed * 48271) % 2147483647;
      const ms = (seed / 2147483647) * 8e12 - 3e12;
      const iso = new Date(Math.floor(ms)).toISOString().slice(0, 19);
      expect(roundTrip(`${iso}.123456`)).toBe(`${iso}.123456`);
    }
  });

  it('pads a missing fraction and gives up on anything else', () => {
    expect(roundTrip('2024-05-01T10:00:00')).toBe('2024-05-01T10:00:00.000000');
    expect(roundTrip('yesterday')).toBe('');
    expect(roundTrip('')).toBe('');
    const out = { micros: 0, suffix: '' };
    parseTime(undefined, out);
    expect(Number.isNaN(out.micros)).toBe(true);
  });

  it('maps borg item types', () => {
    expect([
      typeCode('-'),
      typeCode('h'),
      typeCode('d'),
      typeCode('l'),
      typeCode('p'),
      typeCode('c'),
    ]).toEqual([TYPE_FILE, TYPE_FILE, TYPE_DIR, TYPE_SYMLINK, TYPE_OTHER, TYPE_OTHER]);
  });
});
