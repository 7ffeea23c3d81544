/**
 * Borg 2's plain-text questions (recorded in __fixtures__/2.0.0b19/prompt-*.stderr.jsonl) become the
 * question events borg 1 writes as JSON, so a refused question names itself on every borg.
 */
import { describe, expect, it } from 'vitest';
import { borgErrorFromRun } from './errors.js';
import { parseLogLine, type BorgLogEvent } from './log-json.js';
import { PlainQuestionReader } from './plain-questions.js';
import { RunObserver } from './run-observer.js';
import { fixtureLines, recordedExitCode } from './test-fixtures.js';

function read(file: string): { events: BorgLogEvent[]; observer: RunObserver } {
  const reader = new PlainQuestionReader();
  const observer = new RunObserver();
  const events = fixtureLines(file).flatMap((line) => reader.read(parseLogLine(line)));
  for (const event of events) observer.observe(event);
  return { events, observer };
}

const UNENCRYPTED = 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK';

describe('plain-text questions', () => {
  it("reads borg 2's refused question about an unknown unencrypted repository", () => {
    const { events, observer } = read('2.0.0b19/prompt-unencrypted-refused.stderr.jsonl');
    expect(events.filter((e) => e.type === 'question')).toEqual([
      {
        type: 'question',
        kind: 'prompt',
        msgid: UNENCRYPTED,
        message:
          'Warning: Attempting to access a previously unknown unencrypted repository!\nDo you want to continue? [yN] ',
      },
      { type: 'question', kind: 'env_answer', msgid: UNENCRYPTED, message: `no (from ${UNENCRYPTED})` },
      { type: 'question', kind: 'accepted_false', msgid: UNENCRYPTED, message: 'no' },
    ]);
    const rc = recordedExitCode('2.0.0b19/prompt-unencrypted-refused', 'exit-codes.manifest.json');
    expect(borgErrorFromRun(observer.failure(rc, false))).toMatchObject({
      code: 'PromptRefused',
      prompt: UNENCRYPTED,
      msgid: UNENCRYPTED,
      question:
        'Warning: Attempting to access a previously unknown unencrypted repository!\nDo you want to continue?',
    });
  });

  it('names a question refused at stdin EOF (no env answer) by the prompt its refusal answers', () => {
    const { events, observer } = read('2.0.0b19/prompt-unencrypted-eof.stderr.jsonl');
    expect(events.some((e) => e.type === 'question')).toBe(false);
    // errors.ts maps the refusal (Cache.CacheInitAbortedError) to its question, so Yes can consent to it.
    expect(borgErrorFromRun(observer.failure(2, false))).toMatchObject({
      code: 'PromptRefused',
      msgid: UNENCRYPTED,
    });
  });

  it("passes borg 1's JSON questions through unchanged", () => {
    const { events } = read('prompt-unencrypted-refused.stderr.jsonl');
    const parsed = fixtureLines('prompt-unencrypted-refused.stderr.jsonl').map(parseLogLine);
    expect(events).toEqual(parsed);
  });

  it('tells yes, no, default and nonsense answers apart', () => {
    const kinds = ['YES', 'no', '', 'maybe'].map((answer) => {
      const line = `Type 'YES' if you understand this and want to continue: ${answer} (from BORG_CHECK_I_KNOW_WHAT_I_AM_DOING)`;
      return new PlainQuestionReader().read({ type: 'raw', line })[2];
    });
    expect(kinds.map((e) => (e?.type === 'question' ? e.kind : undefined))).toEqual([
      'accepted_true',
      'accepted_false',
      'accepted_default',
      'invalid_answer',
    ]);
  });
});
