import { describe, expect, it } from 'vitest';
import { parseLogLine } from './log-json.js';
import { moreWarningsText, resultWarnings, RunObserver } from './run-observer.js';
import { fixtureLines } from './test-fixtures.js';

const warning = (message: string) => ({ type: 'log_message', level: 'WARNING', message }) as const;

describe('RunObserver', () => {
  it('collects the warning of a create that ended with exit code 1', () => {
    const observer = new RunObserver();
    for (const line of fixtureLines('create-warning.stderr.jsonl')) observer.observe(parseLogLine(line));
    expect(observer.warnings).toEqual([
      expect.stringContaining('/nonexistent-source: [Errno 2] No such file'),
    ]);
  });

  it('caps warnings and says how many were left out', () => {
    const observer = new RunObserver();
    for (let i = 0; i < 1005; i++) observer.observe(warning(`w${i}`));
    expect(observer.warnings).toHaveLength(1001);
    expect(observer.warnings.at(-1)).toBe('… and 5 more warnings (see the job log).');
  });

  it('hands the last warnings to a failure report as warnings, never as errors', () => {
    const observer = new RunObserver();
    for (let i = 0; i < 30; i++) observer.observe(warning(`w${i}`));
    const failure = observer.failure(1, false);
    expect(failure.errors).toEqual([]);
    expect(failure.warnings).toHaveLength(20);
    expect(failure.warnings?.at(-1)).toEqual({ message: 'w29' });
  });

  it('does not report a prompt the user consented to', () => {
    const observer = new RunObserver();
    observer.observe({ type: 'question', kind: 'prompt', msgid: 'BORG_X_IS_OK', message: 'Continue?' });
    observer.observe({
      type: 'question',
      kind: 'env_answer',
      msgid: 'BORG_X_IS_OK',
      message: 'yes (from BORG_X_IS_OK)',
    });
    observer.observe({ type: 'log_message', level: 'ERROR', message: 'later failure', msgid: 'LockTimeout' });
    expect(observer.failure(2, false).refusedPrompt).toBeUndefined();
  });

  it('keeps only the last text lines', () => {
    const observer = new RunObserver();
    for (let i = 0; i < 100; i++) observer.observe({ type: 'raw', line: `line ${i}` });
    const { rawLines } = observer.failure(2, false);
    expect(rawLines).toHaveLength(40);
    expect(rawLines.at(-1)).toBe('line 99');
  });

  it('keeps only the start of a runaway text line', () => {
    const observer = new RunObserver();
    observer.observe({ type: 'raw', line: 'z'.repeat(1_000_000) });
    expect(observer.failure(2, false).rawLines[0]).toHaveLength(4000);
  });
});

describe('resultWarnings', () => {
  it("sends the left-out count as a number instead of the log's English closing line", () => {
    expect(resultWarnings(['a', 'b', moreWarningsText(7)])).toEqual({
      warnings: ['a', 'b'],
      moreWarnings: 7,
    });
    expect(resultWarnings(['a'])).toEqual({ warnings: ['a'] });
  });
});
