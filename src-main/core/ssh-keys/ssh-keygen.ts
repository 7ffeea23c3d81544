/**
 * What Borgdesk asks of OpenSSH's ssh-keygen: make a key pair, read a public key's fingerprint, and
 * tell whether a private key opens without a passphrase. Always an argv array (runTool never uses a
 * shell), never a prompt: `-N ''`/`-P ''` give the empty passphrase, and without a terminal or stdin
 * a question ends at once instead of waiting.
 */
import { runTool, type ToolRun } from '../../borg/run-tool.js';
import type { SshKeyUsability } from '../../model/ssh-keys.js';
import { AppError } from '../app-error.js';

/** Where ssh-keygen is and the environment it runs in. */
export interface SshKeygen {
  /** The program (found on PATH when not a path). */
  readonly program: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

/** What `ssh-keygen -lf` says about a public key. */
export interface KeyFingerprint {
  readonly bits: number | undefined;
  readonly fingerprint: string;
  /** ED25519, RSA, ECDSA… */
  readonly type: string;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** The environment for ssh-keygen: PATH to find it, HOME, and plain C messages (they are parsed). */
export function sshKeygenEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const picked: Record<string, string> = { LANG: 'C', LC_ALL: 'C' };
  for (const name of ['PATH', 'HOME', 'SystemRoot', 'USERPROFILE']) {
    const value = env[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** `ssh-keygen -t ed25519 -N '' -C comment -f file -q`; the caller has made sure `file` is free. */
export async function generateEd25519(tool: SshKeygen, file: string, comment: string): Promise<void> {
  const run = await keygen(tool, ['-t', 'ed25519', '-N', '', '-C', comment, '-f', file, '-q']);
  if (run.exitCode === 0) return;
  throw new AppError(
    'Internal',
    `ssh-keygen could not create the key${said(run)}.`,
    'Check that Borgdesk’s folder is writable and the disk is not full, then try again.',
    { reason: 'keygenFailed', params: { said: said(run) } },
  );
}

/** The fingerprint of the public key in `publicFile`, or undefined when it is not a key ssh-keygen reads. */
export async function fingerprintOf(
  tool: SshKeygen,
  publicFile: string,
): Promise<KeyFingerprint | undefined> {
  const run = await keygen(tool, ['-l', '-E', 'sha256', '-f', publicFile]);
  if (run.exitCode !== 0) return undefined;
  // "256 SHA256:abc… comment words (ED25519)"; the comment may be empty or hold spaces.
  const match = /^(\d+) (\S+) .*\(([^()]+)\)\s*$/s.exec(run.stdout.trim());
  if (match === null) return undefined;
  return { bits: Number(match[1]), fingerprint: match[2] ?? '', type: match[3] ?? '' };
}

/**
 * Whether the private key opens with an empty passphrase, as borg's ssh needs (it runs in
 * BatchMode: no one is asked). `-y` prints only the public key, which is not kept.
 */
export async function unattendedUse(tool: SshKeygen, privateFile: string): Promise<SshKeyUsability> {
  const run = await keygen(tool, ['-y', '-P', '', '-f', privateFile]);
  if (run.exitCode === 0) return 'ok';
  if (/incorrect passphrase|passphrase/i.test(run.stderr)) return 'passphrase';
  if (/bad permissions|UNPROTECTED PRIVATE KEY/i.test(run.stderr)) return 'permissions';
  return 'unreadable';
}

async function keygen(tool: SshKeygen, args: readonly string[]): Promise<ToolRun> {
  const run = await runTool(tool.program, args, {
    env: tool.env,
    timeoutMs: tool.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    name: 'ssh-keygen',
  });
  if (run.spawnError === 'ENOENT') {
    throw new AppError(
      'NotFound',
      'ssh-keygen was not found on this computer, so Borgdesk cannot make or read SSH keys.',
      'Install the OpenSSH client (on Debian or Ubuntu: the openssh-client package), then try again.',
      { reason: 'sshKeygenFoundComputer' },
    );
  }
  if (run.startError !== undefined) throw run.startError;
  if (run.timedOut) {
    throw new AppError('Internal', 'ssh-keygen did not finish in time.', 'Try again in a moment.', {
      reason: 'sshKeygenDidFinish',
    });
  }
  return run;
}

function said(run: ToolRun): string {
  const last = run.stderr.trim().split('\n').pop()?.trim();
  return last ? ` (it said: ${last})` : '';
}
