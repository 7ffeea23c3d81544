/**
 * Pure helpers for serving the built renderer from a folder, shared by the browser host's HTTP server
 * and Electron's app:// protocol: MIME types and the path-traversal guard.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The MIME type for a file name; unknown kinds are served as opaque bytes. */
export function mimeTypeFor(fileName: string): string {
  return mimeTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a URL path to a file below `root`, or undefined when it would leave the folder
 * (`..`, encoded slashes, NUL bytes) — the path-traversal guard.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  return resolved.startsWith(root + path.sep) ? resolved : undefined;
}

/** Resolve symlinks and stat `file`; undefined unless it is a regular file inside `realRoot` (links cannot escape). */
export async function findStaticFile(
  file: string,
  realRoot: string,
): Promise<{ path: string; size: number } | undefined> {
  try {
    const real = await realpath(file);
    if (!real.startsWith(realRoot + path.sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}
