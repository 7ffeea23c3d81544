/**
 * The browser host as a library: an HTTP server on loopback that serves the renderer and carries the
 * WebSocket transport, both behind the per-start token. `server.ts` wraps it in a process; tests
 * start it in-process on port 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Core } from '../core/services.js';
import { createRequestLimiter } from '../ipc/request-limiter.js';
import { createRouter } from '../ipc/router.js';
import { attachWsTransport, reportCaughtError, type UpgradeVerdict } from '../ipc/ws-transport.js';
import { authenticateRequest, createAccessToken } from './access-token.js';
import { guardConnections } from './connection-guard.js';
import { createHostGuard } from './host-guard.js';
import { resolveHostLimits, type HostLimitOverrides } from './host-limits.js';
import { listenWithFallback } from './listen.js';
import { contentSecurityPolicy } from './security-headers.js';
import { createStaticHandler } from './static-server.js';

/** How to start a {@link BrowserHost}. */
export interface BrowserHostOptions {
  readonly core: Core;
  /** The built renderer (`dist/renderer`). */
  readonly staticDir: string;
  /** Address to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Port to bind; default 0 (any free port). */
  readonly port?: number;
  /** When the port is busy, take a free one instead of failing. */
  readonly portFallback?: boolean;
  /** Fixed token (tests); default a fresh random one. */
  readonly token?: string;
  /** Check results against the contract (dev and tests). */
  readonly validateResults?: boolean;
  /** Timeouts and caps; tests shrink them. Defaults: {@link DEFAULT_HOST_LIMITS}. */
  readonly limits?: HostLimitOverrides;
  /** Told about a throw a handler caught (a bug, answered with an error); default: the core log. */
  readonly onError?: (context: string, error: unknown) => void;
}

/** A listening browser host. */
export interface BrowserHost {
  /** The URL to open, token included: `http://127.0.0.1:PORT/?token=...`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`, the Origin a page served by this host sends. */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Stop accepting connections and close every socket; the core is left to its owner. */
  close(): Promise<void>;
}

const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::' || host === '';
const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/** Start the HTTP + WebSocket server and resolve once it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? createAccessToken();
  const limits = resolveHostLimits(options.limits);
  const report = options.onError ?? reportCaughtError;
  // Slow, idle or half-open clients must not pin sockets; Node checks the first two on an interval.
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(5_000, Math.max(100, Math.floor(limits.headersTimeoutMs / 4))),
  });
  server.timeout = limits.idleTimeoutMs;
  const connections = guardConnections(server, limits);
  const trust = (req: IncomingMessage): void => connections.trust(req.socket);

  // The request handler needs the final port (for the Host check and CSP), so it is attached after listen.
  const port = await listenWithFallback(server, host, options.port ?? 0, options.portFallback ?? false);
  const guard = createHostGuard(host, port);
  const csp = contentSecurityPolicy(guard.allowedHosts.map((h) => `ws://${h}`));
  const handleStatic = createStaticHandler({
    root: options.staticDir,
    token,
    port,
    guard,
    csp,
    onAuthenticated: trust,
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const fail = (error: unknown): void => {
      report('HTTP request', error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error.\n');
    };
    try {
      handleStatic(req, res).catch(fail);
    } catch (error) {
      fail(error);
    }
  });

  const verifyUpgrade = (req: IncomingMessage, url: URL): UpgradeVerdict => {
    if (!guard.isAllowedHost(req.headers.host))
      return { ok: false, status: 403, reason: 'Unexpected Host header.' };
    if (!guard.isOwnOrigin(req.headers.origin, req.headers.host)) {
      return { ok: false, status: 403, reason: 'The connecting page is not served by this Borgdesk.' };
    }
    if (authenticateRequest(req, url, port, token) === 'none') {
      return { ok: false, status: 401, reason: 'Missing or wrong access token.' };
    }
    trust(req);
    return { ok: true };
  };
  const router = createRouter(options.core, { validateResults: options.validateResults ?? false });
  const transport = attachWsTransport(server, {
    router,
    subscribe: (listener) => options.core.subscribe(listener),
    verifyUpgrade,
    maxBufferedBytes: limits.maxBufferedBytes,
    limiter: createRequestLimiter(limits.requests),
    onError: report,
  });

  let closing: Promise<void> | undefined;
  const origin = `http://${urlHost(isWildcard(host) ? '127.0.0.1' : host)}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close() {
      closing ??= transport.close().then(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      );
      return closing;
    },
  };
}
