/**
 * What a migration shows while it runs: borg's transfer prints one line per archive and no
 * percentage, so progress is counted here in archives (done of total, the one being copied) and
 * published as step progress, which the job screen already draws as a bar with a message.
 */
import type { BorgLogEvent } from '../../borg/log-json.js';
import type { TransferLine } from '../../borg/commands/transfer.js';
import type { StepWords } from '../../model/job.js';
import { stepMessage } from '../../model/step-words.js';

/** Counts archives across the dry run (the plan) and the real transfer. */
export class MigrationProgress {
  private total = 0;
  private done = 0;
  private current: string | undefined;

  constructor(private readonly publish: (event: BorgLogEvent) => void) {}

  /** A step without archive counts yet (creating the repository, planning). */
  step(code: 'migrate-creating' | 'migrate-counting'): void {
    this.publish({ type: 'progress_message', finished: false, ...stepMessage({ code }) });
  }

  /** A dry-run line: one more archive to consider. */
  planned(): void {
    this.total += 1;
  }

  /** A transfer line: an archive started, finished or was already there. */
  transferred(line: TransferLine): void {
    if (line.kind === 'planned') return;
    if (line.kind === 'copying') this.current = line.archive;
    else {
      this.done += 1;
      this.current = undefined;
    }
    this.publishCounts();
  }

  /** How far it got, for the job log and the result. */
  summary(): { readonly done: number; readonly total: number } {
    return { done: this.done, total: this.total };
  }

  private publishCounts(): void {
    const total = Math.max(this.total, this.done);
    const words: StepWords =
      this.current === undefined
        ? { code: 'migrate-copied', done: this.done, total }
        : { code: 'migrate-copying', archive: this.current, index: Math.min(this.done + 1, total), total };
    this.publish({
      type: 'progress_percent',
      finished: false,
      ...stepMessage(words),
      current: this.done,
      total,
    });
  }
}
