/**
 * Borg's yes/no questions when they arrive as plain text. Borg 1.2/1.4 write them as `question_*`
 * JSON lines under `--log-json`; borg 2 (2.0.0b19) prints them as text even then (its yes() asks a
 * logger that never got the json flag), e.g. (recorded in borg-fixtures 2.0.0b19/prompt-*):
 *
 *   Warning: Attempting to access a previously unknown unencrypted repository!
 *   Do you want to continue? [yN] no (from BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK)
 *   Aborting.
 *
 * Borgdesk answers every known question through its env var (env.ts), so the answer line names the
 * question. The reader turns that line into the events borg 1 would have sent (prompt, env_answer,
 * accepted_*), so the run's error names the question and the user can answer it, on every borg.
 */
import type { BorgLogEvent, BorgQuestionKind } from './log-json.js';

// "<question> <answer> (from BORG_…)": borg's env_msg "{} (from {})" after the prompt text.
const ENV_ANSWER = /^(.*) (\S*) \(from (BORG_\w+)\)$/;
// The lines of a question before its last line ("Warning: …"); a question has a handful.
const MAX_QUESTION_LINES = 12;

// borg/helpers/yes_no.py: TRUISH, FALSISH, DEFAULTISH.
const TRUISH = new Set(['Yes', 'YES', 'yes', 'Y', 'y', '1']);
const FALSISH = new Set(['No', 'NO', 'no', 'N', 'n', '0']);
const DEFAULTISH = new Set(['Default', 'DEFAULT', 'default', 'D', 'd', '']);

function answerKind(answer: string): BorgQuestionKind {
  if (TRUISH.has(answer)) return 'accepted_true';
  if (FALSISH.has(answer)) return 'accepted_false';
  return DEFAULTISH.has(answer) ? 'accepted_default' : 'invalid_answer';
}

/** Reads one run's stderr events in order and adds question events for plain-text questions. */
export class PlainQuestionReader {
  private lines: string[] = [];

  /** The events one parsed stderr line stands for (usually just itself). */
  read(event: BorgLogEvent): BorgLogEvent[] {
    if (event.type !== 'raw') {
      this.lines = [];
      return [event];
    }
    const answered = ENV_ANSWER.exec(event.line);
    if (!answered) {
      this.lines.push(event.line);
      if (this.lines.length > MAX_QUESTION_LINES) this.lines.shift();
      return [event];
    }
    const [, question = '', answer = '', msgid = ''] = answered;
    const message = [...this.lines, `${question} `].join('\n');
    this.lines = [];
    return [
      { type: 'question', kind: 'prompt', msgid, message },
      { type: 'question', kind: 'env_answer', msgid, message: `${answer} (from ${msgid})` },
      { type: 'question', kind: answerKind(answer), msgid, message: answer },
    ];
  }
}
