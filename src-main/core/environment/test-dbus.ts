/**
 * Test-only: a private D-Bus daemon in a temporary folder, and a stand-in NetworkManager on it that
 * answers `Get(Metered)` and announces changes exactly as the real one does on the system bus.
 *
 * The stand-in uses the library's low-level service API (a method handler and raw signals): its
 * declarative `Interface` loses members declared with `configureMembers` (the base constructor
 * shadows them), and decorators would need a transform the test runner may not apply.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Message,
  MessageType,
  RequestNameReply,
  sessionBus,
  Variant,
  type MessageBus,
} from '@jellybrick/dbus-next';
import { runHookCommand } from '../../borg/hook-command.js';

const NM_NAME = 'org.freedesktop.NetworkManager';
const NM_PATH = '/org/freedesktop/NetworkManager';
const PROPERTIES_INTERFACE = 'org.freedesktop.DBus.Properties';

/** A running private bus. */
export interface PrivateBus {
  readonly address: string;
  /** Unique names of the connections on the bus now (each open client has one). */
  connectionNames(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Starts `dbus-daemon` on a socket in a temporary folder; resolves to the reason when it cannot.
 * The daemon forks and reports its address and pid, so no child process needs to be held here.
 */
export async function startPrivateBus(): Promise<PrivateBus | string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-dbus-'));
  // A session bus without the machine's service files: nothing is started on demand (D-Bus
  // activation would start the machine's own gnome-keyring, on the user's real home folder).
  await writeFile(path.join(dir, 'bus.conf'), busConfig(`unix:path=${dir}/bus`));
  const output: string[] = [];
  const outcome = await runHookCommand(
    `dbus-daemon --config-file='${dir}/bus.conf' --fork --nopidfile --print-address=1 --print-pid=1`,
    { timeoutMs: 10_000, onLine: (line) => output.push(line) },
  );
  const address = output.find((line) => line.startsWith('unix:'));
  const pid = Number(output.find((line) => /^\d+$/.test(line)));
  if (outcome.exitCode !== 0 || address === undefined || !Number.isInteger(pid)) {
    await rm(dir, { recursive: true, force: true });
    return `dbus-daemon could not be started (exit code ${String(outcome.exitCode)}): ${output.join(' ') || 'no output'}`;
  }
  const observer = await connect(address);
  return {
    address,
    async connectionNames() {
      const reply = await observer.call(
        new Message({
          destination: 'org.freedesktop.DBus',
          path: '/org/freedesktop/DBus',
          interface: 'org.freedesktop.DBus',
          member: 'ListNames',
        }),
      );
      const names: unknown = reply?.body[0];
      if (!Array.isArray(names)) throw new Error('ListNames gave no list');
      return names.filter((name): name is string => typeof name === 'string' && name.startsWith(':'));
    },
    async stop() {
      observer.disconnect();
      process.kill(pid, 'SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A stand-in for NetworkManager's main object, holding a `Metered` value (NMMetered). */
export class StandInNetworkManager {
  private constructor(
    private readonly bus: MessageBus,
    private metered: number,
  ) {}

  /** Connects to the bus, serves `Metered` and takes NetworkManager's well-known name. */
  static async start(address: string, metered: number): Promise<StandInNetworkManager> {
    const bus = await connect(address);
    const standIn = new StandInNetworkManager(bus, metered);
    bus.addMethodHandler((message) => standIn.answer(message));
    const reply = await bus.requestName(NM_NAME, 0);
    if (reply !== RequestNameReply.PRIMARY_OWNER) throw new Error(`could not own ${NM_NAME} (${reply})`);
    return standIn;
  }

  /** Changes the value and announces it with PropertiesChanged, as NetworkManager does. */
  setMetered(value: number): void {
    this.metered = value;
    this.bus.send(
      Message.newSignal(NM_PATH, PROPERTIES_INTERFACE, 'PropertiesChanged', 'sa{sv}as', [
        NM_NAME,
        { Metered: new Variant('u', value) },
        [],
      ]),
    );
  }

  /** Gives up the name (NetworkManager stopping) and leaves the bus. */
  async stop(): Promise<void> {
    await this.bus.releaseName(NM_NAME);
    this.bus.disconnect();
  }

  private answer(message: Message): boolean {
    const [iface, property] = message.body;
    if (
      message.type !== MessageType.METHOD_CALL ||
      message.path !== NM_PATH ||
      message.interface !== PROPERTIES_INTERFACE ||
      message.member !== 'Get'
    ) {
      return false;
    }
    this.bus.send(
      iface === NM_NAME && property === 'Metered'
        ? Message.newMethodReturn(message, 'v', [new Variant('u', this.metered)])
        : Message.newError(message, 'org.freedesktop.DBus.Error.InvalidArgs', 'No such property'),
    );
    return true;
  }
}

function busConfig(address: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>${address}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/** A plain client connection to a test bus. */
export async function connect(address: string): Promise<MessageBus> {
  const bus = sessionBus({ busAddress: address });
  await new Promise<void>((resolve, reject) => {
    bus.once('connect', () => resolve());
    // Kept for good: an 'error' event without a listener would crash the test run.
    (bus as NodeJS.EventEmitter).on('error', reject);
  });
  return bus;
}
