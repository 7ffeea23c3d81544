/**
 * The few calls of the freedesktop Secret Service API (org.freedesktop.secrets: GNOME Keyring,
 * KWallet, KeePassXC) Borgdesk needs, over one D-Bus connection with an encrypted session. Uses the
 * library's low-level Message API, as networkmanager-metered.ts does. Every call is bounded by a
 * timeout and by the connection's life, so a keyring that never answers cannot hang a request.
 * Nothing here ever runs a Prompt: in the headless host nobody could answer it, so a call that would
 * need one fails with a plain reason instead (the prompt is dismissed).
 */
import type { EventEmitter } from 'node:events';
import { DBusError, Message, sessionBus, Variant, type MessageBus } from '@jellybrick/dbus-next';
import { DH_ALGORITHM, seal, startKeyExchange, unseal } from './secret-session-crypto.js';

const SERVICE = 'org.freedesktop.secrets';
const SERVICE_PATH = '/org/freedesktop/secrets';
const SECRET = 'org.freedesktop.Secret';
const PROPERTIES = 'org.freedesktop.DBus.Properties';
const NO_OBJECT = '/';

/** A failure with a sentence fit for Settings ("the keyring is locked…"). */
export class SecretServiceError extends Error {
  override readonly name = 'SecretServiceError';
}

/** An open connection to the Secret Service with an encrypted session. */
export class SecretServiceClient {
  private constructor(
    private readonly bus: MessageBus,
    private readonly closed: AbortSignal,
    private readonly closeBus: (reason: unknown) => void,
    private readonly session: string,
    private readonly key: Buffer,
    private readonly timeoutMs: number,
  ) {}

  /** Connects to `address` and opens an encrypted session; rejects with a plain reason. */
  static async connect(address: string, timeoutMs: number): Promise<SecretServiceClient> {
    // `unixexec:` would start a process; Borgdesk starts processes only through borg/exec.ts.
    if (!address.split(';').every((entry) => /^(unix|tcp):/i.test(entry))) {
      throw new SecretServiceError(`the session bus address "${address}" is not supported`);
    }
    const bus = sessionBus({ busAddress: address });
    const aborter = new AbortController();
    const close = (reason: unknown): void => {
      if (aborter.signal.aborted) return;
      aborter.abort(reason);
      bus.disconnect();
    };
    // Without an 'error' listener the library's error event would crash the process.
    (bus as EventEmitter).on('error', (error: unknown) => close(error));
    try {
      await within(
        new Promise<void>((resolve) => bus.once('connect', () => resolve())),
        aborter.signal,
        timeoutMs,
        'the session bus',
      );
      const exchange = startKeyExchange();
      const reply = await within(
        bus.call(serviceCall('OpenSession', 'sv', [DH_ALGORITHM, new Variant('ay', exchange.publicKey)])),
        aborter.signal,
        timeoutMs,
        'the keyring',
      );
      const [output, session] = reply?.body ?? [];
      const peer: unknown = output instanceof Variant ? output.value : undefined;
      if (!Buffer.isBuffer(peer) || typeof session !== 'string') {
        throw new SecretServiceError('the keyring did not open an encrypted session');
      }
      return new SecretServiceClient(
        bus,
        aborter.signal,
        close,
        session,
        exchange.sessionKey(peer),
        timeoutMs,
      );
    } catch (error) {
      close(error);
      throw explain(error);
    }
  }

  /** True once the connection is closed or broken (a new client is needed). */
  get isClosed(): boolean {
    return this.closed.aborted;
  }

  /** The default collection (the login keyring), unlocked without a prompt; rejects when it cannot be. */
  async unlockedDefaultCollection(): Promise<string> {
    const [collection] = await this.call(serviceCall('ReadAlias', 's', ['default']));
    if (typeof collection !== 'string' || collection === NO_OBJECT) {
      throw new SecretServiceError('the keyring has no default collection');
    }
    const [locked] = await this.call(propertyGet(collection, `${SECRET}.Collection`, 'Locked'));
    if (locked instanceof Variant && locked.value === false) return collection;
    const [, prompt] = await this.call(serviceCall('Unlock', 'ao', [[collection]]));
    if (prompt !== NO_OBJECT) {
      await this.dismiss(prompt);
      throw new SecretServiceError(
        'the keyring is locked, and unlocking it needs a password prompt that Borgdesk cannot show here. Unlock the keyring (log in to the desktop session), then restart Borgdesk',
      );
    }
    return collection;
  }

  /** The items of `collection` with exactly these attributes. */
  async search(collection: string, attributes: Record<string, string>): Promise<string[]> {
    const [items] = await this.call(
      new Message({
        destination: SERVICE,
        path: collection,
        interface: `${SECRET}.Collection`,
        member: 'SearchItems',
        signature: 'a{ss}',
        body: [attributes],
      }),
    );
    return Array.isArray(items) ? items.filter((item): item is string => typeof item === 'string') : [];
  }

