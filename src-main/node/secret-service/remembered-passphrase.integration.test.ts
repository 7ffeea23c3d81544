/**
 * The core with the Secret Service store, real borg and a real GNOME Keyring on a private bus: a
 * passphrase remembered at create survives a restart of the core (new connection, same keyring),
 * a passphrase changed outside Borgdesk locks the repository again, and Forget / Remove take the
 * keyring item with them. Borg runs through a wrapper that records its argv and environment, so
 * the passphrase is shown to reach borg by pipe only.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHookCommand } from '../../borg/hook-command.js';
import type { Core } from '../../core/services.js';
import { EventRecorder } from '../../core/test-support/event-recorder.js';
import { startTestCore } from '../../core/test-support/test-core.js';
import { createSecretServiceStore } from './secret-service-store.js';
import { keyringUnavailable, startTestKeyring, type TestKeyring } from './test-keyring.js';

const PASSPHRASE = 'remembered 9c1e horse';
const CHANGED = 'changed-elsewhere 4d2b';

const missing = await keyringUnavailable();
const started = missing ?? (await startTestKeyring());
const keyring = typeof started === 'string' ? undefined : started;
if (typeof started === 'string') console.warn(`Skipping the remembered-passphrase tests: ${started}`);

let root: string;
const cores: Core[] = [];
const savedBase = process.env['BORG_BASE_DIR'];
const configDir = (): string => path.join(root, 'config');
const repoPath = (): string => path.join(root, 'repo');
const argvLog = (): string => path.join(root, 'borg-calls.log');

async function startCore(k: TestKeyring): Promise<Core> {
  const secrets = createSecretServiceStore({ address: k.address });
  const core = await startTestCore({
    configDir: configDir(),
    homeDir: path.join(root, 'home'),
    services: { secrets },
  });
  cores.push(core);
  await core.handlers['settings:update']({ borgPath: path.join(root, 'borg-wrapper') });
  return core;
}

async function lookup(k: TestKeyring, repoId: string): Promise<string | undefined> {
  const result = await k.secretTool(['lookup', 'application', 'borgdesk', 'repository', repoId]);
  return result.exitCode === 0 ? result.lines.join('\n') : undefined;
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-remember-'));
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(root, 'home'), { recursive: true });
  // Records every borg call's arguments and environment, then runs the real borg.
  await fs.writeFile(
    path.join(root, 'borg-wrapper'),
    `#!/bin/sh\n{ printf '%s\\n' "$@"; env; } >> '${argvLog()}'\nexec /usr/bin/borg "$@"\n`,
    { mode: 0o755 },
  );
});

afterAll(async () => {
  await Promise.all(cores.map((c) => c.dispose()));
  await keyring?.stop();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe.skipIf(keyring === undefined)('remembered passphrases with a real keyring and real borg', () => {
  const k = keyring as TestKeyring;
  let repoId = '';

  it('remembers the passphrase at create, by default, in the keyring', async () => {
    const core = await startCore(k);
    const status = await core.handlers['app:status']({});
    expect(status.secretStorage).toMatchObject({ kind: 'secret-service', persistent: true });
    const created = await core.handlers['repos:create']({
      name: 'Remembered',
      location: repoPath(),
      encryption: 'repokey-blake2',
      passphrase: PASSPHRASE,
    });
    repoId = created.id;
    expect(created).toMatchObject({ unlocked: true, passphraseStored: true });
    expect(await lookup(k, repoId)).toBe(PASSPHRASE);
  });

  it('is unlocked after a restart of the core, and borg opens the repository', async () => {
    await cores[0]?.dispose();
    const core = await startCore(k);
    expect(await core.handlers['repos:list']({})).toMatchObject([
      { id: repoId, unlocked: true, passphraseStored: true },
    ]);
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives).toEqual([]);
  });

  it('locks again when the passphrase was changed outside Borgdesk, and drops the stale copy', async () => {
    const core = cores.at(-1) as Core;
    const events = new EventRecorder(core);
    const changed = await runHookCommand(
      `BORG_PASSPHRASE='${PASSPHRASE}' BORG_NEW_PASSPHRASE='${CHANGED}' /usr/bin/borg key change-passphrase '${repoPath()}'`,
      { timeoutMs: 60_000, onLine: () => undefined },
    );
    expect(changed.exitCode).toBe(0);
    await expect(core.handlers['repos:details']({ repoId })).rejects.toMatchObject({
      code: 'PassphraseWrong',
    });
    const relocked = await events.waitFor('repos:changed', (list) =>
      list.some((r) => r.id === repoId && !r.unlocked),
    );
    expect(relocked.find((r) => r.id === repoId)).toMatchObject({ unlocked: false, passphraseStored: false });
    expect(await lookup(k, repoId)).toBeUndefined();
    // A run now names the lock plainly instead of trying the old passphrase again.
    await expect(core.handlers['repos:details']({ repoId })).rejects.toMatchObject({
      code: 'PassphraseRequired',
      message: expect.stringMatching(/locked/),
    });
    events.stop();
  });

  it('unlocks without remembering when asked, remembers when asked, and forgets', async () => {
    const core = cores.at(-1) as Core;
    expect(
      await core.handlers['repos:unlock']({ repoId, passphrase: CHANGED, remember: false }),
    ).toMatchObject({
      unlocked: true,
      passphraseStored: false,
    });
    expect(await lookup(k, repoId)).toBeUndefined();
    expect(
      await core.handlers['repos:unlock']({ repoId, passphrase: CHANGED, remember: true }),
    ).toMatchObject({
      passphraseStored: true,
    });
    expect(await lookup(k, repoId)).toBe(CHANGED);
    expect(await core.handlers['repos:forget-passphrase']({ repoId })).toMatchObject({
      unlocked: false,
      passphraseStored: false,
    });
    expect(await lookup(k, repoId)).toBeUndefined();
  });

  it('takes the keyring item along when the repository is removed', async () => {
    const core = cores.at(-1) as Core;
    await core.handlers['repos:unlock']({ repoId, passphrase: CHANGED });
    expect(await lookup(k, repoId)).toBe(CHANGED);
    await core.handlers['repos:remove']({ repoId });
    expect(await lookup(k, repoId)).toBeUndefined();
  });

  it('never put a passphrase in borg’s argv or environment, or in the config folder', async () => {
    const calls = await fs.readFile(argvLog(), 'utf8');
    // The wrapper saw real calls: the passphrase went by pipe (BORG_PASSPHRASE_FD).
    expect(calls).toContain('BORG_PASSPHRASE_FD=');
    expect(calls).not.toContain(PASSPHRASE);
    expect(calls).not.toContain(CHANGED);
    for (const name of await fs.readdir(configDir(), { recursive: true })) {
      const file = path.join(configDir(), name);
      if (!(await fs.stat(file)).isFile()) continue;
      const text = await fs.readFile(file, 'utf8');
      expect(text).not.toContain(PASSPHRASE);
      expect(text).not.toContain(CHANGED);
    }
  });
});
