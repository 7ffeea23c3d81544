import { describe, expect, it } from 'vitest';
import { parseLogLine, type BorgLogEvent } from './log-json.js';
import { fixtureLines, fixtureNames } from './test-fixtures.js';

describe('parseLogLine on recorded borg 1.2.4 stderr', () => {
  const files = fixtureNames('.stderr.jsonl');

  it('has recordings to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('parses every line of %s into a typed event', (file) => {
    for (const line of fixtureLines(file)) {
      const event = parseLogLine(line);
      expect(event.type, line).not.toBe('raw');
    }
  });

  it('maps the create progress recording, including the final archive_progress without sizes', () => {
    const events = fixtureLines('create-progress-list.stderr.jsonl').map(parseLogLine);
    const progress = events.filter((e) => e.type === 'archive_progress');
    expect(progress[0]).toMatchObject({
      originalSize: 0,
      compressedSize: 0,
      deduplicatedSize: 0,
      nfiles: 0,
      finished: false,
    });
    expect(progress.at(-1)).toEqual({ type: 'archive_progress', time: expect.any(Number), finished: true });
    const files = events.filter((e) => e.type === 'file_status').map((e) => e.path);
    expect(files).toContain('src/a.txt');
    expect(files).toContain('src/café-😀.txt');
    expect(events.filter((e) => e.type === 'progress_message' && e.finished)).toHaveLength(2);
  });

  it('reads sizes from the progress recorded during a cancelled create', () => {
    const events = fixtureLines('create-sigint.stderr.jsonl').map(parseLogLine);
    expect(events.some((e) => e.type === 'archive_progress' && (e.originalSize ?? 0) > 0)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'log_message', level: 'ERROR' });
  });

  it('maps error lines with their msgid', () => {
    const [event] = fixtureLines('error-repository-missing.stderr.jsonl').map(parseLogLine);
    expect(event).toMatchObject({ type: 'log_message', level: 'ERROR', msgid: 'Repository.DoesNotExist' });
  });

  it('maps prompts to question events', () => {
    const events = fixtureLines('prompt-unencrypted-refused.stderr.jsonl').map(parseLogLine);
    const msgid = 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK';
    expect(events.slice(0, 3)).toEqual([
      { type: 'question', kind: 'prompt', msgid, message: expect.stringContaining('unencrypted') },
      { type: 'question', kind: 'env_answer', msgid, message: `no (from ${msgid})` },
      { type: 'question', kind: 'accepted_false', msgid, message: 'Aborting.' },
    ]);
  });

  it('finds the JSON object behind the getpass prompt on the same line', () => {
    const lines = fixtureLines('error-passphrase-required.stderr.txt');
    const events = lines.map(parseLogLine);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'raw', line: 'Warning: Password input may be echoed.' }),
    );
    expect(events.at(-1)).toMatchObject({ type: 'log_message', msgid: 'NoPassphraseFailure' });
  });

  it('turns the plain-text argument error into raw lines', () => {
    const events = fixtureLines('error-arguments.stderr.txt').map(parseLogLine);
    expect(events.every((e) => e.type === 'raw')).toBe(true);
  });
});

describe('parseLogLine on the examples in borg docs', () => {
  const events = fixtureLines('seed-doc-examples.jsonl').map(parseLogLine);

  it('parses each example', () => {
    expect(events.filter((e) => e.type === 'raw')).toEqual([]);
  });

  it('maps progress_percent with and without the optional fields', () => {
    expect(events[0]).toEqual({
      type: 'progress_percent',
      operation: 1,
      msgid: 'extract',
      finished: false,
      message: '100.0% Extracting: src/borgbackup.egg-info/entry_points.txt',
      current: 13000228,
      total: 13004993,
      info: ['src/borgbackup.egg-info/entry_points.txt'],
    });
    expect(events[2]).toEqual({ type: 'progress_percent', operation: 1, msgid: 'extract', finished: true });
  });

  it('maps archive_progress with all sizes', () => {
    expect(events[8]).toEqual({
      type: 'archive_progress',
      originalSize: 13176040,
      compressedSize: 11386863,
      deduplicatedSize: 503,
      nfiles: 277,
      path: '',
    });
  });

  it('reads the docs example\'s "created" as the time', () => {
    const debug = events.find(
      (e): e is Extract<BorgLogEvent, { type: 'log_message' }> => e.type === 'log_message',
    );
    expect(debug).toEqual({
      type: 'log_message',
      level: 'DEBUG',
      name: 'borg.archiver',
      message: '35 self tests completed in 0.08 seconds',
      time: 1488278449.5575905,
    });
  });

  it('maps every question kind in the examples', () => {
    const kinds = events.flatMap((e) => (e.type === 'question' ? [e.kind] : []));
    expect(kinds).toEqual(['prompt', 'invalid_answer', 'prompt', 'accepted_false', 'prompt']);
  });
});

describe('parseLogLine on bad input', () => {
  it.each([
    ['empty', ''],
    ['garbage', 'Traceback (most recent call last):'],
    ['truncated JSON', '{"type": "archive_progress", "original_size": 12'],
    ['a JSON array', '[1, 2, 3]'],
    ['a JSON string', '"log_message"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['no type', '{"message": "hello"}'],
    ['a non-string type', '{"type": 5}'],
    ['an unknown type', '{"type": "fancy_new_thing", "message": "x"}'],
    ['an unknown question kind', '{"type": "question_maybe", "message": "x"}'],
    ['a size that is a string', '{"type": "archive_progress", "original_size": "12"}'],
    ['finished that is a string', '{"type": "progress_message", "finished": "yes"}'],
    ['file_status without a path', '{"type": "file_status", "status": "A"}'],
    ['log_message with an unknown level', '{"type": "log_message", "levelname": "LOUD", "message": "x"}'],
    ['log_message without a message', '{"type": "log_message", "levelname": "INFO"}'],
    ['info that is not a list', '{"type": "progress_percent", "finished": false, "info": "x"}'],
    ['info holding objects', '{"type": "progress_percent", "finished": false, "info": [{}]}'],
    ['a question without a message', '{"type": "question_prompt", "msgid": "X"}'],
  ])('returns raw for %s', (_what, line) => {
    expect(parseLogLine(line)).toEqual({ type: 'raw', line });
  });

  it('treats null fields as absent and ignores unknown keys', () => {
    const line =
      '{"type": "progress_message", "operation": 3, "msgid": null, "finished": false, "extra": {"a": 1}}';
    expect(parseLogLine(line)).toEqual({ type: 'progress_message', operation: 3, finished: false });
  });

  it('keeps numbers in info as text', () => {
    const line = '{"type": "progress_percent", "finished": false, "info": ["a", 2]}';
    expect(parseLogLine(line)).toEqual({ type: 'progress_percent', finished: false, info: ['a', '2'] });
  });

  it('defaults a missing finished flag to false', () => {
    expect(parseLogLine('{"type": "progress_percent", "current": 1, "total": 2}')).toEqual({
      type: 'progress_percent',
      finished: false,
      current: 1,
      total: 2,
    });
  });

  it('keeps text before a JSON object raw when the object is broken', () => {
    const line = 'Enter passphrase: {"type": "log_message", "levelname": ';
    expect(parseLogLine(line)).toEqual({ type: 'raw', line });
  });

  it('keeps lone surrogates from escaped non-UTF-8 names', () => {
    const event = parseLogLine('{"type": "file_status", "status": "A", "path": "x/\\udcff"}');
    expect(event).toEqual({ type: 'file_status', status: 'A', path: 'x/\udcff' });
  });
});
