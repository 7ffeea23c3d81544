/**
 * The browser host's access token on the page side: taken from `?token=` on first load, then removed
 * from the address bar (so it does not linger in history or screenshots) and kept in sessionStorage
 * for reconnects within this tab.
 */

const storageKey = 'borgdesk.token';

/** The parts of `window` the token handling touches; injectable for tests. */
export interface TokenEnvironment {
  readonly location: { readonly href: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string): void;
  };
  readonly sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** Read the token from the URL (moving it to sessionStorage) or from sessionStorage; undefined if none. */
export function takeAccessToken(env: TokenEnvironment): string | undefined {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    try {
      env.sessionStorage.setItem(storageKey, fromUrl);
    } catch {
      // Storage can be disabled; the HttpOnly cookie set by the server still authenticates us.
    }
    url.searchParams.delete('token');
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return env.sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The WebSocket address on the page's own host and port, token attached when known. */
export function webSocketUrl(
  location: { readonly protocol: string; readonly host: string },
  token?: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}://${location.host}/ws${query}`;
}
