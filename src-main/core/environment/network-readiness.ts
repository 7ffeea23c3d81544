/**
 * Whether a repository's host can plausibly be reached now, asked before a scheduled run of a remote
 * repository. Right after a wake the Wi-Fi is often still connecting; starting borg then fails the
 * run for nothing, so the scheduler waits a minute and asks again instead.
 *
 * The check is deliberately cheap and lenient: it only says "not yet" when the machine clearly has
 * no usable network (no routable address, name lookups failing temporarily). Anything else is left
 * to ssh, which reports real problems far more precisely than a guess made here could.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import os from 'node:os';
import { remoteHostOf } from '../repositories/location.js';

/** One address of a network interface, as `os.networkInterfaces()` lists it. */
export interface InterfaceAddress {
  readonly address: string;
  readonly family: string;
  readonly internal: boolean;
}

/** What the readiness check consults; injectable so tests do not depend on this machine's network. */
export interface NetworkProbes {
  /** Every interface's addresses (default: `os.networkInterfaces()`). */
  readonly interfaces: () => Readonly<Record<string, readonly InterfaceAddress[] | undefined>>;
  /** Resolves a host name; rejects with a Node error carrying `code` (default: `dns.lookup`). */
  readonly lookup: (host: string) => Promise<unknown>;
  /** How long a lookup may take before the network counts as not ready. Default 5 s. */
  readonly timeoutMs?: number;
}

/** Decides readiness for a repository location. */
export type NetworkReadiness = (location: string) => Promise<boolean>;

const systemProbes: NetworkProbes = {
  interfaces: () => os.networkInterfaces(),
  lookup: (host) => dnsLookup(host),
};

// getaddrinfo's "try again later" and our own timeout: the resolver is not reachable yet.
const TEMPORARY_FAILURES: ReadonlySet<string> = new Set(['EAI_AGAIN', 'ETIMEOUT', 'TIMEOUT']);

/** True for a host that never leaves this machine. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  return (
    lower === 'localhost' ||
    lower.endsWith('.localhost') ||
    lower === '::1' ||
    lower === '0:0:0:0:0:0:0:1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)
  );
}

/**
 * True when some interface has an address that reaches beyond its own link. Link-local addresses
 * (169.254/16, fe80::/10) are what an interface has while it is up but not yet configured, which
 * is exactly the state just after a wake that this check exists to wait out.
 */
export function hasRoutableAddress(interfaces: ReturnType<NetworkProbes['interfaces']>): boolean {
  return Object.values(interfaces).some((addresses) =>
    (addresses ?? []).some(
      (a) =>
        !a.internal &&
        a.address !== '' &&
        !a.address.startsWith('169.254.') &&
        !a.address.toLowerCase().startsWith('fe80:'),
    ),
  );
}

/** A readiness check over the given probes (the real network when none are given). */
export function createNetworkReadiness(probes: NetworkProbes = systemProbes): NetworkReadiness {
  const timeoutMs = probes.timeoutMs ?? 5_000;
  return async (location) => {
    const host = remoteHostOf(location);
    if (host === undefined || isLoopbackHost(host)) return true;
    if (!hasRoutableAddress(probes.interfaces())) return false;
    try {
      await withTimeout(probes.lookup(host), timeoutMs);
      return true;
    } catch (error) {
      // Only a temporary failure means "no network yet". ENOTFOUND in particular means a resolver
      // answered, so the network is up; the name may be an alias from ~/.ssh/config that only ssh
      // knows, and ssh then connects or says clearly what is wrong.
      const code = errorCode(error);
      return code === undefined || !TEMPORARY_FAILURES.has(code);
    }
  };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

// dns.lookup cannot be cancelled; a late answer is simply ignored. The timer is unref'd so a slow
// resolver never keeps the process alive.
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('lookup timed out'), { code: 'TIMEOUT' })), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
