/**
 * Test support (imported by tests only): a deliberately rude client for the browser host's fault
 * tests. It speaks raw bytes over loopback sockets — malformed requests, upgrades and WebSocket
 * frames no well-behaved library would send — and every call is bounded in time.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import WebSocket from 'ws';
import type { ReplyEnvelope } from '../ipc/contract.js';

/** What came back from a raw exchange. */
export interface RawResult {
  /** Everything the server sent, as bytes. */
  readonly data: Buffer;
  /** True when the server closed (or reset) the connection before `waitMs` ran out. */
  readonly closedByServer: boolean;
}

/** Connect to 127.0.0.1:`port`; socket errors (resets) are expected here and swallowed. */
export function connectRaw(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Resolve once `socket` closes (true) or after `waitMs` (false). */
export function closedWithin(socket: net.Socket, waitMs: number): Promise<boolean> {
  if (socket.destroyed || socket.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('close', onClose);
      resolve(false);
    }, waitMs);
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once('close', onClose);
  });
}

/** Collect what `socket` receives until it closes or `waitMs` passes; the socket is destroyed after. */
export async function collect(socket: net.Socket, waitMs: number): Promise<RawResult> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closedByServer = await closedWithin(socket, waitMs);
  socket.destroy();
  return { data: Buffer.concat(chunks), closedByServer };
}

/** Send `bytes` on a fresh connection and collect the answer. */
export async function rawExchange(port: number, bytes: string | Buffer, waitMs = 1000): Promise<RawResult> {
  const socket = await connectRaw(port);
  const result = collect(socket, waitMs);
  socket.write(bytes);
  return result;
}

/** The status code of the first HTTP response in `data`, or undefined when there is none. */
export function statusOf(data: Buffer): number | undefined {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(data.subarray(0, 32).toString('latin1'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Parts of an upgrade request; each may be replaced or dropped (undefined) to break it. */
export interface UpgradeParts {
  readonly method?: string;
  readonly target?: string;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** A WebSocket upgrade request for `port`, valid unless `parts` break it. */
export function upgradeRequest(port: number, token: string, parts: UpgradeParts = {}): string {
  const headers: Record<string, string | readonly string[] | undefined> = {
    Host: `127.0.0.1:${port}`,
    Origin: `http://127.0.0.1:${port}`,
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    ...parts.headers,
  };
  const lines = [`${parts.method ?? 'GET'} ${parts.target ?? `/ws?token=${token}`} HTTP/1.1`];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of typeof value === 'string' ? [value] : value) lines.push(`${name}: ${one}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Open a raw socket and complete a valid, authenticated upgrade; resolves after the 101. */
export async function rawWebSocket(port: number, token: string): Promise<net.Socket> {
  const socket = await connectRaw(port);
  await new Promise<void>((resolve, reject) => {
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      seen = Buffer.concat([seen, chunk]);
      const end = seen.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      if (statusOf(seen) !== 101) reject(new Error(`upgrade refused: ${seen.toString('latin1', 0, 40)}`));
      else resolve();
    };
    socket.on('data', onData);
    socket.write(upgradeRequest(port, token));
  });
  return socket;
}

/** How to build a client frame; the defaults make a valid one. */
export interface FrameOptions {
  readonly fin?: boolean;
  /** RSV1-3 bits, 0 to 7. */
  readonly rsv?: number;
  readonly mask?: boolean;
  /** Length to announce instead of the payload's real one (oversized-frame attacks). */
  readonly declaredLength?: bigint;
}

/** Encode one client-to-server WebSocket frame. */
export function clientFrame(opcode: number, payload: Buffer, options: FrameOptions = {}): Buffer {
  const length = options.declaredLength ?? BigInt(payload.length);
  const first = ((options.fin ?? true) ? 0x80 : 0) | (((options.rsv ?? 0) & 7) << 4) | (opcode & 0x0f);
  const masked = options.mask ?? true;
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(Number(length), 2);
    header[1] = 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(length, 2);
    header[1] = 127;
  }
  header[0] = first;
  if (masked) header[1] = (header[1] ?? 0) | 0x80;
  if (!masked) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([header, key, body]);
}

/** A frame the server sent. */
export interface ServerFrame {
  readonly opcode: number;
  readonly payload: Buffer;
}

/** Split what a server sent into frames (servers never mask); a trailing partial frame is ignored. */
export function parseServerFrames(data: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = [];
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = (data[at] ?? 0) & 0x0f;
    let length = (data[at + 1] ?? 0) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > data.length) break;
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > data.length) break;
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > data.length) break;
    frames.push({ opcode, payload: data.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

/** The status code of the close frame in `frames`, if the server sent one. */
export function closeCodeOf(frames: readonly ServerFrame[]): number | undefined {
  const close = frames.find((frame) => frame.opcode === 0x8);
  return close !== undefined && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
}

/** The replies among `frames` (text frames holding JSON with an id). */
export function repliesOf(frames: readonly ServerFrame[]): ReplyEnvelope[] {
  return frames
    .filter((frame) => frame.opcode === 0x1)
    .map((frame) => JSON.parse(frame.payload.toString('utf8')) as Record<string, unknown>)
    .filter((message): message is ReplyEnvelope => typeof message['id'] === 'number');
}

/** A small deterministic generator (mulberry32), so a failing fuzz run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Open a well-behaved WebSocket (token in the query, right Origin); rejects within `waitMs`. */
export function openClient(port: number, token: string, waitMs = 3000): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, {
      headers: { Origin: `http://127.0.0.1:${port}` },
      handshakeTimeout: waitMs,
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode ?? 0}`)));
  });
}

/** Send one request on `ws` and resolve with its reply; rejects after `waitMs`. */
export function call(
  ws: WebSocket,
  id: number,
  method: string,
  params: unknown = {},
  waitMs = 5000,
): Promise<ReplyEnvelope> {
  return new Promise<ReplyEnvelope>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${method} within ${waitMs} ms`)), waitMs);
    const onMessage = (data: WebSocket.RawData): void => {
      const parsed = JSON.parse(String(data)) as Partial<ReplyEnvelope>;
      if (parsed.id !== id) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve(parsed as ReplyEnvelope);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

/** True when the host accepts a fresh authenticated socket and answers app:status on it. */
export async function hostAnswers(port: number, token: string): Promise<boolean> {
  const ws = await openClient(port, token);
  try {
    const reply = await call(ws, 1, 'app:status');
    return reply.ok;
  } finally {
    ws.terminate();
  }
}

/**
 * Read frames from `socket` until `done(frames)` holds, the server closes, or `waitMs` passes;
 * resolves with every frame seen and whether the server closed. The socket stays usable.
 */
export function readFrames(
  socket: net.Socket,
  done: (frames: readonly ServerFrame[]) => boolean,
  waitMs: number,
): Promise<{ frames: ServerFrame[]; closedByServer: boolean }> {
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    const finish = (closedByServer: boolean): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve({ frames: parseServerFrames(data), closedByServer });
    };
    const onData = (chunk: Buffer): void => {
      data = Buffer.concat([data, chunk]);
      if (done(parseServerFrames(data))) finish(false);
    };
    const onClose = (): void => finish(true);
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', onData);
    socket.once('close', onClose);
    if (socket.destroyed) finish(true);
  });
}

/** A masked text frame holding `text`. */
export const textFrame = (text: string, options: FrameOptions = {}): Buffer =>
  clientFrame(0x1, Buffer.from(text, 'utf8'), options);
