import { describe, expect, it } from 'vitest';
import { LineSplitter, splitLines } from './line-splitter.js';
import { parseLogLine } from './log-json.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('LineSplitter', () => {
  it('keeps a JSON object split across two chunks whole', () => {
    const line = '{"type": "file_status", "status": "A", "path": "src/a.txt"}';
    const splitter = new LineSplitter();
    expect(splitter.push(bytes(line.slice(0, 23)))).toEqual([]);
    const lines = splitter.push(bytes(`${line.slice(23)}\n`));
    expect(lines).toEqual([line]);
    expect(parseLogLine(lines[0] ?? '')).toEqual({ type: 'file_status', status: 'A', path: 'src/a.txt' });
  });

  it('joins a multi-byte UTF-8 character cut at every possible byte', () => {
    const text = 'café 😀 ü\n';
    const encoded = bytes(text);
    for (let cut = 1; cut < encoded.length; cut++) {
      const splitter = new LineSplitter();
      const lines = [
        ...splitter.push(encoded.slice(0, cut)),
        ...splitter.push(encoded.slice(cut)),
        ...splitter.end(),
      ];
      expect(lines).toEqual(['café 😀 ü']);
    }
  });

  it('feeds one byte at a time', () => {
    const encoded = bytes('a€\nb😀\r\nc');
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (const byte of encoded) lines.push(...splitter.push(Uint8Array.of(byte)));
    lines.push(...splitter.end());
    expect(lines).toEqual(['a€', 'b😀', 'c']);
  });

  it('strips CRLF and keeps empty lines', () => {
    expect(splitLines('one\r\ntwo\r\n\r\nthree\n')).toEqual(['one', 'two', '', 'three']);
  });

  it('returns a final line without newline only at end()', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('first\nlast')).toEqual(['first']);
    expect(splitter.end()).toEqual(['last']);
    expect(splitter.end()).toEqual([]);
  });

  it('completes several lines in one chunk', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('a\nb\nc\n')).toEqual(['a', 'b', 'c']);
    expect(splitter.end()).toEqual([]);
  });

  it('replaces invalid UTF-8 instead of throwing', () => {
    const splitter = new LineSplitter();
    const lines = [...splitter.push(Uint8Array.of(0x61, 0xff, 0x62, 0x0a)), ...splitter.end()];
    expect(lines).toEqual(['a\uFFFDb']);
  });
});
