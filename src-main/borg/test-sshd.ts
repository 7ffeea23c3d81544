/**
 * Test-only: a real OpenSSH server on 127.0.0.1 for the ssh tests (borg/, core/ and e2e/). Its
 * config, host key, client key and authorized_keys live in a temporary folder; it runs as the
 * current user (root on CI: PermitRootLogin prohibit-password, StrictModes off, no PAM) and serves
 * the borg the tests run (TEST_BORG first on the server's PATH: `borg serve` must be the same borg
 * generation as the client), so `ssh://root@127.0.0.1:PORT/tmp/…/repo` is a real remote repository.
 */
// eslint-disable-next-line no-restricted-imports -- a test server that runs for the whole test, not a borg run
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { runProgram } from './exec.js';
import { TEST_BORG } from './test-sandbox.js';

export const SSHD = '/usr/sbin/sshd';
export const SSH_KEYGEN = '/usr/bin/ssh-keygen';

/** Why the ssh tests cannot run here (printed by the skipping test), or undefined when they can. */
export function sshdSkipReason(): string | undefined {
  for (const file of [SSHD, SSH_KEYGEN, '/usr/bin/ssh', '/usr/bin/ssh-keyscan']) {
    if (!existsSync(file)) return `${file} is missing (install openssh-server and openssh-client)`;
  }
  return undefined;
}

/** A running test server. */
export interface TestSshd {
  readonly dir: string;
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  /** The private key the server accepts (pass it as sshIdentityFile). */
  readonly clientKey: string;
  /** The server's key as a known_hosts line for [127.0.0.1]:port. */
  readonly knownHostsLine: string;
  /** `ssh://user@127.0.0.1:port<absolutePath>`. */
  location(absolutePath: string): string;
  stop(): Promise<void>;
}

/** How the test server treats the client key. */
export interface TestSshdOptions {
  /** An authorized_keys command= for the client key, e.g. one that cannot find borg. */
  readonly forcedCommand?: string;
}

/** Starts sshd on a free port and resolves once it listens; throws (with its log) otherwise. */
export async function startTestSshd(options: TestSshdOptions = {}): Promise<TestSshd> {
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-sshd-'));
  const hostKey = path.join(dir, 'host_ed25519');
  const clientKey = path.join(dir, 'client_ed25519');
  await keygen(hostKey, 'borgdesk-test-host');
  await keygen(clientKey, 'borgdesk-test-client');
  const clientPublic = (await readFile(`${clientKey}.pub`, 'utf8')).trim();
  const restriction = options.forcedCommand === undefined ? '' : `command="${options.forcedCommand}" `;
  await writeFile(path.join(dir, 'authorized_keys'), `${restriction}${clientPublic}\n`, { mode: 0o600 });
  // OpenSSH's privilege separation folder (compiled in); a container without a running sshd lacks it.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 }).catch(() => undefined);
  const user = userInfo().username;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    await writeFile(path.join(dir, 'sshd_config'), config(dir, port, hostKey));
    try {
      const child = await listening(dir, port);
      const hostPublic = (await readFile(`${hostKey}.pub`, 'utf8')).trim().split(/\s+/);
      return {
        dir,
        host: '127.0.0.1',
        port,
        user,
        clientKey,
        knownHostsLine: `[127.0.0.1]:${port} ${hostPublic[0] ?? ''} ${hostPublic[1] ?? ''}`,
        location: (p) => `ssh://${user}@127.0.0.1:${port}${p}`,
        async stop() {
          await stopChild(child);
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (e) {
      lastError = e; // most likely the port was taken between the probe and sshd's bind
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

/** A TCP listener that accepts connections and never says a word (a hung server). */
export function startSilentListener(): Promise<TestListener> {
  return startListener(() => undefined);
}

/** A TCP listener that answers like a web server and hangs up (a wrong port). */
export function startNonSshListener(): Promise<TestListener> {
  return startListener((socket) => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
}

/** A plain TCP listener on 127.0.0.1. */
export interface TestListener {
  readonly port: number;
  stop(): Promise<void>;
}

async function startListener(onConnection: (socket: Socket) => void): Promise<TestListener> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  const port = await listen(server);
  return {
    port,
    async stop() {
      // close() waits for every open connection; a client that never hung up would hold it.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function config(dir: string, port: number, hostKey: string): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'StrictModes no',
    'UsePAM no',
    'LogLevel INFO',
    // Sessions find TEST_BORG as "borg", for borg's own `borg serve` and for forced commands alike.
    `SetEnv PATH=${path.dirname(TEST_BORG)}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    // borg 2's sftp:// repositories (sftp.integration.test.ts) need the sftp subsystem.
    'Subsystem sftp internal-sftp',
    '',
  ].join('\n');
}

async function keygen(file: string, comment: string): Promise<void> {
  const result = await runProgram(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], {
    timeoutMs: 10_000,
  });
  if (result.exitCode !== 0) throw new Error(`ssh-keygen failed: ${result.stderr}`);
}

// sshd -D -e logs to stderr; "Server listening on" says it is ready.
async function listening(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start listening within 10 s'), 10_000);
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`sshd on port ${port} ${why}:\n${log}`));
    };
    child.on('error', (e) => fail(e.message));
    child.on('exit', (code) => fail(`exited with ${code ?? 'a signal'}`));
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (/Server listening on/.test(log)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  return child;
}

// Polls for the process to be gone: in a vitest worker the 'exit' event of this child is not
// always delivered, the process table is the truth.
async function stopChild(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  child.kill('SIGTERM');
  for (let waited = 0; waited < 5_000; waited += 50) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}
