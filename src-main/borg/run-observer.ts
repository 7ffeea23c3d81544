/**
 * Watches the events of one borg run and keeps what is needed afterwards: warnings for the result,
 * and errors, prompt answers and stray text lines to explain a failure. Memory stays bounded even
 * for a run that logs a million lines.
 */
import type { BorgLogEvent } from './log-json.js';
import type { FailedRun } from './errors.js';

const MAX_WARNINGS = 1000;
const MAX_ERRORS = 50;
const MAX_RAW_LINES = 40;

/** Collects warnings, errors and prompt answers from a run's events. */
export class RunObserver {
  private readonly warningList: string[] = [];
  private droppedWarnings = 0;
  private readonly errors: { message: string; msgid?: string }[] = [];
  private readonly rawLines: string[] = [];
  private refusedPrompt: { msgid?: string; message: string } | undefined;
  private openPrompt: { msgid?: string; message: string } | undefined;

  /** Records one event. */
  observe(event: BorgLogEvent): void {
    switch (event.type) {
      case 'log_message':
        if (event.level === 'WARNING') this.addWarning(event.message);
        else if (event.level === 'ERROR' || event.level === 'CRITICAL')
          this.addError(event.message, event.msgid);
        break;
      case 'question':
        this.observeQuestion(event);
        break;
      case 'raw':
        this.rawLines.push(event.line);
        if (this.rawLines.length > MAX_RAW_LINES) this.rawLines.shift();
        break;
      default:
        break;
    }
  }

  /** WARNING log messages, capped; the last entry says how many were left out. */
  get warnings(): readonly string[] {
    if (this.droppedWarnings === 0) return [...this.warningList];
    return [...this.warningList, `… and ${this.droppedWarnings} more warnings (see the job log).`];
  }

  /** What a failure report needs. */
  failure(rc: number, cancelled: boolean): FailedRun {
    // A run that failed with only warnings (exit code 1 where 1 is not accepted) is explained by its last warning.
    const lastWarning = this.warningList.at(-1);
    const errors =
      this.errors.length > 0 || lastWarning === undefined ? [...this.errors] : [{ message: lastWarning }];
    const run = { rc, cancelled, errors, rawLines: [...this.rawLines] };
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

  private addWarning(message: string): void {
    if (this.warningList.length < MAX_WARNINGS) this.warningList.push(message);
    else this.droppedWarnings++;
  }

  private addError(message: string, msgid: string | undefined): void {
    this.errors.push(msgid === undefined ? { message } : { message, msgid });
    if (this.errors.length > MAX_ERRORS) this.errors.shift();
  }
}
