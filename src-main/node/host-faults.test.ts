/**
 * Fault suite, part 1: malformed HTTP requests, upgrade requests and WebSocket frames thrown at a
 * real browser host over loopback. After each batch the host must still answer an authenticated
 * request, and no handler may have needed its safety net (`errors` stays empty): malformed input is
 * answered by design, not rescued from a throw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeCodeOf,
  clientFrame,
  connectRaw,
  hostAnswers,
  rawExchange,
  rawWebSocket,
  readFrames,
  repliesOf,
  statusOf,
  textFrame,
  upgradeRequest,
} from './fault-client.js';
import { startTestHost, type TestHost } from './test-host.js';

describe('browser host under malformed input', () => {
  let t: TestHost;
  let port = 0;
  let token = '';
  const errors: string[] = [];

  beforeAll(async () => {
    t = await startTestHost({ onError: (context, error) => errors.push(`${context}: ${String(error)}`) });
    port = t.host.port;
    token = t.host.token;
  });
  afterAll(async () => {
    await t.stop();
  });

  async function expectStillUp(): Promise<void> {
    expect(errors).toEqual([]);
    expect(await hostAnswers(port, token)).toBe(true);
  }

  it('answers malformed request lines and headers with a 4xx or a close, never a crash', async () => {
    const host = `Host: 127.0.0.1:${port}\r\n`;
    const end = 'Connection: close\r\n\r\n';
    const cookie = `borgdesk_token_${port}=${token}`;
    // [what, bytes, expected status (undefined: any 4xx or a close without answer)]
    const cases: [string, string, number | undefined][] = [
      ['path that reads as a host', `GET // HTTP/1.1\r\n${host}${end}`, 401],
      ['path with an unclosed IPv6 host', `GET //[?token=${token} HTTP/1.1\r\n${host}${end}`, 404],
      [
        'absolute-form target with the token',
        `GET http://127.0.0.1:${port}/?token=${token} HTTP/1.1\r\n${host}${end}`,
        400,
      ],
      ['absolute-form target that cannot parse', `GET http://[ HTTP/1.1\r\n${host}${end}`, 400],
      ['asterisk target', `GET * HTTP/1.1\r\n${host}${end}`, 400],
      ['bad percent-encoding in the path', `GET /%zz%%%/%?token=${token} HTTP/1.1\r\n${host}${end}`, 404],
      ['bad percent-encoding in the token', `GET /?token=%ZZ%${token} HTTP/1.1\r\n${host}${end}`, 401],
      ['no Host header', `GET /?token=${token} HTTP/1.1\r\n${end}`, 400],
      ['two Host headers', `GET / HTTP/1.1\r\n${host}Host: evil.example\r\n${end}`, undefined],
      ['a cookie header of 15 KB', `GET / HTTP/1.1\r\n${host}Cookie: a=${'x'.repeat(15_000)}\r\n${end}`, 401],
      [
        'headers beyond the size limit',
        `GET / HTTP/1.1\r\n${host}X-Pad: ${'x'.repeat(20_000)}\r\n${end}`,
        431,
      ],
      ['fifty Cookie headers', `GET / HTTP/1.1\r\n${host}${'Cookie: a=b\r\n'.repeat(50)}${end}`, 401],
      [
        'a broken cookie list around a valid token',
        `GET / HTTP/1.1\r\n${host}Cookie: =; ;;; a=%; ${cookie}; =x\r\n${end}`,
        200,
      ],
      ['a header without a colon', `GET / HTTP/1.1\r\n${host}NoColonHere\r\n${end}`, 400],
      ['a NUL byte in a header', `GET / HTTP/1.1\r\n${host}X-A: a\0b\r\n${end}`, 400],
      [
        'Content-Length and Transfer-Encoding',
        `GET / HTTP/1.1\r\n${host}Content-Length: 3\r\nTransfer-Encoding: chunked\r\n${end}`,
        400,
      ],
      ['a negative Content-Length', `GET / HTTP/1.1\r\n${host}Content-Length: -1\r\n${end}`, 400],
      [
        'a broken chunked body',
        `POST / HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\n${end}zz\r\n`,
        undefined,
      ],
      ['an unknown HTTP version', `GET / HTTP/9.9\r\n${host}${end}`, undefined],
      ['CONNECT', `CONNECT 127.0.0.1:22 HTTP/1.1\r\n${host}${end}`, undefined],
      ['binary garbage', '\x00\x01\x02\xff\xfe\r\n\r\n', 400],
      ['a TLS ClientHello', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', undefined],
      [
        'pipelined requests, the second malformed',
        `GET / HTTP/1.1\r\n${host}\r\nGET // HTTP/1.1\r\n${host}${end}`,
        401,
      ],
    ];
    for (const [what, bytes, expected] of cases) {
      const { data, closedByServer } = await rawExchange(port, Buffer.from(bytes, 'latin1'), 1000);
      const status = statusOf(data);
      if (expected !== undefined) expect(status, what).toBe(expected);
      else expect(status === undefined ? closedByServer : status >= 400 && status < 500, what).toBe(true);
      // Only an authenticated answer (200, or 404 with the session cookie) may carry the token.
      if (status !== 200 && status !== 404) expect(data.toString('latin1'), what).not.toContain(token);
    }
    await expectStillUp();
  });

  it('refuses malformed upgrade requests with the right status, never a crash', async () => {
    const good = `/ws?token=${token}`;
    const cases: [string, Parameters<typeof upgradeRequest>[2], number][] = [
      ['target that reads as a host', { target: '//' }, 404],
      ['target with an unclosed IPv6 host', { target: `//[?token=${token}` }, 404],
      ['absolute-form target that cannot parse', { target: 'http://[' }, 400],
      ['absolute-form target with the token', { target: `http://127.0.0.1:${port}${good}` }, 400],
      ['asterisk target', { target: '*' }, 400],
      ['bad percent-encoding in the token', { target: `/ws?token=%${token}%zz` }, 401],
      ['wrong token', { target: '/ws?token=nope' }, 401],
      ['no token', { target: '/ws' }, 401],
      ['another path', { target: `/other?token=${token}` }, 404],
      ['no Origin', { headers: { Origin: undefined } }, 403],
      ['a foreign Origin', { headers: { Origin: 'http://evil.example' } }, 403],
      [
        'two Origin headers',
        { headers: { Origin: [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port}`] } },
        403,
      ],
      ['no Host', { headers: { Host: undefined } }, 403],
      ['no Sec-WebSocket-Key', { headers: { 'Sec-WebSocket-Key': undefined } }, 400],
      ['a key of the wrong length', { headers: { 'Sec-WebSocket-Key': 'abc' } }, 400],
      ['protocol version 7', { headers: { 'Sec-WebSocket-Version': '7' } }, 400],
      ['a version that is no number', { headers: { 'Sec-WebSocket-Version': 'x' } }, 400],
      ['Upgrade: h2c', { headers: { Upgrade: 'h2c' } }, 400],
      ['a broken subprotocol list', { headers: { 'Sec-WebSocket-Protocol': ',,,' } }, 400],
      ['POST', { method: 'POST' }, 405],
      [
        'a junk extension offer (ignored)',
        { headers: { 'Sec-WebSocket-Extensions': 'permessage-deflate; x=%%%' } },
        101,
      ],
    ];
    for (const [what, parts, expected] of cases) {
      const { data } = await rawExchange(
        port,
        upgradeRequest(port, token, parts),
        expected === 101 ? 300 : 1000,
      );
      expect(statusOf(data), what).toBe(expected);
    }
    await expectStillUp();
  });

  it('shrugs off connections reset mid-request, mid-upgrade and mid-reply', async () => {
    const partial = await connectRaw(port);
    partial.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-A: `);
    partial.resetAndDestroy();

    const upgraded = await rawWebSocket(port, token);
    upgraded.resetAndDestroy();

    const busy = await rawWebSocket(port, token);
    for (let id = 1; id <= 20; id += 1) {
      busy.write(textFrame(JSON.stringify({ id, method: 'fs:list-folder', params: { path: t.dir } })));
    }
    busy.resetAndDestroy();

    const page = await connectRaw(port);
    page.write(`GET /?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    page.resetAndDestroy();

    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectStillUp();
  });

  it('closes the socket with the right code on protocol violations', async () => {
    const text = Buffer.from('{"id":1,"method":"app:status"}');
    const cases: [string, Buffer[], number][] = [
      ['an unknown data opcode', [clientFrame(0x3, text)], 1002],
      ['an unknown control opcode', [clientFrame(0xb, Buffer.alloc(0))], 1002],
      ['a reserved bit', [clientFrame(0x1, text, { rsv: 4 })], 1002],
      ['an unmasked frame', [clientFrame(0x1, text, { mask: false })], 1002],
      ['a frame announcing 2 GiB', [clientFrame(0x2, Buffer.alloc(16), { declaredLength: 2n ** 31n })], 1009],
      [
        'a frame announcing 2^63 bytes',
        [clientFrame(0x2, Buffer.alloc(16), { declaredLength: 2n ** 63n })],
        1009,
      ],
      [
        'fragments adding up past 1 MiB',
        [
          clientFrame(0x1, Buffer.alloc(65_536, 0x20), { fin: false }),
          ...Array.from({ length: 16 }, () => clientFrame(0x0, Buffer.alloc(65_536, 0x20), { fin: false })),
        ],
        1009,
      ],
      ['text that is not UTF-8', [clientFrame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))], 1007],
      ['a ping of 126 bytes', [clientFrame(0x9, Buffer.alloc(126))], 1002],
      ['a fragmented ping', [clientFrame(0x9, Buffer.alloc(1), { fin: false })], 1002],
      ['a continuation with nothing to continue', [clientFrame(0x0, text)], 1002],
      [
        'a new message inside a fragmented one',
        [clientFrame(0x1, text, { fin: false }), clientFrame(0x1, text)],
        1002,
      ],
      ['a close with code 999', [clientFrame(0x8, Buffer.from([0x03, 0xe7]))], 1002],
      ['a close with a one-byte body', [clientFrame(0x8, Buffer.from([0x03]))], 1002],
      ['a close whose reason is not UTF-8', [clientFrame(0x8, Buffer.from([0x03, 0xe8, 0xff]))], 1007],
    ];
    for (const [what, frames, expected] of cases) {
      const socket = await rawWebSocket(port, token);
      const read = readFrames(socket, (seen) => closeCodeOf(seen) !== undefined, 2000);
      for (const frame of frames) socket.write(frame);
      const { frames: seen } = await read;
      socket.destroy();
      expect(closeCodeOf(seen), what).toBe(expected);
    }
    await expectStillUp();
  });

  it('answers JSON of every wrong shape with a typed error and keeps the socket', async () => {
    const deep = 100_000;
    const cases: [string, Buffer, string][] = [
      ['text that is not JSON', textFrame('{not json'), 'InvalidEnvelope'],
      ['an empty text message', textFrame(''), 'InvalidEnvelope'],
      [
        'a binary message',
        clientFrame(0x2, Buffer.from('{"id":1,"method":"app:status"}')),
        'InvalidEnvelope',
      ],
      ['null', textFrame('null'), 'InvalidEnvelope'],
      ['an array', textFrame('[1,2]'), 'InvalidEnvelope'],
      ['a string', textFrame('"app:status"'), 'InvalidEnvelope'],
      ['an id that is a string', textFrame('{"id":"1","method":"app:status"}'), 'InvalidEnvelope'],
      ['an id that is no integer', textFrame('{"id":1.5,"method":"app:status"}'), 'InvalidEnvelope'],
      ['an id beyond any number', textFrame('{"id":1e400,"method":"app:status"}'), 'InvalidEnvelope'],
      ['a method that is a number', textFrame('{"id":7,"method":5}'), 'InvalidEnvelope'],
      ['__proto__ as the method', textFrame('{"id":8,"method":"__proto__"}'), 'UnknownMethod'],
      ['constructor as the method', textFrame('{"id":9,"method":"constructor"}'), 'UnknownMethod'],
      [
        'params that are a string',
        textFrame('{"id":10,"method":"fs:list-folder","params":"x"}'),
        'InvalidParams',
      ],
      [
        'a path that is an object',
        textFrame('{"id":11,"method":"fs:list-folder","params":{"path":{"__proto__":{"x":1}}}}'),
        'InvalidParams',
      ],
      ['arrays nested 100,000 deep', textFrame('['.repeat(deep) + ']'.repeat(deep)), 'InvalidEnvelope'],
      [
        'params nested 100,000 deep',
        textFrame(
          `{"id":12,"method":"plans:save","params":{"draft":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}}`,
        ),
        'InvalidParams',
      ],
    ];
    const socket = await rawWebSocket(port, token);
    for (const [what, frame, code] of cases) {
      const read = readFrames(socket, (seen) => repliesOf(seen).length > 0, 3000);
      socket.write(frame);
      const { frames, closedByServer } = await read;
      expect(closedByServer, what).toBe(false);
      const [reply] = repliesOf(frames);
      expect(reply?.ok === false ? reply.error.code : reply, what).toBe(code);
    }
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();

    // The same socket still works, for a message in two fragments and after a ping.
    const read = readFrames(socket, (seen) => repliesOf(seen).length > 0, 3000);
    socket.write(clientFrame(0x9, Buffer.from('hi')));
    socket.write(textFrame('{"id":99,"method":', { fin: false }));
    socket.write(clientFrame(0x0, Buffer.from('"app:status"}')));
    const { frames } = await read;
    expect(frames.some((frame) => frame.opcode === 0xa)).toBe(true);
    expect(repliesOf(frames)[0]).toMatchObject({ id: 99, ok: true });
    socket.destroy();
    await expectStillUp();
  });
});
