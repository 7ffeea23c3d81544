/**
 * Fault suite, part 3: a real browser host with short timeouts and small caps. Half-open and
 * dribbling sockets are closed within the pre-auth timeout, connections beyond the cap are refused,
 * an authenticated socket may stay silent, and a flood of expensive requests is refused with Busy
 * instead of piling up in memory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ReplyEnvelope } from '../ipc/contract.js';
import { BUSY_ERROR } from '../ipc/request-limiter.js';
import {
  call,
  closedWithin,
  collect,
  connectRaw,
  hostAnswers,
  openClient,
  statusOf,
} from './fault-client.js';
import { startTestHost, type TestHost } from './test-host.js';

const PRE_AUTH_MS = 1000;
const CAP = 8;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('browser host limits', () => {
  let t: TestHost;
  let port = 0;
  let token = '';
  const errors: string[] = [];

  beforeAll(async () => {
    t = await startTestHost({
      onError: (context, error) => errors.push(`${context}: ${String(error)}`),
      limits: {
        preAuthTimeoutMs: PRE_AUTH_MS,
        maxUnauthenticatedConnections: CAP,
        headersTimeoutMs: 1500,
        requestTimeoutMs: 3000,
        keepAliveTimeoutMs: 500,
        idleTimeoutMs: 3000,
        requests: {
          heavyPerConnection: 2,
          heavyQueuePerConnection: 4,
          heavyGlobal: 3,
          pendingPerConnection: 64,
        },
      },
    });
    port = t.host.port;
    token = t.host.token;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('closes half-open sockets within the timeout, refuses beyond the cap, keeps a silent authenticated socket', async () => {
    const page = await openClient(port, token);
    const started = Date.now();
    const halfOpen: net.Socket[] = [];
    for (let i = 0; i < CAP; i += 1) {
      const socket = await connectRaw(port);
      socket.write(`GET /?token=${token} HT`);
      halfOpen.push(socket);
    }
    await sleep(100);
    expect(halfOpen.filter((socket) => socket.destroyed || socket.readableEnded)).toHaveLength(0);

    // The cap is full: more connections are answered 503 at once, before they send anything.
    for (let i = 0; i < 3; i += 1) {
      const refused = await collect(await connectRaw(port), 500);
      expect(refused.closedByServer).toBe(true);
      expect(statusOf(refused.data)).toBe(503);
    }

    const closed = await Promise.all(halfOpen.map((socket) => closedWithin(socket, PRE_AUTH_MS + 1500)));
    expect(closed.every(Boolean)).toBe(true);
    expect(Date.now() - started).toBeLessThan(PRE_AUTH_MS + 1500);

    // The page's socket said nothing all this time and is still there.
    expect(page.readyState).toBe(WebSocket.OPEN);
    expect(await call(page, 1, 'app:status')).toMatchObject({ id: 1, ok: true });
    page.terminate();
    expect(errors).toEqual([]);
  });

  it('closes a socket that keeps dribbling header bytes once the pre-auth timeout passes', async () => {
    const socket = await connectRaw(port);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
    const drip = setInterval(() => socket.write('a'), 100);
    const started = Date.now();
    const closed = await closedWithin(socket, PRE_AUTH_MS + 1500);
    clearInterval(drip);
    socket.destroy();
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(PRE_AUTH_MS + 1500);
    expect(await hostAnswers(port, token)).toBe(true);
  });

  it('refuses a flood of folder listings on one socket with Busy, in bounded memory, and keeps answering', async () => {
    const folder = path.join(t.dir, 'many');
    await mkdir(folder, { recursive: true });
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(path.join(folder, `file-${i}`), '')));

    const ws = await openClient(port, token);
    const flood = 1000;
    const replies = new Map<number, ReplyEnvelope>();
    const allIn = new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        const reply = JSON.parse(String(data)) as ReplyEnvelope;
        if (typeof reply.id === 'number' && reply.id >= 1000) replies.set(reply.id, reply);
        if (replies.size === flood) resolve();
      });
    });
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
    for (let i = 0; i < flood; i += 1) {
      ws.send(JSON.stringify({ id: 1000 + i, method: 'fs:list-folder', params: { path: folder } }));
    }
    await Promise.race([allIn, sleep(10_000)]);
    clearInterval(sampler);

    expect(replies.size).toBe(flood);
    const ok = [...replies.values()].filter((reply) => reply.ok);
    const busy = [...replies.values()].filter((reply) => !reply.ok && reply.error.code === 'Busy');
    expect(ok.length + busy.length).toBe(flood);
    // Two run and four wait per connection; the rest of a burst is refused at once.
    expect(ok.length).toBeGreaterThanOrEqual(6);
    expect(busy.length).toBeGreaterThan(flood / 2);
    for (const reply of busy) expect(!reply.ok && reply.error).toEqual(BUSY_ERROR);
    expect(heapPeak - heapBefore).toBeLessThan(200 * 1024 * 1024);

    expect(await call(ws, 1, 'fs:list-folder', { path: folder })).toMatchObject({ ok: true });
    ws.terminate();
    expect(await hostAnswers(port, token)).toBe(true);
    expect(errors).toEqual([]);
  });
});
