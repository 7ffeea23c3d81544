import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_BYTES, splitLines, truncationMarker } from './line-splitter.js';
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

describe('LineSplitter on overlong lines', () => {
  const CHUNK = 64 * 1024;

  // Feeds `total` bytes of "x" without a newline in 64 KiB chunks, then a newline; returns the time.
  function feedOneLine(total: number): { ms: number; lines: string[] } {
    const splitter = new LineSplitter();
    const chunk = new Uint8Array(CHUNK).fill(0x78);
    const lines: string[] = [];
    const started = performance.now();
    for (let sent = 0; sent < total; sent += CHUNK) lines.push(...splitter.push(chunk));
    lines.push(...splitter.push('\nnext\n'), ...splitter.end());
    return { ms: performance.now() - started, lines };
  }

  it('splits a 64 MiB line without a newline in linear time and keeps a truncated copy', () => {
    const baseline = feedOneLine(CHUNK);
    const huge = feedOneLine(64 * 1024 * 1024);
    // Quadratic splitting took ~21 s here; linear takes a few ms. 3 s leaves room for a loaded machine.
    expect(huge.ms).toBeLessThan(3000);
    expect(baseline.lines).toEqual(['x'.repeat(CHUNK), 'next']);
    expect(huge.lines).toHaveLength(2);
    expect(huge.lines[0]).toBe(`${'x'.repeat(MAX_LINE_BYTES)}${truncationMarker(64 * 1024 * 1024)}`);
    expect(huge.lines[1]).toBe('next');
  });

  it('never cuts a UTF-8 character in half at the cap', () => {
    const splitter = new LineSplitter(5);
    // "ab€" is 5 bytes (€ = 3), "ab€€" is 8: the second € must go whole.
    expect(splitter.push('ab€€cd\nok\n')).toEqual([`ab€${truncationMarker(10)}`, 'ok']);
    const split = new LineSplitter(4);
    expect([...split.push(bytes('ab€')), ...split.end()]).toEqual([`ab${truncationMarker(5)}`]);
  });

  it('turns a truncated JSON line into a raw event instead of throwing', () => {
    const splitter = new LineSplitter(40);
    const line = JSON.stringify({ type: 'log_message', levelname: 'ERROR', message: 'y'.repeat(100) });
    const [cut] = splitter.push(`${line}\n`);
    expect(cut?.endsWith(truncationMarker(line.length))).toBe(true);
    expect(parseLogLine(cut ?? '')).toEqual({ type: 'raw', line: cut });
  });
});
