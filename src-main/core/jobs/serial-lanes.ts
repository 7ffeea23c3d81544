/**
 * Runs async work in lanes: one task per lane at a time, first in first out; different lanes run
 * in parallel. Borgdesk keeps one lane per repository location, because borg locks a repository
 * and a second borg process on it would wait for the lock and then fail.
 */
import { AppError } from '../app-error.js';

interface Waiting {
  readonly start: () => void;
  readonly signal: AbortSignal | undefined;
  /** Set for background work (runYielding): aborted when other work joins the lane. */
  readonly yieldTo?: AbortController;
}

interface Lane {
  running: boolean;
  current: Waiting | undefined;
  readonly waiting: Waiting[];
}

/** Per-key FIFO execution with at most one running task per key. */
export class SerialLanes {
  private readonly lanes = new Map<string, Lane>();
  private idleWaiters: (() => void)[] = [];

  /**
   * Run `task` once every earlier task in lane `key` has settled. If `signal` aborts while the task
   * is still waiting, it is taken out of the lane and the promise rejects with code 'Cancelled'.
   */
  run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.enqueue(key, task, signal, undefined);
  }

  /**
   * Background work that gives way: it waits behind every task that is not itself background work
   * (such tasks go ahead of it in the queue), and once running, `yieldSignal` aborts as soon as any
   * such task joins the lane. The task should then stop promptly and may queue itself again.
   */
  runYielding<T>(
    key: string,
    task: (yieldSignal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const yieldTo = new AbortController();
    return this.enqueue(key, () => task(yieldTo.signal), signal, yieldTo);
  }

  private enqueue<T>(
    key: string,
    task: () => Promise<T>,
    signal: AbortSignal | undefined,
    yieldTo: AbortController | undefined,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted === true) {
        reject(cancelledWhileQueued());
        return;
      }
      const lane = this.laneFor(key);
      const entry: Waiting = {
        signal,
        ...(yieldTo === undefined ? {} : { yieldTo }),
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          // Via then() so a task that throws synchronously still settles and frees the lane.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => this.next(key));
        },
      };
      const onAbort = (): void => {
        const index = lane.waiting.indexOf(entry);
        if (index >= 0) {
          lane.waiting.splice(index, 1);
          reject(cancelledWhileQueued());
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (yieldTo === undefined) {
        const firstBackground = lane.waiting.findIndex((w) => w.yieldTo !== undefined);
        lane.waiting.splice(firstBackground < 0 ? lane.waiting.length : firstBackground, 0, entry);
        lane.current?.yieldTo?.abort();
      } else lane.waiting.push(entry);
      if (!lane.running) this.next(key);
    });
  }

  /** Resolves once every lane is empty: nothing running, nothing waiting. */
  idle(): Promise<void> {
    if (this.lanes.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** True while a task of lane `key` is running. */
  isBusy(key: string): boolean {
    return this.lanes.get(key)?.running ?? false;
  }

  /** How many tasks wait in lane `key` (not counting the running one). */
  waitingCount(key: string): number {
    return this.lanes.get(key)?.waiting.length ?? 0;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private laneFor(key: string): Lane {
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = { running: false, current: undefined, waiting: [] };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private next(key: string): void {
    const lane = this.lanes.get(key);
    if (lane === undefined) return;
    const entry = lane.waiting.shift();
    lane.current = entry;
    if (entry === undefined) {
      lane.running = false;
      this.lanes.delete(key);
      if (this.lanes.size === 0) this.notifyIdle();
      return;
    }
    lane.running = true;
    entry.start();
  }
}

function cancelledWhileQueued(): AppError {
  return new AppError('Cancelled', 'Cancelled before it started.', undefined, {
    reason: 'cancelledBeforeStarted',
  });
}
