/**
 * Serves the built renderer (`dist/renderer`) to the browser, but only to someone holding the
 * per-start token: the first page load carries it in `?token=`, which sets an HttpOnly cookie so
 * reloads and the page's own assets work without it.
 */
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { authenticateRequest, tokenCookie } from './access-token.js';
import type { HostGuard } from './host-guard.js';
import { parseRequestTarget } from './request-url.js';
import { baseSecurityHeaders } from './security-headers.js';
import { findStaticFile, mimeTypeFor, resolveStaticPath } from './static-files.js';

/** What {@link createStaticHandler} needs to know about the server it runs in. */
export interface StaticHandlerOptions {
  /** Folder holding index.html and the built assets. */
  readonly root: string;
  readonly token: string;
  readonly port: number;
  readonly guard: HostGuard;
  readonly csp: string;
  /** Called once a request carried the right token, so its connection can be trusted. */
  readonly onAuthenticated?: (req: IncomingMessage) => void;
}

const unauthorizedPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Borgdesk</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>Borgdesk needs its access link</h1>
<p>Open the address that Borgdesk printed in the terminal where it was started
(it looks like <code>http://127.0.0.1:PORT/?token=…</code>). The link changes each time Borgdesk starts.</p>
</body></html>
`;

/** Create the HTTP handler for static files: Host check, token check, traversal guard, headers. */
export function createStaticHandler(
  options: StaticHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const root = path.resolve(options.root);
  const realRootPromise = realpath(root).catch(() => root);

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      ...baseSecurityHeaders,
      'Content-Security-Policy': options.csp,
      'Content-Type': type,
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body);
  };

  return async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!options.guard.isAllowedHost(req.headers.host)) {
      send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host header.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n', { Allow: 'GET, HEAD' });
      return;
    }
    const url = parseRequestTarget(req.url);
    if (url === undefined) {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request.\n');
      return;
    }
    const source = authenticateRequest(req, url, options.port, options.token);
    if (source === 'none') {
      send(res, 401, 'text/html; charset=utf-8', unauthorizedPage);
      return;
    }
    options.onAuthenticated?.(req);
    const cookie: Record<string, string> =
      source === 'query' ? { 'Set-Cookie': tokenCookie(options.port, options.token) } : {};
    const file = resolveStaticPath(root, url.pathname);
    const found = file === undefined ? undefined : await findStaticFile(file, await realRootPromise);
    if (found === undefined) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n', cookie);
      return;
    }
    res.writeHead(200, {
      ...baseSecurityHeaders,
      'Content-Security-Policy': options.csp,
      'Content-Type': mimeTypeFor(found.path),
      'Content-Length': String(found.size),
      'Cache-Control': 'no-cache',
      ...cookie,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}
