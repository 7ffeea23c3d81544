/** The real ssh-keygen: a new key pair, its fingerprint, and which private keys open without a passphrase. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../borg/run-tool.js';
import { fingerprintOf, generateEd25519, sshKeygenEnv, unattendedUse, type SshKeygen } from './ssh-keygen.js';

const tool: SshKeygen = { program: 'ssh-keygen', env: sshKeygenEnv(process.env) };
let dir: string;

async function keygenOutput(args: string[]): Promise<string> {
  const run = await runTool('ssh-keygen', args, { env: tool.env, timeoutMs: 20_000, name: 'ssh-keygen' });
  expect(run.exitCode, run.stderr).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-keygen-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('ssh-keygen', () => {
  it('makes an ed25519 pair with the comment, the private half 0600, and reads its fingerprint', async () => {
    const file = path.join(dir, 'made');
    await generateEd25519(tool, file, 'borgdesk@test-host');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const pub = await fs.readFile(`${file}.pub`, 'utf8');
    expect(pub).toMatch(/^ssh-ed25519 [A-Za-z0-9+/]+=* borgdesk@test-host\n$/);
    const print = await fingerprintOf(tool, `${file}.pub`);
    // The same fingerprint ssh-keygen prints for the private key: the two halves belong together.
    const fromPrivate = await keygenOutput(['-lf', file]);
    expect(print).toEqual({ bits: 256, type: 'ED25519', fingerprint: fromPrivate.split(' ')[1] });
    expect(print?.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('does not replace an existing key: generating over it fails and the key stays', async () => {
    const file = path.join(dir, 'kept');
    await generateEd25519(tool, file, 'first');
    const before = await fs.readFile(file, 'utf8');
    await expect(generateEd25519(tool, file, 'second')).rejects.toMatchObject({ code: 'Internal' });
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(await fs.readFile(`${file}.pub`, 'utf8')).toContain(' first');
  });

  it('tells a key without passphrase from one with a passphrase and from one others can read', async () => {
    const plain = path.join(dir, 'plain');
    const locked = path.join(dir, 'locked');
    await generateEd25519(tool, plain, 'plain');
    await keygenOutput(['-t', 'ed25519', '-N', 'secret words', '-C', 'locked', '-f', locked, '-q']);
    expect(await unattendedUse(tool, plain)).toBe('ok');
    expect(await unattendedUse(tool, locked)).toBe('passphrase');
    await fs.chmod(plain, 0o644);
    expect(await unattendedUse(tool, plain)).toBe('permissions');
    await fs.writeFile(path.join(dir, 'junk'), 'not a key\n', { mode: 0o600 });
    expect(await unattendedUse(tool, path.join(dir, 'junk'))).toBe('unreadable');
    expect(await fingerprintOf(tool, path.join(dir, 'junk'))).toBeUndefined();
  });

  it('says plainly when ssh-keygen is not installed', async () => {
    const missing: SshKeygen = { program: path.join(dir, 'no-such-ssh-keygen'), env: tool.env };
    await expect(generateEd25519(missing, path.join(dir, 'x'), 'x')).rejects.toMatchObject({
      code: 'NotFound',
      message: expect.stringContaining('ssh-keygen was not found'),
      remedy: expect.stringContaining('OpenSSH client'),
    });
  });
});
