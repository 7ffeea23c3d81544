/**
 * Real borg over a real ssh to a real sshd on 127.0.0.1 (test-sshd.ts): every way the connection
 * fails gets its own code, and nothing waits longer than ssh's timeouts.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreate } from './commands/create.js';
import { runInfo } from './commands/info.js';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { runBorg, runProgram, type BorgContext } from './exec.js';
import { isBorgError } from './errors.js';
import { repositoryTail } from './command-shape.js';
import { createSandbox, testBorgCapabilities, type BorgSandbox } from './test-sandbox.js';
import {
  sshdSkipReason,
  startNonSshListener,
  startSilentListener,
  startTestSshd,
  SSH_KEYGEN,
  type TestSshd,
} from './test-sshd.js';

// What a server without borg does: its login shell cannot find the command borg asks for.
const NO_BORG_COMMAND = 'PATH=/nonexistent-borgdesk; borg serve';
const skip = sshdSkipReason();
if (skip !== undefined) console.warn(`Skipping the ssh integration tests: ${skip}`);

async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; sshHost?: unknown; message: string }> {
  try {
    await promise;
  } catch (e) {
    if (isBorgError(e)) return { code: e.code, sshHost: e.sshHost, message: e.message };
    throw e;
  }
  throw new Error('expected the run to fail');
}

describe.skipIf(skip !== undefined)('borg over ssh', () => {
  let sandbox: BorgSandbox;
  let sshd: TestSshd;
  let knownHosts: string;
  let ctx: (extra?: Partial<BorgContext>) => BorgContext;

  beforeAll(async () => {
    sandbox = await createSandbox();
    sshd = await startTestSshd();
    knownHosts = sandbox.path('known_hosts');
    await writeFile(knownHosts, '');
    ctx = (extra = {}) =>
      sandbox.ctx({ sshKnownHostsFile: knownHosts, sshIdentityFile: sshd.clientKey, ...extra });
  }, 30_000);
  afterAll(async () => {
    await sshd?.stop();
    await sandbox?.cleanup();
  });

  it('refuses an unknown host key with its host and port, then backs up once the key is known', async () => {
    const location = sshd.location(sandbox.path('repo'));
    const unknown = await failure(runInit({ location, encryption: 'none' }, ctx()));
    expect(unknown).toMatchObject({
      code: 'SshHostKeyUnknown',
      sshHost: { host: '127.0.0.1', port: sshd.port },
    });

    await appendFile(knownHosts, `${sshd.knownHostsLine}\n`);
    const consent = { consentedPrompts: ['BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'] };
    await runInit({ location, encryption: 'none' }, ctx(consent));
    await sandbox.writeText(sandbox.path('src', 'a.txt'), 'hello over ssh');
    const created = await runCreate(
      {
        location,
        archiveName: 'first',
        sourcePaths: [sandbox.path('src')],
        compression: 'lz4',
        excludeCaches: false,
        excludePatterns: [],
      },
      ctx(consent),
    );
    expect(created.archive.name).toBe('first');
    const info = await runInfo({ location, includeArchives: true }, ctx(consent));
    expect(info.archives.map((a) => a.name)).toEqual(['first']);
  }, 60_000);

  it('warns about a changed host key', async () => {
    const other = sandbox.path('other_host_key');
    await runProgram(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-f', other], { timeoutMs: 10_000 });
    const changed = sandbox.path('known_hosts_changed');
    const otherPublic = (await readFile(`${other}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    await writeFile(changed, `[127.0.0.1]:${sshd.port} ${otherPublic}\n`);
    const result = await failure(
      runInfo(
        { location: sshd.location('/nowhere'), includeArchives: false },
        ctx({ sshKnownHostsFile: changed }),
      ),
    );
    expect(result).toMatchObject({
      code: 'SshHostKeyChanged',
      sshHost: { host: '127.0.0.1', port: sshd.port },
    });
    expect(result.message).toMatch(/WARNING/);
  }, 30_000);

  it('says the login was refused for a key the server does not accept', async () => {
    const stranger = sandbox.path('stranger_key');
    await runProgram(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-f', stranger], { timeoutMs: 10_000 });
    await writeFile(knownHosts, `${sshd.knownHostsLine}\n`);
    const result = await failure(
      runInfo(
        { location: sshd.location('/nowhere'), includeArchives: false },
        ctx({ sshIdentityFile: stranger }),
      ),
    );
    expect(result.code).toBe('SshAuthenticationFailed');
  }, 30_000);

  it('tells a closed port, a port without ssh and an unknown name apart', async () => {
    const closedPort = sshd.port === 1 ? 2 : 1;
    const refused = await failure(
      runInfo({ location: `ssh://root@127.0.0.1:${closedPort}/x`, includeArchives: false }, ctx()),
    );
    expect(refused.code).toBe('SshConnectionRefused');

    const web = await startNonSshListener();
    try {
      const wrong = await failure(
        runInfo({ location: `ssh://root@127.0.0.1:${web.port}/x`, includeArchives: false }, ctx()),
      );
      expect(wrong.code).toBe('SshNotSshServer');
    } finally {
      await web.stop();
    }

    const nameless = await failure(
      runInfo({ location: 'ssh://root@no-such-host.invalid/x', includeArchives: false }, ctx()),
    );
    expect(nameless.code).toBe('SshHostNotFound');
  }, 60_000);

  it('gives up on a server that accepts and says nothing within the connect timeout, and can be cancelled', async () => {
    const silent = await startSilentListener();
    try {
      const location = `ssh://root@127.0.0.1:${silent.port}/x`;
      const started = Date.now();
      const result = await failure(
        runInfo({ location, includeArchives: false }, ctx({ sshConnectTimeoutSeconds: 3 })),
      );
      expect(result.code).toBe('SshTimedOut');
      expect(Date.now() - started).toBeLessThan(15_000);

      const abort = new AbortController();
      const cancelStart = Date.now();
      const running = failure(runInfo({ location, includeArchives: false }, ctx({ signal: abort.signal })));
      setTimeout(() => abort.abort(), 500);
      expect((await running).code).toBe('Cancelled');
      expect(Date.now() - cancelStart).toBeLessThan(8_000);
    } finally {
      await silent.stop();
    }
  }, 60_000);

  it('names a key restricted to one path and to append-only', async () => {
    const repo = sandbox.path('append-only-repo');
    // borg 2 has no --append-only; its store permissions (--permissions=no-delete) refuse deleting.
    const caps = await testBorgCapabilities();
    const noDelete = caps.serveNoDeleteOptions.join(' ');
    const restricted = await startTestSshd({
      forcedCommand: `borg serve ${noDelete} --restrict-to-path ${repo}`,
    });
    try {
      const kh = sandbox.path('known_hosts_restricted');
      await writeFile(kh, `${restricted.knownHostsLine}\n`);
      const consent = [
        'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
        'BORG_RELOCATED_REPO_ACCESS_IS_OK',
        'BORG_DELETE_I_KNOW_WHAT_I_AM_DOING',
      ];
      const own = sandbox.ctx({
        sshKnownHostsFile: kh,
        sshIdentityFile: restricted.clientKey,
        consentedPrompts: consent,
      });
      // Made before the key was restricted: borg 2's no-delete permissions cannot create one at all.
      await runInit({ location: repo, encryption: 'none' }, sandbox.ctx());
      const listing = await runListArchives({ location: restricted.location(repo) }, own);
      expect(listing.archives).toEqual([]);
      const elsewhere = await failure(
        runInit({ location: restricted.location(sandbox.path('elsewhere')), encryption: 'none' }, own),
      );
      expect(elsewhere.code).toBe('PathNotAllowed');
      const deleteRepository = [
        caps.repositoryCommands.delete,
        ...repositoryTail(caps, restricted.location(repo)),
      ];
      const destroy = await failure(runBorg(deleteRepository, own));
      expect(destroy.code).toBe('RepositoryAppendOnly');
    } finally {
      await restricted.stop();
    }
  }, 30_000);

  it('says borg is missing on the server', async () => {
    const bare = await startTestSshd({ forcedCommand: NO_BORG_COMMAND });
    try {
      const kh = sandbox.path('known_hosts_bare');
      await writeFile(kh, `${bare.knownHostsLine}\n`);
      const result = await failure(
        runInfo(
          { location: bare.location('/nowhere'), includeArchives: false },
          sandbox.ctx({ sshKnownHostsFile: kh, sshIdentityFile: bare.clientKey }),
        ),
      );
      expect(result.code).toBe('BorgNotOnServer');
    } finally {
      await bare.stop();
    }
  }, 30_000);
});
