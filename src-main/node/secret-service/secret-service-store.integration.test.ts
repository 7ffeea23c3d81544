/**
 * The Secret Service store against a real GNOME Keyring on a private session bus: what it stores
 * is really in the keyring (read back by `secret-tool`, by a new store as after a host restart),
 * and the paths without a keyring, with a locked one and with one that never answers end in a
 * plain statement, never a hang.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MessageType, sessionBus, type MessageBus } from '@jellybrick/dbus-next';
import { startPrivateBus, type PrivateBus } from '../../core/environment/test-dbus.js';
import type { SecretStore } from '../../core/services.js';
import { chooseBrowserSecretStore, createSecretServiceStore } from './secret-service-store.js';
import { keyringUnavailable, startTestKeyring, type TestKeyring } from './test-keyring.js';

const missing = await keyringUnavailable();
const started = missing ?? (await startTestKeyring());
const keyring = typeof started === 'string' ? undefined : started;
if (typeof started === 'string') console.warn(`Skipping the Secret Service tests: ${started}`);

const stores: SecretStore[] = [];
const store = (address: string, timeoutMs?: number): SecretStore => {
  const s = createSecretServiceStore({ address, ...(timeoutMs !== undefined && { timeoutMs }) });
  stores.push(s);
  return s;
};

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close?.()));
});
afterAll(async () => {
  await keyring?.stop();
});

describe.skipIf(keyring === undefined)('Secret Service store on a real GNOME Keyring', () => {
  const k = keyring as TestKeyring;

  it('stores a passphrase that a new connection and secret-tool read back', async () => {
    await store(k.address).set('repo-1', 'correct horse ünïcode', 'Home');
    // A new store, a new connection and session: what a restarted host sees.
    expect(await store(k.address).get('repo-1')).toBe('correct horse ünïcode');
    const lookup = await k.secretTool(['lookup', 'application', 'borgdesk', 'repository', 'repo-1']);
    expect(lookup).toEqual({ exitCode: 0, lines: ['correct horse ünïcode'] });
    const search = await k.secretTool(['search', 'application', 'borgdesk', 'repository', 'repo-1']);
    expect(search.lines).toContain('label = Borgdesk: Home');
  });

  it('replaces an earlier passphrase instead of adding a second item', async () => {
    const first = store(k.address);
    await first.set('repo-2', 'old', 'Two');
    await first.set('repo-2', 'new', 'Two renamed');
    expect(await store(k.address).get('repo-2')).toBe('new');
    const search = await k.secretTool(['search', '--all', 'application', 'borgdesk', 'repository', 'repo-2']);
    expect(search.lines.filter((line) => line.startsWith('label = '))).toEqual([
      'label = Borgdesk: Two renamed',
    ]);
  });

  it('forgets: the item leaves the keyring, other repositories keep theirs', async () => {
    const s = store(k.address);
    await s.set('repo-3', 'three', 'Three');
    await s.set('repo-4', 'four', 'Four');
    await s.delete('repo-3');
    await s.delete('repo-never-stored');
    expect(await store(k.address).get('repo-3')).toBeUndefined();
    expect(await store(k.address).get('repo-4')).toBe('four');
    expect(
      (await k.secretTool(['lookup', 'application', 'borgdesk', 'repository', 'repo-3'])).exitCode,
    ).not.toBe(0);
  });

  it('is chosen at start when the session bus has the keyring, and says so', async () => {
    const chosen = await chooseBrowserSecretStore({ DBUS_SESSION_BUS_ADDRESS: k.address });
    stores.push(chosen);
    expect(chosen.describe()).toMatchObject({ kind: 'secret-service', persistent: true });
    expect(chosen.describe().problem).toBeUndefined();
  });

  it('reports a locked collection as a problem without prompting (this test locks it for good)', async () => {
    const s = store(k.address);
    await s.set('repo-5', 'five', 'Five');
    await k.lockDefaultCollection();
    await expect(s.get('repo-5')).rejects.toThrow(/locked/);
    expect(s.describe().problem).toMatch(/keyring is locked.*password prompt/);
    const chosen = await chooseBrowserSecretStore({ DBUS_SESSION_BUS_ADDRESS: k.address });
    stores.push(chosen);
    expect(chosen.describe()).toMatchObject({
      kind: 'secret-service',
      problem: expect.stringMatching(/locked/),
    });
  });
});

describe('Secret Service store without a keyring', () => {
  let bus: PrivateBus | undefined;
  let silent: MessageBus | undefined;
  afterAll(async () => {
    silent?.disconnect();
    await bus?.stop();
  });

  it('keeps passphrases in memory when no session bus is set', async () => {
    const chosen = await chooseBrowserSecretStore({});
    expect(chosen.describe()).toMatchObject({ kind: 'memory', persistent: false });
    expect(chosen.describe().label).toMatch(/memory only until Borgdesk stops: no keyring found/);
  });

  it('keeps passphrases in memory when the bus address leads nowhere', async () => {
    const chosen = await chooseBrowserSecretStore({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    expect(chosen.describe()).toMatchObject({ kind: 'memory', persistent: false });
    expect(chosen.describe().label).toMatch(/no session bus is running/);
  });

  it.skipIf(missing !== undefined)('keeps passphrases in memory on a bus without a keyring', async () => {
    const started = await startPrivateBus();
    if (typeof started === 'string') throw new Error(started);
    bus = started;
    const chosen = await chooseBrowserSecretStore({ DBUS_SESSION_BUS_ADDRESS: bus.address });
    expect(chosen.describe()).toEqual({
      kind: 'memory',
      persistent: false,
      label: 'Passphrases are kept in memory only until Borgdesk stops: no keyring found on the session bus.',
      words: { code: 'memory', why: 'no-keyring' },
    });
  });

  it.skipIf(missing !== undefined)(
    'gives up on a keyring that never answers, within its timeout',
    async () => {
      const address = bus?.address;
      if (address === undefined) throw new Error('needs the bus of the previous test');
      silent = await ownSecretsNameAndNeverAnswer(address);
      const startedAt = Date.now();
      const chosen = await chooseBrowserSecretStore({ DBUS_SESSION_BUS_ADDRESS: address }, 300);
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect(chosen.describe()).toMatchObject({ kind: 'memory' });
      expect(chosen.describe().label).toMatch(/the keyring did not answer within 0.3 s/);
      const direct = store(address, 300);
      await expect(direct.set('r', 'p', 'R')).rejects.toThrow(/did not answer/);
      expect(direct.describe().problem).toMatch(/did not answer/);
    },
  );
});

// A process that took the keyring's name but hangs: every call to it must time out.
async function ownSecretsNameAndNeverAnswer(address: string): Promise<MessageBus> {
  const bus = sessionBus({ busAddress: address });
  await new Promise<void>((resolve, reject) => {
    bus.once('connect', () => resolve());
    (bus as NodeJS.EventEmitter).on('error', reject);
  });
  bus.addMethodHandler((message) => message.type === MessageType.METHOD_CALL);
  await bus.requestName('org.freedesktop.secrets', 0);
  return bus;
}
