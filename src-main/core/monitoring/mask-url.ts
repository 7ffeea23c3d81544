/**
 * Monitoring addresses carry their secret in the path (a Healthchecks ping UUID, an Uptime Kuma push
 * token, an ntfy topic anyone could subscribe to) or in the query and user info. Logs and the UI show
 * them masked: scheme and host stay, each path segment keeps its first two characters, and query and
 * credentials are dropped — enough to tell two checks apart, not enough to ping them.
 */

// Path words of the services' own address layouts: they are not secrets.
const PUBLIC_SEGMENTS = new Set([
  'api',
  'push',
  'ping',
  'start',
  'fail',
  'log',
  'hooks',
  'webhook',
  'webhooks',
]);

/** `https://hc-ping.com/0f…/fail` for `https://hc-ping.com/0f6bd1b6-…/fail`. */
export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '(not a valid address)';
  }
  const segments = url.pathname.split('/').map((segment) => {
    if (segment === '' || PUBLIC_SEGMENTS.has(segment.toLowerCase())) return segment;
    return `${segment.slice(0, 2)}…`;
  });
  const query = url.search === '' ? '' : '?…';
  return `${url.protocol}//${url.host}${segments.join('/')}${query}`;
}
