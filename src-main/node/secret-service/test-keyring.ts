/**
 * Test-only: a real Secret Service, `gnome-keyring-daemon --unlock --components=secrets`, on a
 * private `dbus-daemon` session bus, with its keyring files in a temporary folder (HOME,
 * XDG_DATA_HOME, XDG_RUNTIME_DIR), unlocked with a password fed on stdin. The daemon leaves when its
 * bus stops. `secret-tool` (libsecret-tools) reads the keyring from outside, as another program would.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Message, sessionBus, type MessageBus } from '@jellybrick/dbus-next';
import { runHookCommand } from '../../borg/hook-command.js';
import { startPrivateBus, type PrivateBus } from '../../core/environment/test-dbus.js';

/** A private bus with an unlocked GNOME Keyring on it. */
export interface TestKeyring {
  readonly address: string;
  readonly bus: PrivateBus;
  /** Runs `secret-tool <args>` against this keyring; resolves to its output lines and exit code. */
  secretTool(args: readonly string[]): Promise<{ exitCode: number | undefined; lines: string[] }>;
  /** Locks the default collection (as a screen lock or `secret-tool lock` would). */
  lockDefaultCollection(): Promise<void>;
  stop(): Promise<void>;
}

/** Why the keyring tests cannot run here, or undefined when they can. */
export async function keyringUnavailable(): Promise<string | undefined> {
  for (const tool of ['dbus-daemon', 'gnome-keyring-daemon', 'secret-tool']) {
    const found = await runHookCommand(`command -v ${tool}`, { timeoutMs: 5_000, onLine: () => undefined });
    if (found.exitCode !== 0)
      return `${tool} is not installed (Debian: dbus, gnome-keyring, libsecret-tools)`;
  }
  return undefined;
}

const quote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** Starts the bus and the keyring; resolves to the reason when it cannot. */
export async function startTestKeyring(): Promise<TestKeyring | string> {
  const bus = await startPrivateBus();
  if (typeof bus === 'string') return bus;
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-keyring-'));
  const home = path.join(dir, 'home');
  const runtime = path.join(dir, 'run');
  await mkdir(home, { recursive: true });
  await mkdir(runtime, { recursive: true, mode: 0o700 });
  const env = [
    `HOME=${quote(home)}`,
    `XDG_DATA_HOME=${quote(path.join(dir, 'data'))}`,
    `XDG_RUNTIME_DIR=${quote(runtime)}`,
    `DBUS_SESSION_BUS_ADDRESS=${quote(bus.address)}`,
  ].join(' ');
  const output: string[] = [];
  const started = await runHookCommand(
    `printf %s test-keyring-password | env ${env} gnome-keyring-daemon --unlock --components=secrets`,
    { timeoutMs: 10_000, onLine: (line) => output.push(line) },
  );
  const fail = async (why: string): Promise<string> => {
    await bus.stop();
    await rm(dir, { recursive: true, force: true });
    return why;
  };
  if (started.exitCode !== 0) {
    return fail(
      `gnome-keyring-daemon did not start (exit code ${String(started.exitCode)}): ${output.join(' ')}`,
    );
  }
  const control = await connect(bus.address);
  if (!(await waitForName(control, 'org.freedesktop.secrets', 10_000))) {
    control.disconnect();
    return fail('gnome-keyring-daemon did not take org.freedesktop.secrets within 10 s');
  }
  return {
    address: bus.address,
    bus,
    async secretTool(args) {
      const lines: string[] = [];
      const outcome = await runHookCommand(`env ${env} secret-tool ${args.map(quote).join(' ')}`, {
        timeoutMs: 10_000,
        onLine: (line, stream) => {
          if (stream === 'stdout') lines.push(line);
        },
      });
      return { exitCode: outcome.exitCode, lines };
    },
    async lockDefaultCollection() {
      const [collection] = (await control.call(secretCall('ReadAlias', 's', ['default'])))?.body ?? [];
      await control.call(secretCall('Lock', 'ao', [[collection]]));
    },
    async stop() {
      control.disconnect();
      await bus.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function secretCall(member: string, signature: string, body: unknown[]): Message {
  return new Message({
    destination: 'org.freedesktop.secrets',
    path: '/org/freedesktop/secrets',
    interface: 'org.freedesktop.Secret.Service',
    member,
    signature,
    body,
  });
}

async function waitForName(bus: MessageBus, name: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const reply = await bus.call(
      new Message({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'NameHasOwner',
        signature: 's',
        body: [name],
      }),
    );
    if (reply?.body[0] === true) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function connect(address: string): Promise<MessageBus> {
  const bus = sessionBus({ busAddress: address });
  await new Promise<void>((resolve, reject) => {
    bus.once('connect', () => resolve());
    (bus as NodeJS.EventEmitter).on('error', reject);
  });
  return bus;
}
