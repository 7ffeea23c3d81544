/**
 * The StatusNotifier probe against a real private D-Bus daemon: no watcher, a watcher with no host,
 * a watcher with a host, and a bus that does not answer.
 */
import { createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Message, MessageType, RequestNameReply, Variant, type MessageBus } from '@jellybrick/dbus-next';
import { probeStatusNotifierHost } from './status-notifier-host.js';
import { connect, startPrivateBus, type PrivateBus } from './test-dbus.js';

const WATCHER = 'org.kde.StatusNotifierWatcher';
let bus: PrivateBus | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  const started = await startPrivateBus();
  if (typeof started === 'string') skipped = started;
  else bus = started;
});
afterAll(async () => {
  await bus?.stop();
});

/** A panel's watcher on the bus, answering IsStatusNotifierHostRegistered with `registered`. */
async function watcher(address: string, registered: boolean): Promise<MessageBus> {
  const conn = await connect(address);
  conn.addMethodHandler((message) => {
    if (message.type !== MessageType.METHOD_CALL || message.member !== 'Get') return false;
    conn.send(Message.newMethodReturn(message, 'v', [new Variant('b', registered)]));
    return true;
  });
  if ((await conn.requestName(WATCHER, 0)) !== RequestNameReply.PRIMARY_OWNER) throw new Error('name taken');
  return conn;
}

describe('StatusNotifier host probe (real dbus-daemon)', () => {
  it('answers absent without a watcher, absent for a watcher without host, present with one', async (ctx) => {
    if (bus === undefined) {
      console.warn(`skipped: ${skipped}`);
      ctx.skip();
      return;
    }
    expect(await probeStatusNotifierHost(bus.address)).toBe('absent');
    const noHost = await watcher(bus.address, false);
    expect(await probeStatusNotifierHost(bus.address)).toBe('absent');
    await noHost.releaseName(WATCHER);
    noHost.disconnect();
    const withHost = await watcher(bus.address, true);
    expect(await probeStatusNotifierHost(bus.address)).toBe('present');
    withHost.disconnect();
  });

  it('answers unknown, within its time limit, for no bus, a refused address and a silent socket', async () => {
    expect(await probeStatusNotifierHost(undefined)).toBe('unknown');
    expect(await probeStatusNotifierHost('unixexec:path=/bin/true')).toBe('unknown');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-silent-bus-'));
    const socket = path.join(dir, 'bus');
    // Accepts the connection and never says a word.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(socket, resolve));
    try {
      const started = Date.now();
      expect(await probeStatusNotifierHost(`unix:path=${socket}`, 300)).toBe('unknown');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
