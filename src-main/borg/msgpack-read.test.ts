import { describe, expect, it } from 'vitest';
import { readMsgpack } from './msgpack-read.js';

describe('readMsgpack', () => {
  it('reads the kinds borg key records use, raw strings as Buffers', () => {
    // {"a": -5, "b": -70000 (int32), "c": b"xy" (bin8), "d": "ok" (fixstr), "e": true, "f": 300 (uint16)}
    const data = Buffer.from('86a161fba162d2fffeee90a163c4027879a164a26f6ba165c3a166cd012c', 'hex');
    const value = readMsgpack(data) as Map<string, unknown>;
    expect(value.get('a')).toBe(-5);
    expect(value.get('b')).toBe(-70000);
    expect(value.get('c')).toEqual(Buffer.from('xy'));
    expect(value.get('d')).toEqual(Buffer.from('ok'));
    expect(value.get('e')).toBe(true);
    expect(value.get('f')).toBe(300);
  });

  it('throws on truncated input and on types borg keys never use', () => {
    expect(() => readMsgpack(Buffer.from('a5616263', 'hex'))).toThrow('truncated');
    expect(() => readMsgpack(Buffer.from('ca00000000', 'hex'))).toThrow('unsupported');
  });
});
