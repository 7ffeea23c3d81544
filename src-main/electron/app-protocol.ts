/**
 * The `app://borgdesk/` protocol that serves the built renderer to the window. A privileged standard,
 * secure scheme gives the page a real origin (so CSP 'self', fetch and storage behave as on https)
 * without a local web server; see https://www.electronjs.org/docs/latest/api/protocol.
 */
import { protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { baseSecurityHeaders, contentSecurityPolicy } from '../node/security-headers.js';
import { findStaticFile, mimeTypeFor, resolveStaticPath } from '../node/static-files.js';
import { APP_HOST, APP_SCHEME } from './app-url.js';

/** Declare the scheme's privileges; Electron requires this before the `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const notFound = (): Response =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serve files from `rootDir` on app://borgdesk/ with the CSP header; paths outside it answer 404. */
export function serveAppProtocol(rootDir: string): void {
  const root = path.resolve(rootDir);
  const realRootPromise = realpath(root).catch(() => root);
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound();
    const file = resolveStaticPath(root, url.pathname);
    const found = file === undefined ? undefined : await findStaticFile(file, await realRootPromise);
    if (found === undefined) return notFound();
    const body = await readFile(found.path);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        ...baseSecurityHeaders,
        'Content-Security-Policy': csp,
        'Content-Type': mimeTypeFor(found.path),
      },
    });
  });
}
