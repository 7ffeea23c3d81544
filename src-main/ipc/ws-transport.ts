/**
 * The browser host's transport: one WebSocket per open page, carrying the same envelopes as Electron
 * IPC — `{id, method, params}` in, `{id, ok, result|error}` out, and `{event, payload}` pushed for every
 * core event. Authentication happens before the upgrade, so every connected socket is trusted; it is
 * still bounded (message size, unsent bytes, concurrent requests) so a runaway page cannot exhaust the host.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { INTERNAL_ERROR } from '../core/serialize-error.js';
import type { Core } from '../core/services.js';
import { parseRequestTarget } from '../node/request-url.js';
import type { EventEnvelope, ReplyEnvelope } from './contract.js';
import { BUSY_ERROR, createRequestLimiter, type RequestLimiter } from './request-limiter.js';
import { INVALID_ENVELOPE_ID, type Router } from './router.js';
import { log } from '../core/logging/log.js';

/** Outcome of the host's upgrade check; a refusal becomes a plain HTTP response. */
export type UpgradeVerdict =
  { readonly ok: true } | { readonly ok: false; readonly status: number; readonly reason: string };

/** What {@link attachWsTransport} needs from its host. */
export interface WsTransportOptions {
  readonly router: Router;
  readonly subscribe: Core['subscribe'];
  /** Token, Origin and Host checks; run before any WebSocket exists, with the parsed request target. */
  readonly verifyUpgrade: (req: IncomingMessage, url: URL) => UpgradeVerdict;
  /** URL path of the socket; default `/ws`. */
  readonly path?: string;
  /** Largest accepted message in bytes; default 1 MiB (ws closes the socket with 1009 beyond it). */
  readonly maxPayload?: number;
  /** Unsent bytes a socket may queue before it is cut off; default 64 MiB. */
  readonly maxBufferedBytes?: number;
  /** Concurrency limits shared by every socket; default {@link createRequestLimiter}'s. */
  readonly limiter?: RequestLimiter;
  /** Told about a throw the transport caught (a bug, not a client's fault); default: the core log. */
  readonly onError?: (context: string, error: unknown) => void;
}

/** A running transport; `close` ends every socket and stops listening for upgrades. */
export interface WsTransport {
  readonly clientCount: () => number;
  close(): Promise<void>;
}

/** Default cap on one incoming message. */
export const DEFAULT_MAX_PAYLOAD = 1024 * 1024;
/** Default cap on what one socket may have queued unsent. */
export const DEFAULT_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

const statusText: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${reason}\n`;
  // Closed once the answer is flushed, so a client that never hangs up holds no socket.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const notJson: ReplyEnvelope = {
  id: INVALID_ENVELOPE_ID,
  ok: false,
  error: { code: 'InvalidEnvelope', message: 'Messages must be JSON text.' },
};

function decodeEnvelope(text: string): unknown {
  try {
    // JSON `null` is a valid value but no envelope; the router answers it as invalid.
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const field = (envelope: unknown, name: string): unknown =>
  typeof envelope === 'object' && envelope !== null ? (envelope as Record<string, unknown>)[name] : undefined;
const methodOf = (envelope: unknown): unknown => field(envelope, 'method');
function idOf(envelope: unknown): number {
  const id = field(envelope, 'id');
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : INVALID_ENVELOPE_ID;
}

/** Default report of a throw a handler caught: one line and the error on stderr, never to the client. */
export const reportCaughtError = (context: string, error: unknown): void => {
  log.error(`${context} failed and was answered with an error`, error);
};

// A result JSON cannot carry (a cycle, a BigInt) must fail that one request, not the socket.
function encodeReply(reply: ReplyEnvelope): string {
  try {
    return JSON.stringify(reply);
  } catch {
    return JSON.stringify({
      id: reply.id,
      ok: false,
      error: { code: 'Internal', message: 'Borgdesk could not encode its answer.' },
    } satisfies ReplyEnvelope);
  }
}

/** Attach the WebSocket transport to `server` and start pushing core events to every socket. */
export function attachWsTransport(server: Server, options: WsTransportOptions): WsTransport {
  const wsPath = options.path ?? '/ws';
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const limiter = options.limiter ?? createRequestLimiter();
  const report = options.onError ?? reportCaughtError;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD,
    // Compression would let a small frame inflate past maxPayload's intent; the UI does not need it.
    perMessageDeflate: false,
  });
  wss.on('error', (error) => report('WebSocket server', error));

  // Runs before authentication, so nothing in it may throw: a throw here would end the process.
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    try {
      const url = parseRequestTarget(req.url);
      if (url === undefined) {
        refuse(socket, 400, 'Bad request.');
        return;
      }
      if (url.pathname !== wsPath) {
        refuse(socket, 404, 'Not found.');
        return;
      }
      const verdict = options.verifyUpgrade(req, url);
      if (!verdict.ok) {
        refuse(socket, verdict.status, verdict.reason);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } catch (error) {
      report('WebSocket upgrade', error);
      refuse(socket, 400, 'Bad request.');
    }
  };
  server.on('upgrade', onUpgrade);

  // A client that stops reading would make every reply and event pile up in memory: cut it off.
  function send(ws: WebSocket, text: string): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > maxBufferedBytes) {
      ws.terminate();
      return;
    }
    ws.send(text);
  }

  wss.on('connection', (ws: WebSocket) => {
    const requests = limiter.connection();
    // Protocol errors (bad opcode, invalid UTF-8, oversized frame) are the client's; ws closes with a code.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => requests.dispose());
    ws.on('message', (data, isBinary) => {
      const envelope = isBinary ? undefined : decodeEnvelope(String(data));
      if (envelope === undefined) {
        send(ws, encodeReply(notJson));
        return;
      }
      const admitted = requests.run(methodOf(envelope), () => answer(ws, envelope));
      if (!admitted) send(ws, encodeReply({ id: idOf(envelope), ok: false, error: BUSY_ERROR }));
    });
  });

  async function answer(ws: WebSocket, envelope: unknown): Promise<void> {
    let reply: ReplyEnvelope;
    try {
      reply = await options.router.handle(envelope);
    } catch (error) {
      // The router never throws by design; if it does, that request fails, not the host.
      report('request', error);
      reply = { id: idOf(envelope), ok: false, error: { ...INTERNAL_ERROR } };
    }
    send(ws, encodeReply(reply));
  }

  const unsubscribe = options.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload } satisfies EventEnvelope);
    for (const client of wss.clients) send(client, message);
  });

  return {
    clientCount: () => wss.clients.size,
    close() {
      unsubscribe();
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Borgdesk is shutting down');
      return new Promise((resolve) => {
        // Sockets that do not finish the closing handshake promptly are cut off.
        const timer = setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, 1000);
        wss.close(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
