/**
 * Drives the browser host's hand-moved clock (BORGDESK_TEST_CLOCK=1) through the `test:advance-clock`
 * request, over its own WebSocket with the page's token, so a spec can jump hours or days ahead.
 */
import WebSocket from 'ws';

interface HostReply {
  readonly id?: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: unknown;
}

// One request over its own WebSocket with the page's token; resolves with the reply's result.
async function hostRequest(hostUrl: string, method: string, params: object): Promise<unknown> {
  const url = new URL(hostUrl);
  const token = url.searchParams.get('token') ?? '';
  const ws = new WebSocket(`ws://${url.host}/ws?token=${encodeURIComponent(token)}`, {
    headers: { Origin: `http://${url.host}` },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const reply = await new Promise<HostReply>((resolve) => {
      ws.on('message', (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as HostReply;
        // Pushed events share the socket; only the reply carries our request id.
        if (message.id === 1) resolve(message);
      });
      ws.send(JSON.stringify({ id: 1, method, params }));
    });
    if (!reply.ok || reply.result === undefined)
      throw new Error(`${method} failed: ${JSON.stringify(reply)}`);
    return reply.result;
  } finally {
    ws.close();
  }
}

/** Move the host's clock `ms` forward (0 just reads it); resolves with the host's new ISO time. */
export async function advanceClock(hostUrl: string, ms: number): Promise<string> {
  const result = (await hostRequest(hostUrl, 'test:advance-clock', { ms })) as { readonly now: string };
  return result.now;
}

/**
 * Waits until the host runs and queues no job. A plan run goes on after its backup (prune, compact),
 * and the scheduler drops a slot that passes while the target still runs, so a spec that moves the
 * clock to the next slot waits for this first.
 */
export async function jobsSettled(hostUrl: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const jobs = (await hostRequest(hostUrl, 'jobs:list', {})) as { readonly status: string }[];
    // The scheduler learns of a run's end just after its jobs settle; until then the target shows
    // "running" and a slot passing now would be dropped.
    const upcoming = (await hostRequest(hostUrl, 'schedules:upcoming', {})) as {
      readonly waitingFor?: string;
    }[];
    const busy =
      jobs.some((j) => j.status === 'queued' || j.status === 'running') ||
      upcoming.some((row) => row.waitingFor === 'running');
    if (!busy) return;
    if (Date.now() > until) throw new Error(`jobs still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The host's current time (ms since the epoch); it stands still until advanceClock moves it. */
export async function readClock(hostUrl: string): Promise<number> {
  return Date.parse(await advanceClock(hostUrl, 0));
}

/**
 * What the host says it runs and plans (jobs, next runs, its clock), for a spec's failure message:
 * a scheduled run that never shows up is then explained by the host's own state, not guessed at.
 */
export async function hostSchedulingState(hostUrl: string): Promise<string> {
  const [jobs, upcoming, now] = await Promise.all([
    hostRequest(hostUrl, 'jobs:list', {}),
    hostRequest(hostUrl, 'schedules:upcoming', {}),
    advanceClock(hostUrl, 0),
  ]);
  return JSON.stringify({ now, jobs, upcoming });
}

/** Awaits `wait`; when it fails, the error carries the host's scheduling state and its output. */
export async function explainedByHost(
  host: { readonly url: string; output(): string },
  wait: Promise<unknown>,
): Promise<void> {
  try {
    await wait;
  } catch (e) {
    const state = await hostSchedulingState(host.url).catch(
      (why: unknown) => `(state unavailable: ${String(why)})`,
    );
    const output = host.output().slice(-4000);
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}\nHost state: ${state}\nHost output (tail):\n${output}`,
    );
  }
}
