import { describe, expect, it } from 'vitest';
import {
  createNetworkReadiness,
  hasRoutableAddress,
  isLoopbackHost,
  type InterfaceAddress,
  type NetworkProbes,
} from './network-readiness.js';

const loopbackOnly = { lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] };
const wifiUp = { ...loopbackOnly, wlan0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }] };
const dnsError = (code: string): Error => Object.assign(new Error(`getaddrinfo ${code}`), { code });

/** Probes with fixed interfaces and a scripted lookup that records which hosts were asked for. */
function probes(
  interfaces: Record<string, InterfaceAddress[]>,
  lookup: (host: string) => Promise<unknown>,
  timeoutMs?: number,
) {
  const asked: string[] = [];
  const p: NetworkProbes = {
    interfaces: () => interfaces,
    lookup: (host) => {
      asked.push(host);
      return lookup(host);
    },
    ...(timeoutMs !== undefined && { timeoutMs }),
  };
  return { ready: createNetworkReadiness(p), asked };
}

describe('network readiness', () => {
  it('recognises loopback hosts', () => {
    for (const host of ['localhost', 'LOCALHOST', 'backup.localhost', '127.0.0.1', '127.1.2.3', '::1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['nas', '10.0.0.1', '127.example.org', '::2'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('does not count loopback or link-local addresses as a network', () => {
    expect(hasRoutableAddress(loopbackOnly)).toBe(false);
    expect(
      hasRoutableAddress({
        eth0: [
          { address: '169.254.10.2', family: 'IPv4', internal: false },
          { address: 'fe80::1c2:3ff:fe04:506', family: 'IPv6', internal: false },
        ],
      }),
    ).toBe(false);
    expect(hasRoutableAddress(wifiUp)).toBe(true);
    expect(hasRoutableAddress({ eth0: [{ address: '2001:db8::5', family: 'IPv6', internal: false }] })).toBe(
      true,
    );
  });

  it('is ready for local paths and loopback hosts without asking anything', async () => {
    const { ready, asked } = probes(loopbackOnly, () => Promise.reject(dnsError('EAI_AGAIN')));
    expect(await ready('/srv/borg/repo')).toBe(true);
    expect(await ready('file:///srv/borg/repo')).toBe(true);
    expect(await ready('ssh://borg@localhost:2222/./repo')).toBe(true);
    expect(await ready('borg@127.0.0.1:repo')).toBe(true);
    expect(await ready('ssh://borg@[::1]/repo')).toBe(true);
    expect(asked).toEqual([]);
  });

  it('is not ready without a routable address, and does not look the host up then', async () => {
    const { ready, asked } = probes(loopbackOnly, () => Promise.resolve({ address: '192.0.2.1' }));
    expect(await ready('ssh://borg@backup.example.org/./repo')).toBe(false);
    expect(asked).toEqual([]);
  });

  it('is ready once the host resolves', async () => {
    const { ready, asked } = probes(wifiUp, () => Promise.resolve({ address: '192.0.2.1', family: 4 }));
    expect(await ready('ssh://borg@backup.example.org:2222/./repo')).toBe(true);
    expect(await ready('ann@nas.lan:backups/repo')).toBe(true);
    expect(asked).toEqual(['backup.example.org', 'nas.lan']);
  });

  it('is not ready while lookups fail temporarily', async () => {
    const { ready } = probes(wifiUp, () => Promise.reject(dnsError('EAI_AGAIN')));
    expect(await ready('ssh://borg@backup.example.org/./repo')).toBe(false);
  });

  it('is not ready when the lookup takes longer than the timeout', async () => {
    const { ready } = probes(wifiUp, () => new Promise(() => undefined), 20);
    expect(await ready('ssh://borg@backup.example.org/./repo')).toBe(false);
  });

  it('leaves unknown names (perhaps ssh config aliases) and other failures to ssh', async () => {
    const notFound = probes(wifiUp, () => Promise.reject(dnsError('ENOTFOUND')));
    expect(await notFound.ready('ssh://borg@backup.invalid/./repo')).toBe(true);
    const odd = probes(wifiUp, () => Promise.reject(new Error('no code at all')));
    expect(await odd.ready('mybox:repo')).toBe(true);
  });

  it('never looks up a host the location parser refuses; the run itself then says why', async () => {
    const { ready, asked } = probes(wifiUp, () => Promise.resolve({ address: '192.0.2.1', family: 4 }));
    for (const hostile of [
      '-oProxyCommand=touch pwned:repo',
      'ssh://-oProxyCommand=x/repo',
      'ann@-nas:repo',
      'ssh://nas\n-oProxyCommand=x/repo',
      'ssh://ann@home@nas/repo',
    ])
      expect(await ready(hostile), hostile).toBe(true);
    expect(asked).toEqual([]);
  });
});
