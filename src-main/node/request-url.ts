/**
 * Parsing of an HTTP request target that can never throw. `new URL(req.url, base)` throws on targets
 * such as `//` or `//[` (they read as a host, not a path), and it runs before authentication, so a
 * stranger on the port could crash the host with one request line.
 */

/** Base the origin-form path is resolved against; the real Host is checked separately. */
const BASE = 'http://127.0.0.1';

/** Longest request target accepted; Node's header limit already caps it near 16 KiB. */
const MAX_TARGET_LENGTH = 16 * 1024;

/**
 * Parse an origin-form request target (`/path?query`) into a URL, or undefined for anything else:
 * a missing target, absolute-form (`http://host/…`), authority-form, `*`, or text URL cannot parse.
 * Appending to the base (instead of resolving against it) keeps `//x` a path rather than a host.
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/') || target.length > MAX_TARGET_LENGTH) return undefined;
  try {
    const url = new URL(BASE + target);
    // Belt and braces: whatever the target held, it must not have moved us to another origin.
    return url.origin === BASE ? url : undefined;
  } catch {
    return undefined;
  }
}
