/**
 * The metered reader against a real dbus-daemon (a private one, so the machine's own system bus and
 * NetworkManager play no part) with a stand-in NetworkManager on it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ManualTime } from '../schedule/manual-time.js';
import { createNetworkManagerMetered, type MeteredReader } from './networkmanager-metered.js';
import { createNodeEnvironmentSource } from './node-environment.js';
import { StandInNetworkManager, startPrivateBus } from './test-dbus.js';

const started = await startPrivateBus();
const bus = typeof started === 'string' ? undefined : started;
if (typeof started === 'string') console.warn(`Skipping the D-Bus tests: ${started}`);

const readers: MeteredReader[] = [];
const standIns: StandInNetworkManager[] = [];

function reader(busAddress: string, timeoutMs?: number): MeteredReader {
  const r = createNetworkManagerMetered({ busAddress, ...(timeoutMs !== undefined && { timeoutMs }) });
  readers.push(r);
  return r;
}

async function standIn(address: string, metered: number): Promise<StandInNetworkManager> {
  const s = await StandInNetworkManager.start(address, metered);
  standIns.push(s);
  return s;
}

/** Resolves at the reader's next change notice; fails when none comes within 5 s. */
function nextNotice(r: MeteredReader): Promise<void> {
  return withinFiveSeconds(
    'a change notice',
    new Promise((resolve) => {
      const stop = r.onChange(() => {
        stop();
        resolve();
      });
    }),
  );
}

function withinFiveSeconds(what: string, promise: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within 5 s`)), 5_000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Waits until the bus has `count` client connections (a closed one leaves shortly after). */
async function connectionsSettleAt(count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const names = await bus!.connectionNames();
    if (names.length === count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} connections, found ${names.length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  for (const s of standIns.splice(0)) await s.stop();
});
afterAll(async () => {
  await bus?.stop();
});

describe.skipIf(bus === undefined)('NetworkManager metered reader on a private bus', () => {
  const address = bus?.address ?? '';

  it('maps NetworkManager’s verdict: 1 is metered, 4 (guess-no) is not', async () => {
    const nm = await standIn(address, 1);
    const r = reader(address);
    expect(await r.read()).toBe(true);
    nm.setMetered(4);
    expect(await r.read()).toBe(false);
    nm.setMetered(0);
    expect(await r.read()).toBeUndefined();
  });

  it('hears PropertiesChanged and NetworkManager stopping and starting', async () => {
    let nm = await standIn(address, 1);
    const r = reader(address);
    expect(await r.read()).toBe(true);

    let notice = nextNotice(r);
    nm.setMetered(4);
    await notice;
    expect(await r.read()).toBe(false);

    notice = nextNotice(r);
    await nm.stop();
    standIns.splice(standIns.indexOf(nm), 1);
    await notice;
    expect(await r.read()).toBeUndefined();

    notice = nextNotice(r);
    nm = await standIn(address, 3);
    await notice;
    expect(await r.read()).toBe(true);
  });

  it('is unknown when no NetworkManager is on the bus, and keeps listening for one', async () => {
    const r = reader(address);
    expect(await r.read()).toBeUndefined();
    const notice = nextNotice(r);
    await standIn(address, 2);
    await notice;
    expect(await r.read()).toBe(false);
  });

  it('closes its connection on close() and opens a new one for the next read', async () => {
    const nm = await standIn(address, 1);
    const before = (await bus!.connectionNames()).length;
    const r = reader(address);
    expect(await r.read()).toBe(true);
    await connectionsSettleAt(before + 1);
    r.close();
    await connectionsSettleAt(before);
    nm.setMetered(2);
    expect(await r.read()).toBe(false);
    await connectionsSettleAt(before + 1);
  });

  it('feeds the Node environment source, which reports a change as soon as it is announced', async () => {
    const nm = await standIn(address, 1);
    const before = (await bus!.connectionNames()).length;
    const env = createNodeEnvironmentSource({
      platform: 'linux',
      timers: new ManualTime(0), // no polls: only NetworkManager's signal can bring the change
      readOnBattery: async () => false,
      metered: reader(address),
    });
    await env.refresh();
    expect(env.current()).toEqual({ onBattery: false, metered: true });

    const changed = withinFiveSeconds(
      'change of the environment',
      new Promise<void>((resolve) => {
        const stop = env.onChange(() => {
          if (env.current().metered !== false) return;
          stop();
          resolve();
        });
      }),
    );
    await connectionsSettleAt(before + 1);
    nm.setMetered(4);
    await changed;
    expect(env.current()).toEqual({ onBattery: false, metered: false });
    // The last listener left: the source let go of the bus.
    await connectionsSettleAt(before);
  });
});

describe('NetworkManager metered reader without a usable bus', () => {
  let dir: string | undefined;
  let silent: Server | undefined;
  afterEach(async () => {
    silent?.close();
    silent = undefined;
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('is unknown at once for a missing socket or an address it will not use', async () => {
    for (const address of [
      'unix:path=/nonexistent/borgdesk/bus',
      'unixexec:path=/bin/true', // would start a process
      'not-an-address',
    ]) {
      const startedAt = Date.now();
      expect(await reader(address, 10_000).read(), address).toBeUndefined();
      expect(Date.now() - startedAt, address).toBeLessThan(3_000); // far below the 10 s allowed
    }
  });

  it('gives up after the timeout on a socket that never answers', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-silent-bus-'));
    const socket = path.join(dir, 'bus');
    silent = createServer(() => undefined); // accepts, then says nothing
    await new Promise<void>((resolve) => silent!.listen(socket, resolve));
    const startedAt = Date.now();
    expect(await reader(`unix:path=${socket}`, 300).read()).toBeUndefined();
    const took = Date.now() - startedAt;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(5_000);
  });
});
