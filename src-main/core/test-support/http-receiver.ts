/**
 * A real HTTP server on 127.0.0.1 for monitoring tests: records every request (method, path with
 * query, headers, body) and answers 200 unless a test scripts other answers for a path prefix —
 * a list of status codes used in turn, or 'hang' to never answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** What to answer for a path prefix: status codes in turn (the last one repeats), or never. */
export type Answer = readonly number[] | 'hang';

/** A started receiver. */
export interface HttpReceiver {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  readonly requests: ReceivedRequest[];
  /** Script the answers for requests whose path starts with `prefix`. */
  answer(prefix: string, answer: Answer): void;
  /** Requests whose path starts with `prefix`, in arrival order. */
  to(prefix: string): ReceivedRequest[];
  /** Resolves once `count` requests to `prefix` have arrived. */
  waitFor(prefix: string, count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** Start a receiver on a free loopback port. */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const answers = new Map<string, { answer: Answer; used: number }>();
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      for (const wake of [...waiters]) wake();
      const scripted = [...answers].find(([prefix]) => path.startsWith(prefix))?.[1];
      if (scripted?.answer === 'hang') return;
      const codes = scripted?.answer ?? [200];
      const code = codes[Math.min(scripted?.used ?? 0, codes.length - 1)] ?? 200;
      if (scripted !== undefined) scripted.used += 1;
      res.writeHead(code, { 'Content-Type': 'text/plain' }).end(code < 300 ? 'OK' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const to = (prefix: string) => requests.filter((r) => r.path.startsWith(prefix));
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    answer: (prefix, answer) => answers.set(prefix, { answer, used: 0 }),
    to,
    waitFor(prefix, count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (to(prefix).length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(to(prefix));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${to(prefix).length} of ${count} requests to ${prefix} arrived`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
