import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, formatLine, parseLogLevel } from './logger.js';
import { createRotatingFileSink, LOG_FILE_NAME } from './rotating-file-sink.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('logger', () => {
  it('drops lines below its level and formats the rest with time, level and detail', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', sink: (line) => lines.push(line), now: () => 0 });
    log.debug('not shown');
    log.warn('disk slow', { ms: 1200 });
    log.error('failed', new Error('boom'));
    expect(lines[0]).toBe('1970-01-01T00:00:00.000Z WARN  disk slow: { ms: 1200 }');
    expect(lines[1]).toMatch(/^1970-01-01T00:00:00\.000Z ERROR failed: Error: boom\n\s+at /);
    expect(lines).toHaveLength(2);
  });

  it('survives a sink that throws', () => {
    const log = createLogger({
      level: 'debug',
      sink: () => {
        throw new Error('disk full');
      },
    });
    expect(() => log.error('x')).not.toThrow();
  });

  it('reads a level name and falls back otherwise', () => {
    expect(parseLogLevel(' DEBUG ', 'info')).toBe('debug');
    expect(parseLogLevel('loud', 'warn')).toBe('warn');
    expect(parseLogLevel(undefined, 'info')).toBe('info');
    expect(formatLine(new Date(0), 'info', 'plain')).toBe('1970-01-01T00:00:00.000Z INFO  plain');
  });
});

describe('rotating file sink', () => {
  it('rotates by size and keeps a bounded number of files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'borgdesk-log-'));
    dirs.push(dir);
    const sink = createRotatingFileSink({ dir: path.join(dir, 'logs'), maxBytes: 100, keep: 2 });
    for (let i = 0; i < 20; i++) sink(`line ${i} ${'x'.repeat(30)}`, 'info');
    const names = readdirSync(path.join(dir, 'logs')).sort();
    expect(names).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    const current = readFileSync(path.join(dir, 'logs', LOG_FILE_NAME), 'utf8');
    expect(current).toContain('line 19');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(100);
    expect(readFileSync(path.join(dir, 'logs', `${LOG_FILE_NAME}.1`), 'utf8')).toContain('line 17');
  });
});
