/** KnownHosts against a real sshd (borg/test-sshd.ts) and the real ssh-keyscan / ssh-keygen. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../borg/exec.js';
import { sshdSkipReason, SSH_KEYGEN, startTestSshd, type TestSshd } from '../../borg/test-sshd.js';
import { KnownHosts } from './known-hosts.js';

const skip = sshdSkipReason();
if (skip !== undefined) console.warn(`Skipping the known_hosts tests: ${skip}`);

describe.skipIf(skip !== undefined)('KnownHosts', () => {
  let sshd: TestSshd;
  let dir: string;
  beforeAll(async () => {
    sshd = await startTestSshd();
    dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-kh-'));
  }, 30_000);
  afterAll(async () => {
    await sshd?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows a new key, accepts exactly what was shown, and then knows it', async () => {
    const hosts = new KnownHosts({ file: path.join(dir, 'config', 'known_hosts') });
    const target = { host: '127.0.0.1', port: sshd.port };
    const scan = await hosts.scan(target);
    expect(scan.status).toBe('new');
    expect(scan.keys).toEqual([{ type: 'ED25519', fingerprint: expect.stringMatching(/^SHA256:/) }]);

    await expect(
      hosts.accept({ ...target, fingerprints: ['SHA256:other'], replaceChanged: false }),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    const accepted = await hosts.accept({
      ...target,
      fingerprints: scan.keys.map((k) => k.fingerprint),
      replaceChanged: false,
    });
    expect(accepted.status).toBe('known');
    expect(await readFile(path.join(dir, 'config', 'known_hosts'), 'utf8')).toContain(
      `[127.0.0.1]:${sshd.port} ssh-ed25519 `,
    );
  }, 30_000);

  it('warns about a changed key with the old fingerprint and replaces it only when told to', async () => {
    const other = path.join(dir, 'other');
    await runProgram(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-f', other], { timeoutMs: 10_000 });
    const file = path.join(dir, 'changed_known_hosts');
    const otherPublic = (await readFile(`${other}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    await writeFile(file, `[127.0.0.1]:${sshd.port} ${otherPublic}\n`);
    const hosts = new KnownHosts({ file });
    const target = { host: '127.0.0.1', port: sshd.port };
    const scan = await hosts.scan(target);
    expect(scan.status).toBe('changed');
    expect(scan.knownKeys).toHaveLength(1);
    expect(scan.knownKeys[0]?.fingerprint).not.toBe(scan.keys[0]?.fingerprint);
    const fingerprints = scan.keys.map((k) => k.fingerprint);
    await expect(hosts.accept({ ...target, fingerprints, replaceChanged: false })).rejects.toMatchObject({
      message: expect.stringMatching(/changed/),
    });
    const replaced = await hosts.accept({ ...target, fingerprints, replaceChanged: true });
    expect(replaced.status).toBe('known');
    expect(await readFile(file, 'utf8')).not.toContain(otherPublic);
  }, 30_000);

  it('refuses a host that is an ssh option, and says when nothing answers', async () => {
    const hosts = new KnownHosts({ file: path.join(dir, 'kh3') });
    await expect(hosts.scan({ host: '-oProxyCommand=touch /tmp/x', port: 22 })).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    await expect(hosts.scan({ host: '127.0.0.1', port: 1 })).rejects.toMatchObject({ code: 'NotFound' });
  }, 30_000);
});
