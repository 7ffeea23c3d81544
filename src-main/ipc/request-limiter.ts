/**
 * Bounds how much work the requests of one connection, and of all connections together, can start.
 * Expensive requests (borg calls, folder walks, big replies) run a few at a time per connection and
 * overall, with a small queue per connection; beyond the queue, and beyond a cap on unanswered
 * requests of any kind, a request is refused at once so a flood costs a tiny reply, not memory.
 */
import type { RequestName } from './contract.js';
import type { SerializedError } from '../model/errors.js';

/** Concurrency and queue limits; see {@link DEFAULT_REQUEST_LIMITS}. */
export interface RequestLimits {
  /** Expensive requests running at once for one connection. */
  readonly heavyPerConnection: number;
  /** Expensive requests of one connection waiting for a slot; one more is refused with Busy. */
  readonly heavyQueuePerConnection: number;
  /** Expensive requests running at once over every connection. */
  readonly heavyGlobal: number;
  /** Requests of any kind that one connection may have unanswered; one more is refused with Busy. */
  readonly pendingPerConnection: number;
}

/** Limits for a person's browser: room for a busy page, nothing like ten thousand requests. */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  heavyPerConnection: 4,
  heavyQueuePerConnection: 32,
  heavyGlobal: 8,
  pendingPerConnection: 256,
};

/** Requests that run borg, walk folders or build large replies. */
export const HEAVY_REQUESTS: ReadonlySet<RequestName> = new Set<RequestName>([
  'fs:list-folder',
  'app:stale',
  'repos:create',
  'repos:add-existing',
  'repos:unlock',
  'repos:details',
  'repos:set-passcommand',
  'repos:test-passcommand',
  'jobs:log',
  'archives:open',
  'archives:folder',
  'archives:locate',
  'archives:search',
  'archives:versions',
  'archives:search-all',
  'archives:diff',
  'archives:growth',
  'restore:preview',
  'mount:mount',
  'history:list',
  'history:log',
  'plans:test-path',
  'plans:preview-prune',
  'plans:export',
  'plans:preview-import',
  'plans:import',
]);

/** The error a refused request answers with. */
export const BUSY_ERROR: SerializedError = {
  code: 'Busy',
  message: 'Too many requests at once; try again.',
};

/** One connection's share of the limits. */
export interface ConnectionLimiter {
  /**
   * Run `task` for a request to `method` now or once a slot frees; false (and `task` never runs)
   * when the limits refuse it. `task` must not throw: it answers its request itself.
   */
  run(method: unknown, task: () => Promise<void>): boolean;
  /** The connection closed: queued tasks are dropped, running ones finish unobserved. */
  dispose(): void;
}

/** Creates a connection's limiter; all of them share the global slots. */
export interface RequestLimiter {
  connection(): ConnectionLimiter;
}

/** A counting semaphore with a FIFO of waiters. */
class Slots {
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next !== undefined) next();
    else this.active -= 1;
  }
}

const isHeavy = (method: unknown): boolean =>
  typeof method === 'string' && HEAVY_REQUESTS.has(method as RequestName);

/** Create the limiter of one host; `limits` default to {@link DEFAULT_REQUEST_LIMITS}. */
export function createRequestLimiter(limits: RequestLimits = DEFAULT_REQUEST_LIMITS): RequestLimiter {
  const global = new Slots(Math.max(1, limits.heavyGlobal));

  return {
    connection() {
      const own = new Slots(Math.max(1, limits.heavyPerConnection));
      const heavyCap = Math.max(1, limits.heavyPerConnection) + Math.max(0, limits.heavyQueuePerConnection);
      let pending = 0;
      let heavy = 0;
      let closed = false;

      // Slots are taken per connection first, then globally, and released in reverse: no deadlock.
      async function runHeavy(task: () => Promise<void>): Promise<void> {
        await own.acquire();
        try {
          await global.acquire();
          try {
            if (!closed) await task();
          } finally {
            global.release();
          }
        } finally {
          own.release();
        }
      }

      return {
        run(method, task) {
          if (closed || pending >= limits.pendingPerConnection) return false;
          const expensive = isHeavy(method);
          if (expensive && heavy >= heavyCap) return false;
          pending += 1;
          if (expensive) heavy += 1;
          void (expensive ? runHeavy(task) : task())
            // A task answers its own failures; this only keeps a slip from becoming an unhandled rejection.
            .catch(() => undefined)
            .finally(() => {
              pending -= 1;
              if (expensive) heavy -= 1;
            });
          return true;
        },
        dispose() {
          closed = true;
        },
      };
    },
  };
}
