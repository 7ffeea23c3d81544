/**
 * The browser host's transport: one WebSocket per open page, carrying the same envelopes as Electron
 * IPC — `{id, method, params}` in, `{id, ok, result|error}` out, and `{event, payload}` pushed for every
 * core event. Authentication happens before the upgrade, so every connected socket is trusted.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Core } from '../core/services.js';
import type { EventEnvelope, ReplyEnvelope } from './contract.js';
import { INVALID_ENVELOPE_ID, type Router } from './router.js';

/** Outcome of the host's upgrade check; a refusal becomes a plain HTTP response. */
export type UpgradeVerdict =
  { readonly ok: true } | { readonly ok: false; readonly status: number; readonly reason: string };

/** What {@link attachWsTransport} needs from its host. */
export interface WsTransportOptions {
  readonly router: Router;
  readonly subscribe: Core['subscribe'];
  /** Token, Origin and Host checks; run before any WebSocket exists. */
  readonly verifyUpgrade: (req: IncomingMessage) => UpgradeVerdict;
  /** URL path of the socket; default `/ws`. */
  readonly path?: string;
  /** Largest accepted message in bytes; default 1 MiB (ws closes the socket with 1009 beyond it). */
  readonly maxPayload?: number;
}

/** A running transport; `close` ends every socket and stops listening for upgrades. */
export interface WsTransport {
  readonly clientCount: () => number;
  close(): Promise<void>;
}

/** Default cap on one incoming message. */
export const DEFAULT_MAX_PAYLOAD = 1024 * 1024;

const statusText: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

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
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname !== wsPath) {
      refuse(socket, 404, 'Not found.');
      return;
    }
    const verdict = options.verifyUpgrade(req);
    if (!verdict.ok) {
      refuse(socket, verdict.status, verdict.reason);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws: WebSocket) => {
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      void answer(ws, isBinary ? undefined : data.toString()).catch(() => ws.terminate());
    });
  });

  async function answer(ws: WebSocket, text: string | undefined): Promise<void> {
    let reply: ReplyEnvelope;
    let envelope: unknown;
    try {
      envelope = text === undefined ? undefined : JSON.parse(text);
    } catch {
      envelope = undefined;
    }
    if (envelope === undefined) {
      reply = {
        id: INVALID_ENVELOPE_ID,
        ok: false,
        error: { code: 'InvalidEnvelope', message: 'Messages must be JSON text.' },
      };
    } else {
      reply = await options.router.handle(envelope);
    }
    if (ws.readyState === WebSocket.OPEN) ws.send(encodeReply(reply));
  }

  const unsubscribe = options.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload } satisfies EventEnvelope);
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(message);
    }
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
