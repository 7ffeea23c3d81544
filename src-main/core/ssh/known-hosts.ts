/**
 * Borgdesk's own known_hosts (in its config folder; every borg run's ssh uses it, see
 * borg/ssh-command.ts). Scanning asks the server for its keys with ssh-keyscan and shows their
 * fingerprints (ssh-keygen -l); accepting appends exactly the keys the user saw. A changed key is
 * only replaced (ssh-keygen -R, which keeps a .old copy) when the user says they know why.
 * Host and port reach the tools as separate argv words, never through a shell, and the host must
 * pass the location parser's host rules first.
 */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runProgram, type ProgramResult } from '../../borg/exec.js';
import { parseLocation } from '../../model/location-syntax.js';
import type { HostKeyFingerprint, HostKeyScan, SshHostRef } from '../../model/ssh.js';
import { AppError } from '../app-error.js';

/** The file name inside Borgdesk's config folder. */
export const KNOWN_HOSTS_FILE = 'known_hosts';

/** Where the tools are (tests keep the defaults). */
export interface KnownHostsOptions {
  readonly file: string;
  readonly keyscan?: string;
  readonly keygen?: string;
}

const SCAN_TIMEOUT_S = 5;

/** Scans, accepts and replaces server keys in one known_hosts file. */
export class KnownHosts {
  private writes: Promise<unknown> = Promise.resolve();
  private readonly keyscan: string;
  private readonly keygen: string;

  constructor(private readonly options: KnownHostsOptions) {
    this.keyscan = options.keyscan ?? 'ssh-keyscan';
    this.keygen = options.keygen ?? 'ssh-keygen';
  }

  /** The server's keys now, and what Borgdesk accepted for it before. */
  async scan(target: SshHostRef): Promise<HostKeyScan> {
    const { keys } = await this.scanKeys(target);
    return this.compare(target, keys);
  }

  /** Accepts the keys the user saw (`fingerprints`); see ssh:accept-host. */
  async accept(
    target: SshHostRef & { fingerprints: readonly string[]; replaceChanged: boolean },
  ): Promise<HostKeyScan> {
    const task = this.writes.then(async () => {
      const { lines, keys } = await this.scanKeys(target);
      const seen = new Set(target.fingerprints);
      if (keys.length !== seen.size || !keys.every((k) => seen.has(k.fingerprint))) {
        throw new AppError(
          'InvalidInput',
          'The server sent different keys than the ones you checked.',
          'Check the server’s key again before accepting it.',
          { reason: 'serverSentDifferentKeys' },
        );
      }
      const before = await this.compare(target, keys);
      if (before.status === 'known') return before;
      if (before.status === 'changed') {
        if (!target.replaceChanged) {
          throw new AppError(
            'InvalidInput',
            'The server’s key has changed; Borgdesk keeps the old one until you confirm you know why.',
            'Confirm that you know why the key changed, then replace it.',
            { reason: 'serverSKeyChanged' },
          );
        }
        await this.tool(this.keygen, ['-R', knownHostsName(target), '-f', this.options.file]);
      }
      await mkdir(path.dirname(this.options.file), { recursive: true });
      await appendFile(this.options.file, `${lines.join('\n')}\n`, { mode: 0o600 });
      return this.compare(target, keys);
    });
    this.writes = task.catch(() => undefined);
    return task;
  }

  private async compare(target: SshHostRef, keys: HostKeyFingerprint[]): Promise<HostKeyScan> {
    const knownKeys = await this.knownKeys(target);
    const changed = knownKeys.some((old) =>
      keys.some((now) => now.type === old.type && now.fingerprint !== old.fingerprint),
    );
    const matches = knownKeys.some((old) => keys.some((now) => now.fingerprint === old.fingerprint));
    const status = changed ? 'changed' : matches ? 'known' : 'new';
    return { host: target.host, port: target.port, status, keys, knownKeys };
  }

