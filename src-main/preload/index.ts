/**
 * The preload bridge: the only surface the sandboxed renderer sees, exposed as `window.borgdesk`.
 * It accepts contract request names only, subscribes to contract event names only, and hands
 * listeners the payload alone, never the IpcRendererEvent (which would expose `sender`).
 *
 * Failed requests reject with the plain SerializedError object rather than an Error: contextBridge
 * copies plain objects intact but keeps only the message of an Error. The renderer's electron-client
 * turns it back into an ApiError.
 */
import { contextBridge, ipcRenderer } from 'electron';
// Types only from the contract: its zod schemas would make this bundle hundreds of kilobytes.
import type {
  BorgdeskApi,
  EventName,
  EventPayload,
  ReplyEnvelope,
  RequestName,
  RequestParams,
  RequestResult,
} from '../ipc/contract.js';
import type { SerializedError } from '../model/errors.js';
import { isEventName, isRequestName } from '../ipc/names.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels.js';

type Listener = (payload: unknown) => void;

const listeners = new Map<EventName, Set<Listener>>();
let nextId = 1;

ipcRenderer.on(EVENT_CHANNEL, (_event, envelope: unknown) => {
  if (typeof envelope !== 'object' || envelope === null) return;
  const { event, payload } = envelope as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string' || !isEventName(event)) return;
  for (const listener of listeners.get(event) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      // One broken listener must not starve the others.
      console.error(`Borgdesk: a listener for ${event} failed`, error);
    }
  }
});

const rejection = (code: string, message: string): Promise<never> =>
  Promise.reject({ code, message } satisfies SerializedError);

const api = {
  invoke<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> {
    if (typeof name !== 'string' || !isRequestName(name)) {
      return rejection('UnknownMethod', `Unknown method "${String(name)}".`);
    }
    const id = nextId;
    nextId += 1;
    return (ipcRenderer.invoke(INVOKE_CHANNEL, { id, method: name, params }) as Promise<ReplyEnvelope>).then(
      (reply) => {
        if (reply.ok) return reply.result as RequestResult<N>;
        throw reply.error;
      },
    );
  },
  on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void {
    if (typeof event !== 'string' || !isEventName(event) || typeof listener !== 'function') {
      throw new Error(`Unknown event "${String(event)}".`);
    }
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const wrapped: Listener = (payload) => listener(payload as EventPayload<N>);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
} satisfies BorgdeskApi;

contextBridge.exposeInMainWorld('borgdesk', api);
