import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHost, type TestHost } from '../../src-main/node/test-host.js';
import { takeAccessToken, webSocketUrl, type TokenEnvironment } from './access-token.js';
import { ApiError } from './api-error.js';
import { createWsClient, type ConnectionState, type WebSocketLike, type WsClient } from './ws-client.js';

// The `ws` package stands in for the browser's WebSocket; it must send the Origin a browser would.
const socketFor = (origin: string) => (url: string) =>
  new WebSocket(url, { origin }) as unknown as WebSocketLike;

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function hostAndClient(): Promise<{ t: TestHost; client: WsClient; states: ConnectionState[] }> {
  const t = await startTestHost();
  cleanup.push(() => t.stop());
  const client = createWsClient({
    url: `ws://127.0.0.1:${t.host.port}/ws?token=${t.host.token}`,
    createSocket: socketFor(t.host.origin),
    initialRetryMs: 50,
    maxRetryMs: 200,
  });
  cleanup.push(() => client.close());
  const states: ConnectionState[] = [];
  client.onConnectionChange((state) => states.push(state));
  return { t, client, states };
}

const waitFor = async (check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('ws-client against the real browser host', () => {
  it('queues a request made before the socket opens, then answers it', async () => {
    const { client, states } = await hostAndClient();
    expect(client.getState()).toBe('connecting');
    const status = await client.invoke('app:status', {});
    expect(status.host).toBe('browser');
    expect(states).toEqual(['connecting', 'open']);
  });

  it('rejects failed requests with an ApiError carrying the code', async () => {
    const { client } = await hostAndClient();
    const error = await client.invoke('repos:details', { repoId: 'does-not-exist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('NotFound');
    const invalid = await client
      .invoke('repos:details', { repoId: 1 } as unknown as { repoId: string })
      .catch((e: unknown) => e);
    expect((invalid as ApiError).code).toBe('InvalidParams');
  });

  it('reports a dropped connection, fails requests in flight, and reconnects', async () => {
    const { t, client, states } = await hostAndClient();
    await client.invoke('settings:get', {});
    const port = t.host.port;
    const token = t.host.token;
    // A request still unanswered when the socket drops must fail, not hang.
    const inFlight = client.invoke('app:status', {}).catch((e: unknown) => e);
    await t.host.close();
    await waitFor(() => client.getState() === 'reconnecting', 'reconnecting');
    const lost = await inFlight;
    expect(lost).toBeInstanceOf(ApiError);
    expect((lost as ApiError).code).toBe('Disconnected');

    const again = await startTestHost({ port, token });
    cleanup.push(() => again.stop());
    await waitFor(() => client.getState() === 'open', 'reopen');
    expect((await client.invoke('app:status', {})).host).toBe('browser');
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('fails queued requests after the queue timeout when the server is unreachable', async () => {
    const client = createWsClient({
      url: 'ws://127.0.0.1:1/ws',
      createSocket: socketFor('http://127.0.0.1:1'),
      queueTimeoutMs: 200,
      initialRetryMs: 50,
    });
    cleanup.push(() => client.close());
    const error = await client.invoke('app:status', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('Disconnected');
    expect((error as ApiError).remedy).toContain('running');
    client.close();
    expect(client.getState()).toBe('closed');
    await expect(client.invoke('app:status', {})).rejects.toBeInstanceOf(ApiError);
  });
});

describe('access token handling', () => {
  function fakeWindow(href: string) {
    const stored = new Map<string, string>();
    const replaced: string[] = [];
    const env: TokenEnvironment = {
      location: { href },
      history: { state: null, replaceState: (_data, _unused, url) => replaced.push(String(url)) },
      sessionStorage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    };
    return { env, stored, replaced };
  }

  it('moves the token from the address bar to sessionStorage', () => {
    const { env, replaced } = fakeWindow('http://127.0.0.1:7391/?token=abc123&x=1#jobs');
    expect(takeAccessToken(env)).toBe('abc123');
    expect(replaced).toEqual(['/?x=1#jobs']);
    const reload = { ...env, location: { href: 'http://127.0.0.1:7391/?x=1#jobs' } };
    expect(takeAccessToken(reload)).toBe('abc123');
  });

  it('returns undefined when there is no token anywhere', () => {
    const { env, replaced } = fakeWindow('http://127.0.0.1:7391/');
    expect(takeAccessToken(env)).toBeUndefined();
    expect(replaced).toEqual([]);
  });

  it('builds the socket URL on the page host', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:7391' }, 'a+b')).toBe(
      'ws://127.0.0.1:7391/ws?token=a%2Bb',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'example.test' })).toBe('wss://example.test/ws');
  });
});
