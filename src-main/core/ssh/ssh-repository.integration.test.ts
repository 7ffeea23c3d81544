/**
 * Borgdesk's own SSH key and its ssh connection handling together, through the core's handlers as
 * the UI calls them, against a real sshd (borg/test-sshd.ts) and the real borg: generate the key,
 * install the restricted authorized_keys line Borgdesk shows, accept the server's key, create an
 * ssh:// repository that logs in with the key, back up and list. There is no ssh-agent and no key
 * in ~/.ssh, and the server trusts only Borgdesk's key: it works only when `-i <key>` reaches ssh.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBorg } from '../../borg/exec.js';
import { writeShellProgram } from '../../borg/test-programs.js';
import { TEST_BORG } from '../../borg/test-sandbox.js';
import { sshdSkipReason, startTestSshd, type TestSshd } from '../../borg/test-sshd.js';
import type { SshKey } from '../../model/ssh-keys.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { plainBackup, startTestCore } from '../test-support/test-core.js';
import type { Core } from '../services.js';

const skip = sshdSkipReason();
if (skip !== undefined) console.warn(`Skipping the ssh repository tests: ${skip}`);

const PASSPHRASE = 'ssh repository passphrase 7';

describe.skipIf(skip !== undefined)('an ssh:// repository that logs in with Borgdesk’s own key', () => {
  const saved = { agent: process.env['SSH_AUTH_SOCK'], base: process.env['BORG_BASE_DIR'] };
  let root: string;
  let sshd: TestSshd;
  let core: Core;
  let recorder: EventRecorder;
  let key: SshKey;
  let repoId: string;
  const server = (...parts: string[]): string => path.join(root, 'server', ...parts);
  const authorizedKeys = (): string => path.join(sshd.dir, 'authorized_keys');
  const finished = (jobId: string) => recorder.waitFor('job:finished', (job) => job.id === jobId, 120_000);
  /** What the user pastes into the server's authorized_keys: the line Borgdesk shows, and only it. */
  const install = async (location: string, appendOnly = false): Promise<void> => {
    const entry = await core.handlers['ssh-keys:authorized-line']({
      keyFile: key.file,
      location,
      appendOnly,
    });
    await fs.writeFile(authorizedKeys(), `${entry.line}\n`);
  };

  beforeAll(async () => {
    delete process.env['SSH_AUTH_SOCK'];
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-ssh-repo-'));
    process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
    await fs.mkdir(path.join(root, 'home'), { recursive: true });
    await fs.mkdir(server(), { recursive: true });
    await fs.mkdir(path.join(root, 'src'));
    await fs.writeFile(path.join(root, 'src', 'note.txt'), 'over ssh with Borgdesk’s key\n');
    sshd = await startTestSshd();
    core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') });
    recorder = new EventRecorder(core);
  }, 30_000);

  afterAll(async () => {
    recorder?.stop();
    await core?.dispose();
    await sshd?.stop();
    if (saved.agent !== undefined) process.env['SSH_AUTH_SOCK'] = saved.agent;
    if (saved.base === undefined) delete process.env['BORG_BASE_DIR'];
    else process.env['BORG_BASE_DIR'] = saved.base;
    if (root !== undefined) await fs.rm(root, { recursive: true, force: true });
  });

  it('creates the repository after the host key is accepted, backs up and lists the archive', async () => {
    // Nothing else could log in: no agent, and the user's ~/.ssh (ssh reads the passwd home) has no key.
    expect(process.env['SSH_AUTH_SOCK']).toBeUndefined();
    const passwdHome = os.userInfo().homedir;
    const ownKeys = (await fs.readdir(path.join(passwdHome, '.ssh')).catch(() => [])).filter((n) =>
      n.startsWith('id_'),
    );
    expect(ownKeys).toEqual([]);

    key = await core.handlers['ssh-keys:generate']({});
    const location = sshd.location(server('repo'));
    await install(location);
    expect(await fs.readFile(authorizedKeys(), 'utf8')).toBe(
      `command="borg serve --restrict-to-path ${server('repo')}",restrict ${key.publicKey}\n`,
    );
    const create = () =>
      core.handlers['repos:create']({
        name: 'Server',
        location,
        encryption: 'repokey',
        passphrase: PASSPHRASE,
        sshKey: key.file,
      });
    await expect(create()).rejects.toMatchObject({
      code: 'SshHostKeyUnknown',
      sshHost: { host: '127.0.0.1', port: sshd.port },
    });

    const target = { host: '127.0.0.1', port: sshd.port };
    const scan = await core.handlers['ssh:scan-host'](target);
    expect(scan.status).toBe('new');
    const accepted = await core.handlers['ssh:accept-host']({
      ...target,
      fingerprints: scan.keys.map((k) => k.fingerprint),
      replaceChanged: false,
    });
    expect(accepted.status).toBe('known');

    const repo = await create();
    repoId = repo.id;
    expect(repo.sshKey).toBe(key.file);
    expect(existsSync(server('repo', 'config'))).toBe(true);

    const job = await core.handlers['jobs:start-backup'](
      plainBackup(repoId, path.join(root, 'src'), 'first'),
    );
    expect((await finished(job.jobId)).status).toBe('succeeded');
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives.map((a) => a.name)).toEqual(['first']);
  }, 120_000);

  it('is refused outside the restricted path with Borgdesk’s PathNotAllowed message', async () => {
    await expect(
      core.handlers['repos:create']({
        name: 'Elsewhere',
        location: sshd.location(server('elsewhere')),
        encryption: 'none',
        sshKey: key.file,
      }),
    ).rejects.toMatchObject({
      code: 'PathNotAllowed',
      message: 'The backup server does not allow access to this repository path.',
    });
    expect(existsSync(server('elsewhere'))).toBe(false);
  }, 60_000);

  // borg 1.2's `serve --append-only` accepts a delete (and prune, compact) but only appends to its
  // log: nothing on the server is removed, the server's owner can roll it back. Only destroying the
  // whole repository or a repair is refused ("is in append-only mode"), and Borgdesk does neither.
  it('keeps every segment on the server when the line is append-only, though the delete succeeds', async () => {
    await install(sshd.location(server('repo')), true);
    const segments = async (): Promise<string[]> => {
      const data = server('repo', 'data');
      const dirs = await fs.readdir(data);
      const files = await Promise.all(
        dirs.map(async (d) => (await fs.readdir(path.join(data, d))).map((f) => `${d}/${f}`)),
      );
      return files.flat().sort();
    };
    const before = await segments();
    const deleted = await core.handlers['archives:delete']({ repoId, archiveName: 'first' });
    expect((await finished(deleted.jobId)).status).toBe('succeeded');
    const compacted = await core.handlers['repos:compact']({ repoId });
    expect((await finished(compacted.jobId)).status).toBe('succeeded');
    const after = await segments();
    expect(after).toEqual(expect.arrayContaining(before));
    await install(sshd.location(server('repo')));
  }, 120_000);

  it('follows the repository to another path on the same server (repos:edit)', async () => {
    await fs.rename(server('repo'), server('moved'));
    const moved = sshd.location(server('moved'));
    // The old line still restricts the key to the old path: the server refuses, nothing changes.
    await expect(core.handlers['repos:edit']({ repoId, location: moved })).rejects.toMatchObject({
      code: 'PathNotAllowed',
    });
    await install(moved);
    const edited = await core.handlers['repos:edit']({ repoId, location: moved });
    expect(edited).toMatchObject({ location: moved, sshKey: key.file });
    const job = await core.handlers['jobs:start-backup'](
      plainBackup(repoId, path.join(root, 'src'), 'second'),
    );
    expect((await finished(job.jobId)).status).toBe('succeeded');
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives.map((a) => a.name)).toEqual(['second']);
  }, 120_000);

  it('names the holder of a lock held on the server', async () => {
    const location = sshd.location(server('moved'));
    const holding = path.join(root, 'holding');
    // Another borg on this computer, logged in with the same key, holds the lock while it sleeps.
    const sleeper = path.join(root, 'hold.sh');
    await fs.writeFile(sleeper, `#!/bin/sh\ntouch '${holding}'\nexec sleep 8\n`, { mode: 0o755 });
    // Started from a shell, not from this process: Borgdesk does not count its own children as holders.
    const borgPath = await writeShellProgram(
      path.join(root, 'borg-from-a-shell'),
      `${TEST_BORG} "$@" &\nwait $!`,
    );
    const ctx = {
      borgPath,
      sshIdentityFile: key.file,
      sshKnownHostsFile: path.join(root, 'config', 'known_hosts'),
      passphrase: PASSPHRASE,
    };
    const held = runBorg(['with-lock', '--', location, sleeper], ctx).catch((e: unknown) => e);
    for (let i = 0; i < 200 && !existsSync(holding); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(holding), String(await Promise.race([held, 'still running']))).toBe(true);

    const job = await core.handlers['jobs:start-backup'](
      plainBackup(repoId, path.join(root, 'src'), 'third'),
    );
    expect((await finished(job.jobId)).error).toMatchObject({ code: 'LockTimeout' });
    const report = await core.handlers['locks:status']({ repoId });
    expect(report).toMatchObject({ readable: false, locked: true });
    expect(report.holders).toEqual([
      expect.objectContaining({
        hostname: os.hostname(),
        mode: 'exclusive',
        thisComputer: true,
        alive: true,
      }),
    ]);
    expect(report.reason).toMatch(/this borg on this computer is using the repository/);
    // The running card of a Wait names it as well.
    const waited = await core.handlers['locks:wait-and-retry']({ jobId: job.jobId, lockWaitSeconds: 60 });
    const waiting = await recorder.waitFor(
      'job:updated',
      (j) => j.id === waited.jobId && j.status === 'running',
      30_000,
    );
    expect(waiting.waitingFor).toBe(
      `Waiting up to 60 s for the lock held by borg (pid ${report.holders[0]?.pid}) on this computer`,
    );
    // Borgdesk's own borg waiting for the lock names the location too, but is not a holder.
    await new Promise((r) => setTimeout(r, 1000));
    const whileWaiting = await core.handlers['locks:status']({ repoId });
    expect(whileWaiting.holders.map((h) => h.pid)).toEqual([report.holders[0]?.pid]);
    expect((await finished(waited.jobId)).status).toBe('succeeded');
    expect(await held).toMatchObject({ exitCode: 0 });
    const free = await core.handlers['locks:status']({ repoId });
    expect(free.holders).toEqual([]);
  }, 120_000);

  it('uses the key chosen in the add dialog to test a passcommand and to import a key', async () => {
    const location = sshd.location(server('keyfile'));
    await install(location);
    const made = await core.handlers['repos:create']({
      name: 'Keyfile',
      location,
      encryption: 'keyfile-blake2',
      passphrase: PASSPHRASE,
      sshKey: key.file,
    });
    const saved = await core.handlers['keys:export']({ repoId: made.id, format: 'file' });
    await core.handlers['repos:remove']({ repoId: made.id });
    // As on a new computer: borg has no key for the repository here.
    await fs.rm(path.join(root, 'borg-base', '.config', 'borg', 'keys'), { recursive: true, force: true });
    const source = { kind: 'file' as const, text: saved.content };
    // Without the key ssh has nothing to log in with; with it, the import reaches the repository.
    await expect(core.handlers['keys:import']({ location, source })).rejects.toMatchObject({
      code: 'SshAuthenticationFailed',
    });
    await expect(core.handlers['keys:import']({ location, source, sshKey: key.file })).resolves.toEqual({
      imported: true,
    });
    const passcommand = `printf '%s' '${PASSPHRASE}'`;
    const tested = await core.handlers['repos:test-passcommand']({ location, passcommand, sshKey: key.file });
    expect(tested.outcome).toBe('ok');
  }, 120_000);
});
