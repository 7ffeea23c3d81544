/**
 * The timers that stop a child process: the abort escalation of a borg run, and a plain deadline
 * (the time limit of `borg --version` and of a plan's before/after command).
 */

const DEFAULT_KILL_GRACE_MS = 10_000;
const TERM_TO_KILL_MS = 5_000;

/** Whether the run was aborted; dispose() clears the timers. */
export interface AbortWatch {
  readonly cancelled: boolean;
  dispose(): void;
}

/** On abort: SIGINT (borg writes a checkpoint and releases its lock), SIGTERM after graceMs, SIGKILL 5 s later. */
export function watchAbort(
  signal: AbortSignal | undefined,
  kill: (signal: NodeJS.Signals) => void,
  graceMs = DEFAULT_KILL_GRACE_MS,
): AbortWatch {
  const timers: NodeJS.Timeout[] = [];
  const state = { cancelled: false };
  const onAbort = (): void => {
    state.cancelled = true;
    kill('SIGINT');
    timers.push(setTimeout(() => kill('SIGTERM'), graceMs));
    timers.push(setTimeout(() => kill('SIGKILL'), graceMs + TERM_TO_KILL_MS));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    get cancelled() {
      return state.cancelled;
    },
    dispose() {
      signal?.removeEventListener('abort', onAbort);
      for (const t of timers) clearTimeout(t);
    },
  };
}

/** Whether the deadline passed; dispose() cancels it. */
export interface Deadline {
  readonly expired: boolean;
  dispose(): void;
}

/** Calls onExpire once after ms; `expired` tells afterwards whether it did. */
export function deadline(ms: number, onExpire: () => void): Deadline {
  const state = { expired: false };
  const timer = setTimeout(() => {
    state.expired = true;
    onExpire();
  }, ms);
  return {
    get expired() {
      return state.expired;
    },
    dispose: () => clearTimeout(timer),
  };
}
