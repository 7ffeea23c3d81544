/**
 * Fault suite, part 2: a bounded, seeded fuzzer. It mutates valid page requests, upgrade requests
 * and WebSocket frames (flipped, inserted, dropped and truncated bytes) and throws them at a real
 * browser host over loopback, a few at a time. Set BORGDESK_FUZZ_SEED to replay a failing run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeCodeOf,
  hostAnswers,
  rawExchange,
  rawWebSocket,
  readFrames,
  seededRandom,
  statusOf,
  textFrame,
  upgradeRequest,
} from './fault-client.js';
import { startTestHost, type TestHost } from './test-host.js';

const SEED = Number(process.env['BORGDESK_FUZZ_SEED'] ?? 20_240_817);
const HTTP_CASES = 90;
const FRAME_CASES = 60;
const PARALLEL = 8;
const WAIT_MS = 250;

// Bytes that matter to HTTP and URL parsers.
const interesting = [
  '\r',
  '\n',
  '\0',
  ' ',
  ':',
  '%',
  '[',
  ']',
  '/',
  '?',
  '#',
  '@',
  '\\',
  '\x7f',
  '\xff',
  ';',
  '=',
];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const randomBytes = (random: Random, n: number): Buffer =>
  Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

// Pieces of request targets that URL parsers trip over; joined at random they make `//[`, `http://%`...
const targetStarts = ['/', '//', '///', 'http://', 'http://[', '*', '', 'ws://', '/ws'];
const targetPieces = [
  '[',
  ']',
  '%',
  '%zz',
  '%00',
  '/',
  '//',
  '?',
  '#',
  '@',
  ':',
  '..',
  '\\',
  'ws',
  '?token=',
];

/** Swap the target of the request line (between the first two spaces) for a random one. */
function withRandomTarget(random: Random, bytes: Buffer, token: string): Buffer {
  const first = bytes.indexOf(' ');
  const second = first === -1 ? -1 : bytes.indexOf(' ', first + 1);
  if (second === -1) return bytes;
  let target = pick(random, targetStarts);
  const pieces = Math.floor(random() * 6);
  for (let i = 0; i < pieces; i += 1) target += pick(random, [...targetPieces, token]);
  return Buffer.concat([bytes.subarray(0, first + 1), Buffer.from(target, 'latin1'), bytes.subarray(second)]);
}

/** Apply one to four random edits to `input`; with a `token`, the request target may be rewritten too. */
function mutate(random: Random, input: Buffer, token?: string): Buffer {
  let bytes = token !== undefined && random() < 0.5 ? withRandomTarget(random, input, token) : input;
  const edits = Math.floor(random() * 4);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(random() * (bytes.length + 1));
    switch (Math.floor(random() * 5)) {
      case 0: // overwrite with a random byte
        bytes = Buffer.concat([bytes.subarray(0, at), randomBytes(random, 1), bytes.subarray(at + 1)]);
        break;
      case 1: // insert a parser-relevant character
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from(pick(random, interesting), 'latin1'),
          bytes.subarray(at),
        ]);
        break;
      case 2: // insert random bytes
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          randomBytes(random, 1 + Math.floor(random() * 16)),
          bytes.subarray(at),
        ]);
        break;
      case 3: // drop a run of bytes
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + Math.floor(random() * 8))]);
        break;
      default: // cut the message short
        bytes = bytes.subarray(0, at);
    }
  }
  return bytes;
}

/** Run `count` cases, `PARALLEL` at a time. */
async function inParallel(count: number, run: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < count) await run(next++);
    }),
  );
}

describe(`browser host under a seeded fuzzer (seed ${SEED})`, () => {
  let t: TestHost;
  const errors: string[] = [];

  beforeAll(async () => {
    t = await startTestHost({ onError: (context, error) => errors.push(`${context}: ${String(error)}`) });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers mutated page and upgrade requests with a status or a close, and stays up', async () => {
    const { port, token } = t.host;
    const random = seededRandom(SEED);
    const bases = [
      `GET /?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: a=b\r\nConnection: close\r\n\r\n`,
      `GET /assets/app.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: borgdesk_token_${port}=${token}\r\nConnection: close\r\n\r\n`,
      upgradeRequest(port, token),
      upgradeRequest(port, 'wrong', { headers: { Cookie: `borgdesk_token_${port}=${token}` } }),
    ].map((text) => Buffer.from(text, 'latin1'));
    const cases = Array.from({ length: HTTP_CASES }, () => mutate(random, pick(random, bases), token));
    const statuses: (number | undefined)[] = [];
    await inParallel(cases.length, async (i) => {
      const { data } = await rawExchange(port, cases[i] ?? Buffer.alloc(0), WAIT_MS);
      statuses[i] = statusOf(data);
    });
    for (const [i, status] of statuses.entries()) {
      if (status !== undefined)
        expect([200, 101, 400, 401, 403, 404, 405, 431], `case ${i}`).toContain(status);
    }
    expect(errors).toEqual([]);
    expect(await hostAnswers(port, token)).toBe(true);
  });

  it('survives random and mutated frames after a valid upgrade, and stays up', async () => {
    const { port, token } = t.host;
    const random = seededRandom(SEED + 1);
    const valid = textFrame(JSON.stringify({ id: 1, method: 'fs:list-folder', params: { path: t.dir } }));
    const closeCodes: (number | undefined)[] = [];
    await inParallel(FRAME_CASES, async (i) => {
      const socket = await rawWebSocket(port, token);
      const read = readFrames(socket, (frames) => closeCodeOf(frames) !== undefined, WAIT_MS);
      const garbage =
        random() < 0.3 ? randomBytes(random, 1 + Math.floor(random() * 64)) : mutate(random, valid);
      // mutate() may leave a frame untouched; then the valid request below is answered, which is fine too.
      socket.write(Buffer.concat([garbage, random() < 0.5 ? valid : Buffer.alloc(0)]));
      closeCodes[i] = closeCodeOf((await read).frames);
      socket.destroy();
    });
    // ws closes a broken stream with a protocol code; anything else would be a surprise worth a look.
    for (const [i, code] of closeCodes.entries()) {
      if (code !== undefined) expect([1002, 1007, 1009], `case ${i}`).toContain(code);
    }
    expect(errors).toEqual([]);
    expect(await hostAnswers(port, token)).toBe(true);
  });
});
