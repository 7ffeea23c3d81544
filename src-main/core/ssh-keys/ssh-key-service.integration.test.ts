/**
 * The SSH keys requests with the real core and the real ssh-keygen: Borgdesk's own key (made once,
 * private folder and file), the keys of ~/.ssh with their fingerprints, passphrase keys named as
 * unusable, the restricted line for a repository, and a repository's key kept in the registry.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../borg/run-tool.js';
import { requests } from '../../ipc/contract.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

let dir: string;
let configDir: string;
let homeDir: string;
let core: Core;
const REMOTE_ID = 'remote-repo';
const LOCAL_ID = 'local-repo';

async function keygen(...args: string[]): Promise<string> {
  const run = await runTool('ssh-keygen', args, { env: process.env, timeoutMs: 20_000, name: 'ssh-keygen' });
  expect(run.exitCode, run.stderr).toBe(0);
  return run.stdout;
}

function newKey(file: string, passphrase: string, comment: string): Promise<string> {
  return keygen('-t', 'ed25519', '-N', passphrase, '-C', comment, '-f', file, '-q');
}

function startCore(): Promise<Core> {
  return startTestCore({ configDir, homeDir });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-sshkeys-'));
  configDir = path.join(dir, 'config');
  homeDir = path.join(dir, 'home');
  await fs.mkdir(path.join(homeDir, '.ssh'), { recursive: true, mode: 0o700 });
  await fs.mkdir(configDir, { recursive: true });
  await newKey(path.join(homeDir, '.ssh', 'id_ed25519'), '', 'me@laptop');
  await newKey(path.join(homeDir, '.ssh', 'id_locked'), 'a passphrase', 'locked@laptop');
  await fs.writeFile(path.join(homeDir, '.ssh', 'id_lonely'), 'a private key without .pub\n', {
    mode: 0o600,
  });
  await fs.writeFile(path.join(homeDir, '.ssh', 'known_hosts'), '');
  // Repositories as a user would have added them (an ssh one cannot be added here without a server).
  const repositories = [
    { id: REMOTE_ID, name: 'NAS', location: 'ssh://backup@nas/~/borg/laptop repo', needsPassphrase: false },
    { id: LOCAL_ID, name: 'USB', location: path.join(dir, 'usb'), needsPassphrase: false },
  ];
  await fs.writeFile(path.join(configDir, 'repositories.json'), JSON.stringify({ version: 1, repositories }));
  core = await startCore();
});

afterAll(async () => {
  await core?.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('ssh-keys', () => {
  it('lists the usable and the passphrase key pairs of ~/.ssh, and no Borgdesk key yet', async () => {
    const list = await core.handlers['ssh-keys:list']({});
    expect(list.borgdeskKeyFile).toBe(path.join(configDir, 'ssh', 'borgdesk_ed25519'));
    expect(list.keys.map((k) => path.basename(k.file))).toEqual(['id_ed25519', 'id_locked']);
    const [plain, locked] = list.keys;
    const fingerprint = await keygen('-lf', path.join(homeDir, '.ssh', 'id_ed25519'));
    expect(plain).toMatchObject({
      origin: 'ssh-folder',
      type: 'ED25519',
      bits: 256,
      comment: 'me@laptop',
      usable: 'ok',
    });
    expect(fingerprint).toContain(plain?.fingerprint);
    expect(plain?.problem).toBeUndefined();
    expect(locked).toMatchObject({
      usable: 'passphrase',
      problem: { message: expect.stringContaining('passphrase') },
    });
    // Only public halves cross the boundary.
    expect(JSON.stringify(list)).not.toContain('PRIVATE KEY');
  });

  it('generates Borgdesk’s key once, in a private folder, and refuses to overwrite it', async () => {
    const key = await core.handlers['ssh-keys:generate']({});
    const folder = path.join(configDir, 'ssh');
    expect(key).toMatchObject({
      origin: 'borgdesk',
      type: 'ED25519',
      usable: 'ok',
      file: path.join(folder, 'borgdesk_ed25519'),
    });
    expect(key.comment).toBe(`borgdesk@${os.hostname().replace(/[^A-Za-z0-9._-]/g, '')}`);
    expect((await fs.stat(folder)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(key.file)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(`${key.file}.pub`, 'utf8')).toBe(`${key.publicKey}\n`);
    const before = await fs.readFile(key.file, 'utf8');
    await expect(core.handlers['ssh-keys:generate']({})).rejects.toMatchObject({ code: 'AlreadyExists' });
    expect(await fs.readFile(key.file, 'utf8')).toBe(before);
    const list = await core.handlers['ssh-keys:list']({});
    expect(list.keys[0]).toMatchObject({ origin: 'borgdesk', fingerprint: key.fingerprint });
  });

  it('builds the restricted line for a stored repository and for a location being added', async () => {
    const keyFile = path.join(homeDir, '.ssh', 'id_ed25519');
    const pub = (await fs.readFile(`${keyFile}.pub`, 'utf8')).trim();
    const params = requests['ssh-keys:authorized-line'].params.parse({ keyFile, repoId: REMOTE_ID });
    const entry = await core.handlers['ssh-keys:authorized-line'](params);
    expect(entry).toEqual({
      publicKey: pub,
      restrictPath: `~/'borg/laptop repo'`,
      line: `command="borg serve --restrict-to-path ~/'borg/laptop repo'",restrict ${pub}`,
    });
    const adding = await core.handlers['ssh-keys:authorized-line']({
      keyFile,
      location: 'ssh://backup@host:23/./backups/new',
      appendOnly: true,
    });
    expect(adding.line).toBe(
      `command="borg serve --append-only --restrict-to-path ~/backups/new",restrict ${pub}`,
    );
    await expect(
      core.handlers['ssh-keys:authorized-line']({ keyFile, repoId: LOCAL_ID, appendOnly: false }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('needs no SSH key') });
    await expect(
      core.handlers['ssh-keys:authorized-line']({
        keyFile: path.join(homeDir, '.ssh', 'id_lonely'),
        repoId: REMOTE_ID,
        appendOnly: false,
      }),
    ).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('keeps the key an ssh repository logs in with, across a restart, and clears it', async () => {
    const keyFile = path.join(configDir, 'ssh', 'borgdesk_ed25519');
    const set = await core.handlers['ssh-keys:set-repository-key']({ repoId: REMOTE_ID, keyFile });
    expect(set.sshKey).toBe(keyFile);
    await core.dispose();
    core = await startCore();
    expect((await core.handlers['repos:list']({})).find((r) => r.id === REMOTE_ID)?.sshKey).toBe(keyFile);
    const stored = JSON.parse(await fs.readFile(path.join(configDir, 'repositories.json'), 'utf8'));
    expect(stored.repositories[0].sshKey).toBe(keyFile);
    const cleared = await core.handlers['ssh-keys:set-repository-key']({ repoId: REMOTE_ID, keyFile: null });
    expect(cleared.sshKey).toBeUndefined();
  });

  it('refuses a passphrase key, a relative path and a local repository, changing nothing', async () => {
    const locked = path.join(homeDir, '.ssh', 'id_locked');
    await expect(
      core.handlers['ssh-keys:set-repository-key']({ repoId: REMOTE_ID, keyFile: locked }),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('protected by a passphrase'),
    });
    await expect(
      core.handlers['ssh-keys:set-repository-key']({ repoId: REMOTE_ID, keyFile: '.ssh/id_ed25519' }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    await expect(
      core.handlers['ssh-keys:set-repository-key']({
        repoId: LOCAL_ID,
        keyFile: path.join(homeDir, '.ssh', 'id_ed25519'),
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('needs no SSH key') });
    expect((await core.handlers['repos:list']({})).every((r) => r.sshKey === undefined)).toBe(true);
  });

  it('refuses to create or add a repository with a key borg could not use, before borg runs', async () => {
    const locked = path.join(homeDir, '.ssh', 'id_locked');
    const location = path.join(dir, 'never-created');
    await expect(
      core.handlers['repos:create']({ name: 'New', location, encryption: 'none', sshKey: locked }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('passphrase') });
    await expect(
      core.handlers['repos:add-existing']({ name: 'Old', location, sshKey: path.join(dir, 'absent') }),
    ).rejects.toMatchObject({ code: 'NotFound' });
    await expect(fs.stat(location)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