  /** The secret of `item`, decrypted. */
  async secret(item: string): Promise<string> {
    const [secret] = await this.call(
      new Message({
        destination: SERVICE,
        path: item,
        interface: `${SECRET}.Item`,
        member: 'GetSecret',
        signature: 'o',
        body: [this.session],
      }),
    );
    if (!Array.isArray(secret)) throw new SecretServiceError('the keyring sent no secret');
    const [, parameters, value] = secret as unknown[];
    if (!Buffer.isBuffer(parameters) || !Buffer.isBuffer(value)) {
      throw new SecretServiceError('the keyring sent a secret Borgdesk cannot read');
    }
    return unseal(this.key, { parameters, value });
  }

  /** Create (or, with the same attributes, replace) an item holding `secret`. */
  async store(
    collection: string,
    label: string,
    attributes: Record<string, string>,
    secret: string,
  ): Promise<void> {
    const sealed = seal(this.key, secret);
    const [, prompt] = await this.call(
      new Message({
        destination: SERVICE,
        path: collection,
        interface: `${SECRET}.Collection`,
        member: 'CreateItem',
        signature: 'a{sv}(oayays)b',
        body: [
          {
            [`${SECRET}.Item.Label`]: new Variant('s', label),
            [`${SECRET}.Item.Attributes`]: new Variant('a{ss}', attributes),
          },
          [this.session, sealed.parameters, sealed.value, sealed.contentType],
          true,
        ],
      }),
    );
    if (prompt !== NO_OBJECT) {
      await this.dismiss(prompt);
      throw new SecretServiceError('the keyring asked for confirmation that Borgdesk cannot show here');
    }
  }

  /** Delete `item`. */
  async delete(item: string): Promise<void> {
    const [prompt] = await this.call(
      new Message({ destination: SERVICE, path: item, interface: `${SECRET}.Item`, member: 'Delete' }),
    );
    if (prompt !== NO_OBJECT) {
      await this.dismiss(prompt);
      throw new SecretServiceError('the keyring asked for confirmation that Borgdesk cannot show here');
    }
  }

  /** Close the session and the connection. */
  async close(): Promise<void> {
    if (this.closed.aborted) return;
    const end = new Message({
      destination: SERVICE,
      path: this.session,
      interface: `${SECRET}.Session`,
      member: 'Close',
    });
    await this.call(end).catch(() => undefined);
    this.closeBus(new Error('closed'));
  }

  private async dismiss(prompt: unknown): Promise<void> {
    if (typeof prompt !== 'string' || prompt === NO_OBJECT) return;
    const message = new Message({
      destination: SERVICE,
      path: prompt,
      interface: `${SECRET}.Prompt`,
      member: 'Dismiss',
    });
    await this.call(message).catch(() => undefined);
  }

  private async call(message: Message): Promise<unknown[]> {
    try {
      const reply = await within(this.bus.call(message), this.closed, this.timeoutMs, 'the keyring');
      return reply?.body ?? [];
    } catch (error) {
      // A timeout may leave the connection in an unknown state: a later call starts afresh.
      if (!(error instanceof DBusError)) this.closeBus(error);
      throw explain(error);
    }
  }
}

function serviceCall(member: string, signature: string, body: unknown[]): Message {
  return new Message({
    destination: SERVICE,
    path: SERVICE_PATH,
    interface: `${SECRET}.Service`,
    member,
    signature,
    body,
  });
}

function propertyGet(path: string, iface: string, property: string): Message {
  return new Message({
    destination: SERVICE,
    path,
    interface: PROPERTIES,
    member: 'Get',
    signature: 'ss',
    body: [iface, property],
  });
}

/** A plain reason for the usual failures: nothing on the bus, no keyring, no answer. */
function explain(error: unknown): SecretServiceError {
  if (error instanceof SecretServiceError) return error;
  if (error instanceof DBusError) {
    if (
      error.type === 'org.freedesktop.DBus.Error.ServiceUnknown' ||
      error.type.endsWith('.NameHasNoOwner')
    ) {
      return new SecretServiceError('no keyring found on the session bus');
    }
    if (error.type === 'org.freedesktop.DBus.Error.NotSupported') {
      return new SecretServiceError('the keyring offers no encrypted session');
    }
    return new SecretServiceError(
      `the keyring refused: ${error.type}${error.text ? ` (${error.text})` : ''}`,
    );
  }
  if (error instanceof TimeoutError) return new SecretServiceError(error.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ECONNREFUSED')
    return new SecretServiceError('no session bus is running');
  return new SecretServiceError(
    `the session bus failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

class TimeoutError extends Error {}

// The library never fails a call whose connection went away (it queues the message), so every
// wait is bounded by the connection's lifetime and a timeout.
function within<T>(work: Promise<T>, closed: AbortSignal, timeoutMs: number, who: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (closed.aborted) {
      reject(closed.reason);
      return;
    }
    const timer = setTimeout(
      () => reject(new TimeoutError(`${who} did not answer within ${Math.round(timeoutMs / 100) / 10} s`)),
      timeoutMs,
    );
    const onClose = (): void => reject(closed.reason);
    closed.addEventListener('abort', onClose, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      closed.removeEventListener('abort', onClose);
    });
  });
}
