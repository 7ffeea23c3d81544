/**
 * Watches the events of one borg run and keeps what is needed afterwards: warnings for the result,
 * and errors, prompt answers and stray text lines to explain a failure. Memory stays bounded even
 * for a run that logs a million lines.
 */
import type { BorgLogEvent } from './log-json.js';
import type { FailedRun } from './errors.js';
import { moreWarningsText } from '../model/more-warnings.js';

export { moreWarningsText };

const MAX_WARNINGS = 1000;
const MAX_ERRORS = 50;
const MAX_RAW_LINES = 40;
const MAX_RECENT_WARNINGS = 20;
// Raw lines only explain a failure (in 500 characters); a runaway line must not be kept whole.
const MAX_RAW_LINE_LENGTH = 4000;

const MORE_WARNINGS = /^… and (\d+) more warnings \(see the job log\)\.$/;

/**
 * A warning list for a job result: borg's warnings, and how many were left out as a number (the
 * renderer words it) instead of the English closing line the run's list ends with.
 */
export function resultWarnings(warnings: readonly string[]): {
  readonly warnings: string[];
  readonly moreWarnings?: number;
} {
  const more = MORE_WARNINGS.exec(warnings.at(-1) ?? '');
  if (more === null) return { warnings: [...warnings] };
  return { warnings: warnings.slice(0, -1), moreWarnings: Number(more[1]) };
}

/** Collects warnings, errors and prompt answers from a run's events. */
export class RunObserver {
  private readonly warningList: string[] = [];
  private droppedWarnings = 0;
  private readonly errors: { message: string; msgid?: string }[] = [];
  private readonly rawLines: string[] = [];
  private readonly recentWarnings: { message: string; name?: string }[] = [];
  private refusedPrompt: { msgid?: string; message: string } | undefined;
  private openPrompt: { msgid?: string; message: string } | undefined;

  /** Records one event. */
  observe(event: BorgLogEvent): void {
    switch (event.type) {
      case 'log_message':
        if (event.level === 'WARNING') this.addWarning(event.message, event.name);
        else if (event.level === 'ERROR' || event.level === 'CRITICAL')
          this.addError(event.message, event.msgid);
        break;
      case 'question':
        this.observeQuestion(event);
        break;
      case 'raw':
        this.rawLines.push(event.line.slice(0, MAX_RAW_LINE_LENGTH));
        if (this.rawLines.length > MAX_RAW_LINES) this.rawLines.shift();
        break;
      default:
        break;
    }
  }

  /** WARNING log messages, capped; the last entry says how many were left out. */
  get warnings(): readonly string[] {
    if (this.droppedWarnings === 0) return [...this.warningList];
    return [...this.warningList, moreWarningsText(this.droppedWarnings)];
  }

  /** What a failure report needs. */
  failure(rc: number, cancelled: boolean): FailedRun {
    const run = {
      rc,
      cancelled,
      errors: [...this.errors],
      warnings: [...this.recentWarnings],
      rawLines: [...this.rawLines],
    };
    return this.refusedPrompt ? { ...run, refusedPrompt: this.refusedPrompt } : run;
  }

  private observeQuestion(event: Extract<BorgLogEvent, { type: 'question' }>): void {
    const asked = { msgid: event.msgid, message: event.message };
    switch (event.kind) {
      case 'prompt':
        this.openPrompt = asked;
        break;
      // yes() reports "no", an EOF on stdin (answered as "no") and bad answers this way.
      case 'accepted_false':
      case 'invalid_answer':
        this.refusedPrompt = this.openPrompt ?? asked;
        this.openPrompt = undefined;
        break;
      case 'accepted_true':
      case 'accepted_default':
        this.openPrompt = undefined;
        break;
      default:
        break;
    }
  }

  private addWarning(message: string, name: string | undefined): void {
    if (this.warningList.length < MAX_WARNINGS) this.warningList.push(message);
    else this.droppedWarnings++;
    this.recentWarnings.push(name === undefined ? { message } : { message, name });
    if (this.recentWarnings.length > MAX_RECENT_WARNINGS) this.recentWarnings.shift();
  }

  private addError(message: string, msgid: string | undefined): void {
    this.errors.push(msgid === undefined ? { message } : { message, msgid });
    if (this.errors.length > MAX_ERRORS) this.errors.shift();
  }
}
