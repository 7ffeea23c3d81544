/**
 * DNS-rebinding and cross-site guards for the browser host. A page on another site can make the
 * browser connect to 127.0.0.1, but it cannot forge the `Host` header of a rebinding name away or
 * the `Origin` header of a WebSocket handshake, so both are checked against the server's own address.
 */

/** Decides whether a request's `Host` and `Origin` headers belong to this server. */
export interface HostGuard {
  /** True when `Host` names this server by a loopback name (or the bound address) and the right port. */
  isAllowedHost(hostHeader: string | undefined): boolean;
  /** True when `Origin` is exactly `http://<Host>` and that Host is allowed. */
  isOwnOrigin(originHeader: string | undefined, hostHeader: string | undefined): boolean;
  /** The `host:port` names accepted, e.g. for the CSP connect-src list. */
  readonly allowedHosts: readonly string[];
}

const formatHost = (host: string, port: number): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/** Build the guard for a server bound to `bindHost:port`. */
export function createHostGuard(bindHost: string, port: number): HostGuard {
  const names = new Set(['127.0.0.1', 'localhost']);
  // A wildcard bind is reachable under any address; only the loopback names are trusted then.
  if (bindHost !== '0.0.0.0' && bindHost !== '::' && bindHost !== '') names.add(bindHost);
  if (bindHost === '::1') names.add('::1');
  const allowedHosts = [...names].map((name) => formatHost(name, port));
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));

  const isAllowedHost = (hostHeader: string | undefined): boolean =>
    hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());

  return {
    allowedHosts,
    isAllowedHost,
    isOwnOrigin(originHeader, hostHeader) {
      if (originHeader === undefined || hostHeader === undefined || !isAllowedHost(hostHeader)) return false;
      return originHeader.toLowerCase() === `http://${hostHeader.toLowerCase()}`;
    },
  };
}
