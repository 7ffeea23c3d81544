/**
 * Keeps strangers on the port from pinning sockets: every connection must authenticate (present the
 * token on a page request or a WebSocket upgrade) within a deadline, however busy it keeps the line,
 * and only so many unauthenticated connections may be open at once. Beyond that, new ones are refused
 * with 503 before a byte of theirs is read, so a flood of half-open sockets cannot exhaust file handles.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Limits of {@link guardConnections}. */
export interface ConnectionGuardLimits {
  /** A connection still unauthenticated after this long is closed. */
  readonly preAuthTimeoutMs: number;
  /** Unauthenticated connections open at once; one more is refused. */
  readonly maxUnauthenticatedConnections: number;
}

/** Tracks the unauthenticated connections of one server. */
export interface ConnectionGuard {
  /** The socket presented the token: it is no longer subject to the deadline or the cap. */
  trust(socket: Socket): void;
  /** Connections open now that have not authenticated. */
  untrustedCount(): number;
}

const busyBody = 'Borgdesk is handling too many connections; try again in a few seconds.\n';
const busyResponse =
  'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 10\r\n' +
  `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(busyBody)}\r\n\r\n${busyBody}`;

/** Start guarding `server`'s connections. */
export function guardConnections(server: Server, limits: ConnectionGuardLimits): ConnectionGuard {
  const untrusted = new Map<Socket, NodeJS.Timeout>();

  const forget = (socket: Socket): void => {
    const timer = untrusted.get(socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    untrusted.delete(socket);
  };

  server.on('connection', (socket: Socket) => {
    // Resets and broken pipes are the client's business; without a listener they would be thrown.
    socket.on('error', () => socket.destroy());
    if (untrusted.size >= limits.maxUnauthenticatedConnections) {
      socket.once('finish', () => socket.destroy());
      socket.end(busyResponse);
      return;
    }
    const timer = setTimeout(() => socket.destroy(), limits.preAuthTimeoutMs);
    timer.unref();
    untrusted.set(socket, timer);
    socket.once('close', () => forget(socket));
  });

  return { trust: forget, untrustedCount: () => untrusted.size };
}
