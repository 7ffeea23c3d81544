/**
 * Real borg 2 opening sftp:// repositories through borgstore + paramiko, against the tests' own
 * sshd (test-sshd.ts, with its sftp subsystem): no borg on the "server" side is involved. Borgdesk's
 * known_hosts and the repository's key reach paramiko through the run's own HOME (sftp-run.ts).
 * Skips with the reason when TEST_BORG is borg 1.x or its Python lacks paramiko.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES } from './capabilities.js';
import { runCreate } from './commands/create.js';
import { runExtract } from './commands/extract.js';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { isBorgError } from './errors.js';
import type { BorgContext } from './exec.js';
import { openableLocationSchemes } from './location-backends.js';
import { createSandbox, testBorgCapabilities, TEST_BORG, type BorgSandbox } from './test-sandbox.js';
import { sshdSkipReason, startTestSshd, SSH_KEYGEN, type TestSshd } from './test-sshd.js';
import { runProgram } from './exec.js';

async function skipReason(): Promise<string | undefined> {
  const sshd = sshdSkipReason();
  if (sshd !== undefined) return sshd;
  const caps = await testBorgCapabilities();
  if (!caps.extraLocationSchemes.includes('sftp'))
    return `${TEST_BORG} is borg ${caps.version}; sftp:// needs borg 2 (set BORGDESK_TEST_BORG)`;
  const openable = await openableLocationSchemes(TEST_BORG, caps.extraLocationSchemes, process.env);
  if (!openable.includes('sftp'))
    return `borg ${caps.version} cannot import paramiko (install python3-paramiko)`;
  return undefined;
}

const skip = await skipReason();
if (skip !== undefined) console.warn(`Skipping the sftp integration tests: ${skip}`);

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

describe('sftp:// with a borg that cannot open it', () => {
  it('is refused before borg runs, with what to install', async () => {
    const ctx: BorgContext = { borgPath: '/nonexistent/borg', capabilities: BORG_1_2_CAPABILITIES };
    const refused = await failure(runListArchives({ location: 'sftp://me@example.org/backups/repo' }, ctx));
    expect(refused.code).toBe('UnsupportedRepository');
    expect(refused.message).toMatch(/sftp:\/\/ locations need borg 2/);
  });
});

describe.skipIf(skip !== undefined)('borg 2 over sftp', () => {
  let sandbox: BorgSandbox;
  let sshd: TestSshd;
  let knownHosts: string;
  let ctx: (extra?: Partial<BorgContext>) => BorgContext;
  const location = (p: string): string => `sftp://${sshd.user}@127.0.0.1:${sshd.port}/${p}`;

  beforeAll(async () => {
    sandbox = await createSandbox();
    sshd = await startTestSshd();
    knownHosts = sandbox.path('known_hosts');
    await writeFile(knownHosts, '');
    ctx = (extra = {}) =>
      sandbox.ctx({
        sshKnownHostsFile: knownHosts,
        sshIdentityFile: sshd.clientKey,
        passphrase: 'pw',
        ...extra,
      });
  }, 30_000);
  afterAll(async () => {
    await sshd?.stop();
    await sandbox?.cleanup();
  });

  it('refuses an unknown host key with its host and port, then creates, backs up, lists and extracts', async () => {
    // An absolute path on the server: sftp://host//abs (one slash is the separator).
    const repo = location(sandbox.path('repo'));
    const unknown = await failure(
      runInit({ location: repo, encryption: 'repokey', newPassphrase: 'pw' }, ctx()),
    );
    expect(unknown).toMatchObject({
      code: 'SshHostKeyUnknown',
      sshHost: { host: '127.0.0.1', port: sshd.port },
    });

    await writeFile(knownHosts, `${sshd.knownHostsLine}\n`);
    await runInit({ location: repo, encryption: 'repokey', newPassphrase: 'pw' }, ctx());
    await sandbox.writeText(sandbox.path('src', 'a.txt'), 'hello over sftp');
    const created = await runCreate(
      {
        location: repo,
        archiveName: 'first',
        sourcePaths: [sandbox.path('src')],
        compression: 'lz4',
        excludeCaches: false,
        excludePatterns: [],
      },
      ctx(),
    );
    expect(created.exitCode).toBe(0);
    const listing = await runListArchives({ location: repo }, ctx());
    expect(listing.archives.map((a) => a.name)).toEqual(['first']);

    const target = sandbox.path('restored');
    await mkdir(target);
    await runExtract(
      { location: repo, archiveName: 'first', paths: [], cwd: target, stripComponents: 0 },
      ctx(),
    );
    const restored = await readFile(path.join(target, sandbox.path('src', 'a.txt').slice(1)), 'utf8');
    expect(restored).toBe('hello over sftp');
  }, 120_000);

  it('names a refused key, a changed host key and a refused port', async () => {
    await writeFile(knownHosts, `${sshd.knownHostsLine}\n`);
    const otherKey = sandbox.path('other_ed25519');
    const keygen = await runProgram(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-f', otherKey], {
      timeoutMs: 10_000,
    });
    expect(keygen.exitCode).toBe(0);
    const repo = location(sandbox.path('repo'));
    const refusedKey = await failure(runListArchives({ location: repo }, ctx({ sshIdentityFile: otherKey })));
    expect(refusedKey.code).toBe('SshAuthenticationFailed');

    const otherPublic = (await readFile(`${otherKey}.pub`, 'utf8')).split(' ');
    await writeFile(knownHosts, `[127.0.0.1]:${sshd.port} ${otherPublic[0] ?? ''} ${otherPublic[1] ?? ''}\n`);
    const changed = await failure(runListArchives({ location: repo }, ctx()));
    // paramiko names the server without its port here ("Host key for server '127.0.0.1' does not match").
    expect(changed.code).toBe('SshHostKeyChanged');

    const refusedPort = await failure(
      runListArchives({ location: `sftp://${sshd.user}@127.0.0.1:1/${sandbox.path('repo')}` }, ctx()),
    );
    expect(refusedPort.code).toBe('SshConnectionRefused');
  }, 120_000);
});
