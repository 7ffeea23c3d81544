import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import path from 'node:path';
import type { EventEnvelope, ReplyEnvelope } from '../ipc/contract.js';
import { INDEX_TEXT, SECRET_TEXT, startTestHost, type TestHost } from './test-host.js';

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

// http.request sends the path byte for byte, so traversal attempts reach the server un-normalised.
function get(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Open a socket; resolves with it once open, or with the HTTP status the server refused it with. */
function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, maxPayload: 16 * 1024 * 1024 });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

// Resolves with the reply carrying the request's id (or -1 for unparsable input), skipping pushed events.
function request(ws: WebSocket, message: unknown): Promise<ReplyEnvelope> {
  const id = typeof message === 'string' ? -1 : (message as { id: number }).id;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const parsed = JSON.parse(String(data)) as ReplyEnvelope | EventEnvelope;
      if ('id' in parsed && parsed.id === id) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

function nextEvent(ws: WebSocket, name: string): Promise<EventEnvelope> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const parsed = JSON.parse(String(data)) as ReplyEnvelope | EventEnvelope;
      if ('event' in parsed && parsed.event === name) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('browser host', () => {
  let t: TestHost;
  let port = 0;
  let origin = '';
  let wsUrl = '';
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    t = await startTestHost();
    port = t.host.port;
    origin = t.host.origin;
    wsUrl = `ws://127.0.0.1:${port}/ws?token=${t.host.token}`;
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await t.stop();
  });

  async function connected(): Promise<WebSocket> {
    const ws = await openSocket(wsUrl, { Origin: origin });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    sockets.push(ws);
    return ws;
  }

  it('prints a loopback URL with a 43-character token', () => {
    expect(t.host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it('refuses the page without a token, with a hint about the terminal', async () => {
    const res = await get(port, '/');
    expect(res.status).toBe(401);
    expect(res.body).toContain('terminal');
    expect(res.body).not.toContain(t.host.token);
    expect((await get(port, '/?token=wrong')).status).toBe(401);
    expect((await get(port, '/assets/app.js')).status).toBe(401);
  });

  it('serves the page with the token, security headers and a session cookie', async () => {
    const res = await get(port, `/?token=${t.host.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_TEXT);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`ws://127.0.0.1:${port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toContain(`=${t.host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('serves assets with the cookie alone and the right MIME type', async () => {
    const cookie = `borgdesk_token_${port}=${t.host.token}`;
    const res = await get(port, '/assets/app.js', { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(port, '/missing.js', { Cookie: cookie })).status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(port, `/?token=${t.host.token}`, { Host: `evil.example:${port}` });
    expect(res.status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    const cookie = { Cookie: `borgdesk_token_${port}=${t.host.token}` };
    for (const attempt of [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/escape.json',
      '/%00',
    ]) {
      const res = await get(port, attempt, cookie);
      expect(res.status, attempt).toBe(404);
      expect(res.body).not.toContain(SECRET_TEXT);
    }
  });

  it('refuses WebSockets without a token, from a foreign or missing Origin, or via a foreign Host', async () => {
    expect(await openSocket(`ws://127.0.0.1:${port}/ws`, { Origin: origin })).toBe(401);
    expect(await openSocket(`ws://127.0.0.1:${port}/ws?token=nope`, { Origin: origin })).toBe(401);
    expect(await openSocket(wsUrl, { Origin: 'http://evil.example' })).toBe(403);
    expect(await openSocket(wsUrl, { Origin: `http://localhost:${port + 1}` })).toBe(403);
    expect(await openSocket(wsUrl, {})).toBe(403);
    expect(
      await openSocket(wsUrl, { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }),
    ).toBe(403);
    expect(await openSocket(`ws://127.0.0.1:${port}/other?token=${t.host.token}`, { Origin: origin })).toBe(
      404,
    );
  });

  it('answers app:status over an authenticated socket (token in the query or the cookie)', async () => {
    const ws = await connected();
    const reply = await request(ws, { id: 1, method: 'app:status', params: {} });
    expect(reply).toMatchObject({ id: 1, ok: true, result: { host: 'browser' } });

    const viaCookie = await openSocket(`ws://localhost:${port}/ws`, {
      Origin: `http://localhost:${port}`,
      Cookie: `borgdesk_token_${port}=${t.host.token}`,
    });
    expect(viaCookie).toBeInstanceOf(WebSocket);
    if (viaCookie instanceof WebSocket) sockets.push(viaCookie);
  });

  it('answers unknown methods, bad params and non-JSON with typed errors', async () => {
    const ws = await connected();
    expect(await request(ws, { id: 2, method: 'nope:nothing', params: {} })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'UnknownMethod' },
    });
    const bad = await request(ws, { id: 3, method: 'repos:details', params: { repoId: 5 } });
    expect(bad).toMatchObject({ id: 3, ok: false, error: { code: 'InvalidParams' } });
    expect(!bad.ok && bad.error.message).toContain('repoId');
    expect(await request(ws, '{not json')).toMatchObject({
      id: -1,
      ok: false,
      error: { code: 'InvalidEnvelope' },
    });
  });

  it('pushes core events to every connected socket', async () => {
    const [a, b] = [await connected(), await connected()];
    const seenByA = nextEvent(a, 'repos:changed');
    const seenByB = nextEvent(b, 'repos:changed');
    const location = path.join(t.dir, 'repo-for-events');
    const reply = await request(a, {
      id: 20,
      method: 'repos:create',
      params: { name: 'Events', location, encryption: 'none' },
    });
    expect(reply).toMatchObject({ id: 20, ok: true, result: { name: 'Events', location } });
    for (const envelope of [await seenByA, await seenByB]) {
      expect(envelope.payload).toEqual(expect.arrayContaining([expect.objectContaining({ location })]));
    }
  });

  it('closes a socket that sends more than 1 MiB in one message', async () => {
    const ws = await connected();
    const code = await new Promise<number>((resolve) => {
      ws.once('close', (closeCode) => resolve(closeCode));
      ws.send(JSON.stringify({ id: 9, method: 'app:status', params: { pad: 'x'.repeat(1024 * 1024 + 10) } }));
    });
    expect(code).toBe(1009);
  });
});
