/**
 * Drives the browser host's hand-moved clock (BORGDESK_TEST_CLOCK=1) through the `test:advance-clock`
 * request, over its own WebSocket with the page's token, so a spec can jump hours or days ahead.
 */
import WebSocket from 'ws';

interface AdvanceReply {
  readonly id?: number;
  readonly ok: boolean;
  readonly result?: { readonly now: string };
  readonly error?: unknown;
}

/** Move the host's clock `ms` forward (0 just reads it); resolves with the host's new ISO time. */
export async function advanceClock(hostUrl: string, ms: number): Promise<string> {
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
    const reply = await new Promise<AdvanceReply>((resolve) => {
      ws.on('message', (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as AdvanceReply;
        // Pushed events share the socket; only the reply carries our request id.
        if (message.id === 1) resolve(message);
      });
      ws.send(JSON.stringify({ id: 1, method: 'test:advance-clock', params: { ms } }));
    });
    if (!reply.ok || reply.result === undefined)
      throw new Error(`advance-clock failed: ${JSON.stringify(reply)}`);
    return reply.result.now;
  } finally {
    ws.close();
  }
}

/** The host's current time (ms since the epoch); it stands still until advanceClock moves it. */
export async function readClock(hostUrl: string): Promise<number> {
  return Date.parse(await advanceClock(hostUrl, 0));
}
