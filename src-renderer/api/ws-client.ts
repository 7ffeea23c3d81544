/**
 * The browser host's API client: the contract's envelopes over one WebSocket. Requests made while the
 * socket is (re)connecting wait in a queue; a dropped socket fails the requests in flight with a
 * readable error and reconnects with backoff, and every change is reported to connection listeners.
 */
import { isEventName } from '../../src-main/ipc/names.js';
import {
  type BorgdeskApi,
  type EventName,
  type EventPayload,
  type RequestName,
  type RequestParams,
  type RequestResult,
} from '../../src-main/ipc/contract.js';
import { takeAccessToken, webSocketUrl } from './access-token.js';
import { ApiError, toApiError } from './api-error.js';

/** Where the connection stands; `closed` only after `close()`. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';
/** Told about every connection state change. */
export type ConnectionListener = (state: ConnectionState) => void;

/** The subset of the browser's WebSocket the client uses (the `ws` package's client fits too). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** How to build a {@link WsClient}. */
export interface WsClientOptions {
  readonly url: string;
  /** Socket factory; default `new WebSocket(url)`. */
  readonly createSocket?: (url: string) => WebSocketLike;
  /** How long a request may wait for a connection before it fails; default 15 s. */
  readonly queueTimeoutMs?: number;
  /** First reconnect delay, doubled per failure up to `maxRetryMs`; defaults 250 ms and 5 s. */
  readonly initialRetryMs?: number;
  readonly maxRetryMs?: number;
}

/** A BorgdeskApi over WebSocket, plus connection state and shutdown. */
export interface WsClient extends BorgdeskApi {
  getState(): ConnectionState;
  /** Subscribe to state changes; the listener is called at once with the current state. */
  onConnectionChange(listener: ConnectionListener): () => void;
  /** Close for good: pending and queued requests fail, no reconnect. */
  close(): void;
}

type Settle = { resolve(value: unknown): void; reject(error: ApiError): void; method: string };
type Queued = Settle & { message: string; id: number; timer: ReturnType<typeof setTimeout> };

const OPEN = 1;
const remedy = 'Check that Borgdesk is still running; if it was restarted, open the new address it printed.';

/** Create a WebSocket client for `options.url` and start connecting. */
export function createWsClient(options: WsClientOptions): WsClient {
  const createSocket =
    options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const queueTimeoutMs = options.queueTimeoutMs ?? 15_000;
  const initialRetryMs = options.initialRetryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5_000;

  let state: ConnectionState = 'connecting';
  let socket: WebSocketLike | undefined;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const pending = new Map<number, Settle>();
  const queue: Queued[] = [];
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<ConnectionListener>();

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const flushQueue = (): void => {
    while (socket !== undefined && socket.readyState === OPEN && queue.length > 0) {
      const item = queue.shift() as Queued;
      clearTimeout(item.timer);
      pending.set(item.id, item);
      socket.send(item.message);
    }
  };

  const dispatch = (raw: unknown): void => {
    if (typeof raw !== 'string') return;
    let message: {
      id?: unknown;
      ok?: unknown;
      result?: unknown;
      error?: unknown;
      event?: unknown;
      payload?: unknown;
    };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    if (typeof message.event === 'string') {
      if (!isEventName(message.event)) return;
      for (const listener of eventListeners.get(message.event) ?? []) {
        try {
          listener(message.payload);
        } catch (error) {
          // One broken listener must not starve the others.
          console.error(`Borgdesk: a listener for ${message.event} failed`, error);
        }
      }
      return;
    }
    if (typeof message.id !== 'number') return;
    const settle = pending.get(message.id);
    if (settle === undefined) return;
    pending.delete(message.id);
    if (message.ok === true) settle.resolve(message.result);
    else
      settle.reject(
        toApiError(message.error ?? { code: 'Internal', message: 'Borgdesk sent a failure without detail.' }),
      );
  };

  const connect = (): void => {
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      failures = 0;
      setState('open');
      flushQueue();
    };
    current.onmessage = (event) => dispatch(event.data);
    current.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = undefined;
      for (const [id, settle] of pending) {
        pending.delete(id);
        settle.reject(
          new ApiError({
            code: 'Disconnected',
            message: `The connection to Borgdesk was lost before it answered "${settle.method}".`,
            remedy,
          }),
        );
      }
      if (state === 'closed') return;
      setState('reconnecting');
      const delay = Math.min(maxRetryMs, initialRetryMs * 2 ** failures);
      failures += 1;
      retryTimer = setTimeout(connect, delay);
    };
  };

  const invoke = <N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> =>
    new Promise<RequestResult<N>>((resolve, reject) => {
      if (state === 'closed') {
        reject(
          new ApiError({ code: 'Disconnected', message: 'The connection to Borgdesk has been closed.' }),
        );
        return;
      }
      const id = nextId;
      nextId += 1;
      const settle: Settle = { resolve: (value) => resolve(value as RequestResult<N>), reject, method: name };
      const message = JSON.stringify({ id, method: name, params });
      if (socket !== undefined && socket.readyState === OPEN && queue.length === 0) {
        pending.set(id, settle);
        socket.send(message);
        return;
      }
      const timer = setTimeout(() => {
        const index = queue.findIndex((item) => item.id === id);
        if (index !== -1) queue.splice(index, 1);
        reject(
          new ApiError({
            code: 'Disconnected',
            message: `Borgdesk could not be reached to run "${name}".`,
            remedy,
          }),
        );
      }, queueTimeoutMs);
      queue.push({ ...settle, id, message, timer });
    });

  connect();

  return {
    invoke,
    on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      const wrapped = (payload: unknown): void => listener(payload as EventPayload<N>);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    getState: () => state,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    close() {
      if (state === 'closed') return;
      setState('closed');
      clearTimeout(retryTimer);
      for (const item of queue.splice(0)) {
        clearTimeout(item.timer);
        item.reject(
          new ApiError({ code: 'Disconnected', message: 'The connection to Borgdesk has been closed.' }),
        );
      }
      socket?.close(1000, 'closed by the page');
      // The close event rejects requests in flight; without a socket there are none.
    },
  };
}

/** The client for a page served by the browser host: same host and port, token from the URL or session. */
export function createBrowserWsClient(): WsClient {
  const token = takeAccessToken(window);
  return createWsClient({ url: webSocketUrl(window.location, token) });
}
