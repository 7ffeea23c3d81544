/**
 * Every timeout and cap of the browser host in one place, so a stranger on the port cannot pin
 * sockets or memory, and tests can shrink the numbers to run in seconds.
 */
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../ipc/request-limiter.js';

/** Timeouts (milliseconds) and caps of the browser host. */
export interface HostLimits {
  /** Time to receive a request's headers (Node `headersTimeout`); never more than `requestTimeoutMs`. */
  readonly headersTimeoutMs: number;
  /** Time to receive a whole request (Node `requestTimeout`). */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open after a response (Node `keepAliveTimeout`). */
  readonly keepAliveTimeoutMs: number;
  /** An HTTP socket silent this long is closed; an authenticated WebSocket is exempt (the UI holds it). */
  readonly idleTimeoutMs: number;
  /** A connection that has not authenticated (token checked) by then is closed, busy or not. */
  readonly preAuthTimeoutMs: number;
  /** Connections open at once that have not authenticated; more are refused with 503. */
  readonly maxUnauthenticatedConnections: number;
  /** Bytes a WebSocket may have queued unsent (a client that stopped reading) before it is cut off. */
  readonly maxBufferedBytes: number;
  /** Concurrency and queue limits of requests over the WebSocket. */
  readonly requests: RequestLimits;
}

/** Production limits: generous for a person's browser, tight for a flood. */
export const DEFAULT_HOST_LIMITS: HostLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  preAuthTimeoutMs: 10_000,
  maxUnauthenticatedConnections: 64,
  maxBufferedBytes: 64 * 1024 * 1024,
  requests: DEFAULT_REQUEST_LIMITS,
};

/** Overrides for some limits; the rest keep their defaults. */
export type HostLimitOverrides = Partial<Omit<HostLimits, 'requests'>> & {
  readonly requests?: Partial<RequestLimits>;
};

/** Fill in defaults; Node refuses a headers timeout longer than the request timeout, so it is clamped. */
export function resolveHostLimits(overrides: HostLimitOverrides = {}): HostLimits {
  const merged = {
    ...DEFAULT_HOST_LIMITS,
    ...overrides,
    requests: { ...DEFAULT_HOST_LIMITS.requests, ...overrides.requests },
  };
  return { ...merged, headersTimeoutMs: Math.min(merged.headersTimeoutMs, merged.requestTimeoutMs) };
}
