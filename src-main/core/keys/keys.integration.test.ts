/**
 * The keys domain through createCore with the real /usr/bin/borg: change passphrase (the held copy
 * follows only a successful change), export with the recorded time, the recovery kit's content, the
 * self-test (passes; fails on a wrong passphrase and on another repository's key) and importing a
 * keyfile key on a "new computer", before and after the repository is added.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShellProgram } from '../../borg/test-programs.js';
import { createSandbox, TEST_BORG, type BorgSandbox } from '../../borg/test-sandbox.js';
import type { Core, SecretStore } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

const OLD = 'kit passphrase one 31';
const NEW = 'kit passphrase two 47';
const NAME = 'Home <b>&</b> "docs"';

let box: BorgSandbox;
let core: Core;
let repokeyId = '';
let keyfileId = '';

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return (error as { code?: unknown } | undefined)?.code ?? error;
}

const selfTestFolders = async (): Promise<string[]> =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('borgdesk-selftest-'));

const keysDir = (): string => path.join(process.env.BORG_BASE_DIR ?? '', '.config', 'borg', 'keys');

beforeAll(async () => {
  box = await createSandbox();
  core = await startTestCore({ configDir: box.path('config'), homeDir: box.path('home') });
  const h = core.handlers;
  // Every borg the core starts records its argv and environment, then runs the real borg.
  const spy = await writeShellProgram(
    box.path('borg-spy'),
    `{ echo "ARGV $*"; env; } >> '${box.path('spy.log')}'\nexec ${TEST_BORG} "$@"`,
  );
  await h['settings:update']({ borgPath: spy });
  repokeyId = (
    await h['repos:create']({ name: NAME, location: box.path('rk'), encryption: 'repokey', passphrase: OLD })
  ).id;
  keyfileId = (
    await h['repos:create']({
      name: 'Laptop',
      location: box.path('kf'),
      encryption: 'keyfile',
      passphrase: OLD,
    })
  ).id;
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  await box?.cleanup();
});

describe('change passphrase', () => {
  it('keeps the held passphrase when borg refuses, replaces it after borg succeeded', async () => {
    const h = core.handlers;
    const refused = h['keys:change-passphrase']({
      repoId: repokeyId,
      currentPassphrase: 'wrong one',
      newPassphrase: NEW,
    });
    expect(await codeOf(refused)).toBe('PassphraseWrong');
    // The held (old) passphrase still opens it.
    expect((await h['repos:details']({ repoId: repokeyId })).archives).toEqual([]);
    const summary = await h['keys:change-passphrase']({ repoId: repokeyId, newPassphrase: NEW });
    expect(summary.unlocked).toBe(true);
    // Borg now takes only the new one, and the held copy is the new one.
    expect(await codeOf(h['repos:unlock']({ repoId: repokeyId, passphrase: OLD }))).toBe('PassphraseWrong');
    expect((await h['repos:details']({ repoId: repokeyId })).archives).toEqual([]);
    await h['keys:change-passphrase']({ repoId: keyfileId, currentPassphrase: OLD, newPassphrase: NEW });
    expect((await h['repos:unlock']({ repoId: keyfileId, passphrase: NEW })).unlocked).toBe(true);
  }, 60_000);
});

describe('export and recovery kit', () => {
  it('exports the key and records when', async () => {
    const before = (await core.handlers['repos:list']({})).find((r) => r.id === keyfileId);
    expect(before?.keyExportedAt).toBeUndefined();
    const exported = await core.handlers['keys:export']({ repoId: keyfileId, format: 'paper' });
    expect(exported.content).toContain('BORG PAPER KEY v1');
    expect(exported.fileName).toBe('Laptop-paper-key.txt');
    const after = (await core.handlers['repos:list']({})).find((r) => r.id === keyfileId);
    expect(after?.keyExportedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('builds a kit page with the facts, the paper key and the commands, all escaped', async () => {
    const file = await core.handlers['keys:export']({ repoId: repokeyId, format: 'file' });
    const repositoryId = /^BORG_KEY ([0-9a-f]{64})/.exec(file.content)?.[1] ?? 'missing';
    const { html, fileName } = await core.handlers['keys:recovery-kit']({ repoId: repokeyId });
    expect(fileName).toBe('Home-b-b-docs-recovery-kit.html');
    expect(html).toContain('Home &lt;b&gt;&amp;&lt;/b&gt; &quot;docs&quot;');
    expect(html).not.toContain('<b>&</b>');
    expect(html).toContain(repositoryId);
    expect(html).toContain('<td>repokey</td>');
    expect(html).toContain('BORG PAPER KEY v1');
    expect(html).toContain(`borg list ${box.path('rk')}`);
    expect(html).toContain(`borg extract ${box.path('rk')}::ARCHIVE path/inside/archive`);
    expect(html).toContain('<td>1.2.4</td>');
    const kf = await core.handlers['keys:recovery-kit']({ repoId: keyfileId });
    expect(kf.html).toContain(`borg key import --paper ${box.path('kf')}`);
    expect(kf.html).toContain('keeps its key only on the computer');
  });
});

describe('self-test', () => {
  it.each([
    ['repokey', () => repokeyId],
    ['keyfile', () => keyfileId],
  ])(
    'passes on a %s repository and says what it proved',
    async (_mode, id) => {
      const result = await core.handlers['keys:self-test']({ repoId: id(), passphrase: NEW });
      expect(result.proven).toHaveLength(3);
      expect(result.proven[1]).toBe('The passphrase decrypts the key.');
      expect(result.archiveCount).toBe(0);
    },
    60_000,
  );

  it('passes on a saved paper key and fails on a wrong passphrase or another repository key', async () => {
    const h = core.handlers;
    const leftBefore = await selfTestFolders();
    const paper = await h['keys:export']({ repoId: keyfileId, format: 'paper' });
    const passed = await h['keys:self-test']({ repoId: keyfileId, keyText: paper.content });
    expect(passed.proven[2]).toContain('In an empty key folder');
    expect(await codeOf(h['keys:self-test']({ repoId: keyfileId, passphrase: OLD }))).toBe('PassphraseWrong');
    const foreign = await h['keys:export']({ repoId: repokeyId, format: 'file' });
    expect(await codeOf(h['keys:self-test']({ repoId: keyfileId, keyText: foreign.content }))).toBe(
      'KeyInvalid',
    );
    // The throw-away folders are gone again.
    expect(await selfTestFolders()).toEqual(leftBefore);
  }, 60_000);
});

describe('import on a new computer', () => {
  it('imports a keyfile key for a stored repository whose key file is gone', async () => {
    const h = core.handlers;
    const saved = await h['keys:export']({ repoId: keyfileId, format: 'file' });
    for (const name of await readdir(keysDir())) await rm(path.join(keysDir(), name));
    expect(await codeOf(h['repos:details']({ repoId: keyfileId }))).toBe('KeyNotFound');
    await h['keys:import']({ repoId: keyfileId, source: { kind: 'file', text: saved.content } });
    expect((await h['repos:details']({ repoId: keyfileId })).archives).toEqual([]);
    // A repokey repository has nothing to import.
    const refused = h['keys:import']({ repoId: repokeyId, source: { kind: 'file', text: saved.content } });
    expect(await codeOf(refused)).toBe('InvalidInput');
  }, 60_000);

  it('adds an existing keyfile repository after importing its paper key by location', async () => {
    const paper = await core.handlers['keys:export']({ repoId: keyfileId, format: 'paper' });
    await box.useFreshBaseDir();
    const other = await startTestCore({ configDir: box.path('config-2'), homeDir: box.path('home') });
    try {
      const add = { name: 'Laptop again', location: box.path('kf'), passphrase: NEW };
      expect(await codeOf(other.handlers['repos:add-existing'](add))).toBe('KeyNotFound');
      await other.handlers['keys:import']({
        location: box.path('kf'),
        source: { kind: 'paper', text: paper.content },
      });
      expect((await other.handlers['repos:add-existing'](add)).encryption).toBe('keyfile');
    } finally {
      await other.dispose();
    }
  }, 60_000);
});

describe('leak check and a failing secret store', () => {
  it('gave borg no passphrase in argv or environment; the self-test used throw-away folders', async () => {
    const seen = await readFile(box.path('spy.log'), 'utf8');
    expect(seen).toContain('ARGV --log-json key change-passphrase');
    expect(seen).toContain('ARGV --log-json key import');
    expect(seen).toMatch(/BORG_KEYS_DIR=\S*borgdesk-selftest-\w+\/keys/);
    expect(seen).toMatch(/BORG_SECURITY_DIR=\S*borgdesk-selftest-\w+\/security/);
    for (const secret of [OLD, NEW, 'wrong one']) expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/BORG_(?:NEW_)?PASSPHRASE=/);
  });

  it('says the passphrase changed and forgets the stale copy when the new one cannot be held', async () => {
    // A lasting store whose writes can be made to fail, as a keyring that got locked would.
    const kept = new Map<string, string>();
    let refuse = false;
    const secrets: SecretStore = {
      describe: () => ({ kind: 'secret-service', persistent: true, label: 'a test keyring' }),
      get: (id) => Promise.resolve(kept.get(id)),
      delete: (id) => {
        kept.delete(id);
        return Promise.resolve();
      },
      set: (id, value) => {
        if (refuse) return Promise.reject(new Error('keyring locked'));
        kept.set(id, value);
        return Promise.resolve();
      },
    };
    const other = await startTestCore({
      configDir: box.path('config-3'),
      homeDir: box.path('home'),
      services: { secrets },
    });
    try {
      const h = other.handlers;
      const repo = await h['repos:create']({
        name: 'R',
        location: box.path('r3'),
        encryption: 'repokey',
        passphrase: OLD,
      });
      expect(kept.get(repo.id)).toBe(OLD);
      refuse = true;
      const error = await h['keys:change-passphrase']({ repoId: repo.id, newPassphrase: NEW }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        code: 'Internal',
        message: 'The passphrase was changed, but Borgdesk could not remember the new one.',
      });
      // The stale copy would fail at the next start: it is gone; the new one is held for this run.
      expect(kept.get(repo.id)).toBeUndefined();
      const [summary] = await h['repos:list']({});
      expect(summary).toMatchObject({ unlocked: true, passphraseStored: false });
      // Borg did change it: once the store works again, the new passphrase unlocks and is remembered.
      refuse = false;
      expect((await h['repos:unlock']({ repoId: repo.id, passphrase: NEW })).unlocked).toBe(true);
      expect(kept.get(repo.id)).toBe(NEW);
    } finally {
      await other.dispose();
    }
  }, 60_000);
});