  private async scanKeys(target: SshHostRef): Promise<{ lines: string[]; keys: HostKeyFingerprint[] }> {
    requireHost(target);
    const args = ['-p', String(target.port), '-T', String(SCAN_TIMEOUT_S), '--', target.host];
    const result = await runProgram(this.keyscan, args, { timeoutMs: (SCAN_TIMEOUT_S + 10) * 1000 });
    if (result.spawnError !== undefined) throw toolMissing(this.keyscan);
    const lines = result.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    if (lines.length === 0) {
      throw new AppError(
        'NotFound',
        `No ssh server answered at ${describe(target)}.`,
        'Check the server name and port, and that the server is reachable, then try again.',
        target.port === 22
          ? { reason: 'noSshServer', params: { host: target.host } }
          : { reason: 'noSshServerAtPort', params: { host: target.host, port: target.port } },
      );
    }
    return { lines, keys: await this.fingerprints(lines.join('\n')) };
  }

  private async knownKeys(target: SshHostRef): Promise<HostKeyFingerprint[]> {
    const result = await runProgram(this.keygen, ['-F', knownHostsName(target), '-f', this.options.file], {
      timeoutMs: 10_000,
    });
    // Exit code 1: no entry (or no file yet).
    if (result.exitCode !== 0) return [];
    const lines = result.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    return lines.length === 0 ? [] : this.fingerprints(lines.join('\n'));
  }

  private async fingerprints(knownHostsText: string): Promise<HostKeyFingerprint[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-hostkeys-'));
    try {
      const file = path.join(dir, 'keys');
      await writeFile(file, `${knownHostsText}\n`, { mode: 0o600 });
      const result = await this.tool(this.keygen, ['-l', '-E', 'sha256', '-f', file]);
      // "256 SHA256:abc… [127.0.0.1]:2222 (ED25519)"
      return result.stdout.split('\n').flatMap((line) => {
        const match = /^\d+\s+(SHA256:\S+)\s+.*\((\w+)\)\s*$/.exec(line.trim());
        return match === null ? [] : [{ type: match[2] ?? '', fingerprint: match[1] ?? '' }];
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async tool(file: string, args: string[]): Promise<ProgramResult> {
    const result = await runProgram(file, args, { timeoutMs: 10_000 });
    if (result.spawnError !== undefined) throw toolMissing(file);
    if (result.exitCode !== 0) {
      const said = result.stderr.trim().slice(0, 300);
      throw new AppError('Internal', `${path.basename(file)} failed: ${said}`, undefined, {
        reason: 'toolFailed',
        params: { tool: path.basename(file), said },
      });
    }
    return result;
  }
}

/** How ssh names a server in known_hosts: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(target: SshHostRef): string {
  return target.port === 22 ? target.host : `[${target.host}]:${target.port}`;
}

// The same host rules as a repository location (no "-option", no spaces or control characters).
function requireHost(target: SshHostRef): void {
  const bracketed = target.host.includes(':') ? `[${target.host}]` : target.host;
  const parsed = parseLocation(`ssh://${bracketed}:${target.port}/check`);
  if (!parsed.ok || parsed.location.host !== target.host) {
    throw new AppError(
      'InvalidInput',
      parsed.ok ? 'That is not a server name.' : parsed.problem.message,
      'Check the server name in the repository’s location.',
      parsed.ok
        ? { reason: 'notServerName' }
        : { reason: 'statedHost', params: { message: parsed.problem.message } },
    );
  }
}

function describe(target: SshHostRef): string {
  return target.port === 22 ? target.host : `${target.host} port ${target.port}`;
}

function toolMissing(file: string): AppError {
  return new AppError(
    'NotFound',
    `${path.basename(file)} is not installed, so Borgdesk cannot check the server’s key.`,
    'Install the OpenSSH client (package openssh-client), then try again.',
    { reason: 'installedBorgdeskCheckServer', params: { file: path.basename(file) } },
  );
}
