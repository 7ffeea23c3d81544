/**
 * One HTTP delivery with a timeout per attempt and retries: up to `attempts` tries, waiting
 * `backoffMs`, then twice that, between them, but only after a network error, a timeout or a 5xx
 * answer — a 4xx means the address or token is wrong, and asking again would not help. Uses Node's
 * global fetch; never throws.
 */

/** What to send. */
export interface HttpRequestSpec {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** How hard to try. */
export interface DeliveryPolicy {
  readonly timeoutMs: number;
  readonly attempts: number;
  readonly backoffMs: number;
}

/** Three attempts, 10 s each, 2 s then 4 s apart. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { timeoutMs: 10_000, attempts: 3, backoffMs: 2_000 };

/** How a delivery ended. */
export interface HttpDeliveryResult {
  readonly ok: boolean;
  readonly attempts: number;
  readonly httpStatus?: number;
  readonly reason?: string;
}

/** Send `request`, retrying as the policy says. */
export async function deliverHttp(
  request: HttpRequestSpec,
  policy: DeliveryPolicy,
): Promise<HttpDeliveryResult> {
  const { url, headers } = withoutCredentials(request.url, request.headers ?? {});
  let last: HttpDeliveryResult = { ok: false, attempts: 0, reason: 'not sent' };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) await sleep(policy.backoffMs * 2 ** (attempt - 2));
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: AbortSignal.timeout(policy.timeoutMs),
        redirect: 'follow',
      });
      // Drain the body so the connection is released; what the service answers is not needed.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, attempts: attempt, httpStatus: response.status };
      const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      last = { ok: false, attempts: attempt, httpStatus: response.status, reason };
      if (response.status < 500) return last;
    } catch (e) {
      last = { ok: false, attempts: attempt, reason: networkReason(e, policy.timeoutMs) };
    }
  }
  return last;
}

/** A fetch failure in plain words: "connection refused", "no answer within 10 s"… */
export function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${formatSeconds(timeoutMs)}`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection closed by the server';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'could not connect in time';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'network unreachable';
  }
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS certificate problem (${code})`;
  if (code !== undefined) return code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

// fetch refuses URLs with user:password@; such a URL (ntfy access control, a webhook behind basic
// auth) means HTTP Basic authentication, so it moves into the Authorization header.
function withoutCredentials(
  text: string,
  headers: Readonly<Record<string, string>>,
): { url: string; headers: Record<string, string> } {
  const url = new URL(text);
  if (url.username === '' && url.password === '') return { url: text, headers: { ...headers } };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const basic = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return { url: url.toString(), headers: { ...headers, Authorization: `Basic ${basic}` } };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
