/**
 * Borg runs that are not jobs — mount, unmount, the key commands, break-lock, rename, comment,
 * init — still leave a trace the user can read: each becomes a history entry whose log starts with
 * the command line (through the same runningLine as every job), then borg's own messages and the
 * outcome. Nothing here changes how the run goes: its result and its error pass through untouched.
 */
import { randomUUID } from 'node:crypto';
import type { BorgContext } from '../../borg/exec.js';
import type { JobKind, JobSnapshot, JobTitleWords, LogEntry } from '../../model/job.js';
import { isBorgError } from '../../borg/errors.js';
import { runningLine } from '../jobs/command-line.js';
import { toLogEntry } from '../jobs/job-log.js';
import type { FinishedJob } from '../jobs/job-manager.js';
import { serializeError } from '../serialize-error.js';
import { log as coreLog } from '../logging/log.js';

/** One borg run to record: what it is, for which repository, and the arguments and context it runs with. */
export interface BorgOperation<C extends BorgContext = BorgContext> {
  readonly kind: JobKind;
  /** The repository it is for ('' for one that is not registered yet, such as a failed init). */
  readonly repoId: string;
  /** The repository's name when it is not registered (yet); otherwise the registry's is used. */
  readonly repoName?: string;
  readonly title: string;
  /** The title as a code and names, for the renderer (see model/job-titles.ts). */
  readonly titleWords?: JobTitleWords;
  readonly args: readonly string[];
  readonly ctx: C;
}

/** Runs `run` with the operation's context (its events also go to the record) and records it. */
export type RecordOperation = <T, C extends BorgContext>(
  operation: BorgOperation<C>,
  run: (ctx: C) => Promise<T>,
) => Promise<T>;

/** For services built without a history (unit tests): runs the operation, records nothing. */
export const recordNothing: RecordOperation = (operation, run) => run(operation.ctx);

/** What the recorder hands a finished operation to (the history), and its clock. */
export interface OperationRecorderDeps {
  readonly record: (operation: FinishedJob, repoName: string | undefined) => void;
  readonly now: () => number;
}

/** A RecordOperation that hands every finished operation, as a finished job, to `deps.record`. */
export function operationRecorder(deps: OperationRecorderDeps): RecordOperation {
  const time = (): string => new Date(deps.now()).toISOString();
  return async (operation, run) => {
    const startedAt = time();
    const log: LogEntry[] = [
      { time: startedAt, level: 'info', message: runningLine(operation.args, operation.ctx) },
    ];
    const ctx = {
      ...operation.ctx,
      onEvent: (event: Parameters<NonNullable<BorgContext['onEvent']>>[0]) => {
        const entry = toLogEntry(event, time());
        if (entry !== undefined) log.push(entry);
        operation.ctx.onEvent?.(event);
      },
    };
    const finish = (patch: Pick<JobSnapshot, 'status'> & Partial<JobSnapshot>, last: LogEntry): void => {
      log.push(last);
      const snapshot: JobSnapshot = {
        id: randomUUID(),
        kind: operation.kind,
        repoId: operation.repoId,
        title: operation.title,
        ...(operation.titleWords !== undefined ? { titleWords: operation.titleWords } : {}),
        startedAt,
        finishedAt: last.time,
        ...patch,
      };
      try {
        deps.record({ snapshot, trigger: 'manual', log }, operation.repoName);
      } catch (e) {
        coreLog.error('recording an operation failed', e);
      }
    };
    try {
      const result = await run(ctx);
      finish({ status: 'succeeded' }, { time: time(), level: 'info', message: 'Done.' });
      return result;
    } catch (e) {
      if (isBorgError(e) && e.code === 'Cancelled') {
        finish({ status: 'cancelled' }, { time: time(), level: 'warning', message: 'Cancelled.' });
      } else {
        const error = serializeError(e);
        const message = error.remedy === undefined ? error.message : `${error.message} ${error.remedy}`;
        finish({ status: 'failed', error }, { time: time(), level: 'error', message });
      }
      throw e;
    }
  };
}
