/**
 * Why an ssh connection to a borg server failed, read from what ssh said: its own log (`-E`, see
 * ssh-command.ts) and the "Remote: " lines borg relays from the server's stderr. Borg itself only
 * knows "Connection closed by remote host" for all of them. The texts are OpenSSH's (portable
 * 8.x/9.x, unchanged for years); recorded examples: __fixtures__/ssh-*.txt (ssh.integration.test.ts).
 */
import type { FailureCause } from './failure-causes.js';

/** The server an ssh message is about, as ssh named it (after ~/.ssh/config), for the key check. */
export interface SshHost {
  readonly host: string;
  readonly port: number;
}

/** A cause with the host it concerns (for the host-key codes). */
export interface SshFailureCause extends FailureCause {
  readonly sshHost?: SshHost;
}

// "[127.0.0.1]:2222" or "example.org" (port 22), as ssh prints a known_hosts name.
const HOST_NAME = String.raw`(\[[^\]\s]+\]:\d+|[^\s\[\]]+)`;
const UNKNOWN_KEY = new RegExp(
  String.raw`No \S+ host key is known for ${HOST_NAME} and you have requested strict checking`,
);
const CHANGED_KEY = new RegExp(
  String.raw`Host key for ${HOST_NAME} has changed and you have requested strict checking`,
);

/** The cause ssh's lines name, or undefined when they name none (the caller keeps its own words). */
export function sshFailureCause(lines: readonly string[]): SshFailureCause | undefined {
  const text = lines.map((line) => line.replace(/^Remote: /, '')).join('\n');
  const changed = CHANGED_KEY.exec(text) ?? (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(text) ? [] : null);
  if (changed !== null) return withHost(hostKeyChanged, changed[1]);
  const unknown = UNKNOWN_KEY.exec(text);
  if (unknown !== null) return withHost(hostKeyUnknown, unknown[1]);
  if (/Host key verification failed/.test(text)) return hostKeyUnknown;
  const resolve = /Could not resolve hostname ([^:\s]+)/.exec(text);
  if (resolve !== null) {
    return {
      code: 'SshHostNotFound',
      message: `The server name “${resolve[1] ?? ''}” was not found.`,
      remedy: 'Check the spelling of the server name in the location, and that this computer is online.',
      reason: 'namedHostNotFound',
      params: { host: resolve[1] ?? '' },
    };
  }
  if (/port \d+: Connection refused/.test(text)) {
    return {
      code: 'SshConnectionRefused',
      message: 'The server refused the connection: nothing answers on that port.',
      remedy:
        'Check the port in the location (ssh uses 22 unless you give another), and that the server runs its ssh service.',
    };
  }
  if (/timed out|Timeout, server .* not responding|Connection timed out/i.test(text)) {
    return {
      code: 'SshTimedOut',
      message: 'The server did not answer in time.',
      remedy:
        'Check that the server is switched on and reachable from this network (a VPN may be needed), and the port in the location.',
    };
  }
  if (/No route to host|Network is unreachable/.test(text)) {
    return {
      code: 'SshTimedOut',
      message: 'The server cannot be reached from this network.',
      remedy: 'Check the network connection (a VPN may be needed) and the server name in the location.',
      reason: 'serverReachedNetwork',
    };
  }
  if (/kex_exchange_identification|banner line contains invalid characters|Bad protocol version/.test(text)) {
    return {
      code: 'SshNotSshServer',
      message: 'Something answered on that port, but it is not an ssh server.',
      remedy: 'Check the port in the location: the server’s ssh port is usually 22.',
    };
  }
  if (/Permission denied \(|Too many authentication failures|Authentication failed/.test(text)) {
    return {
      code: 'SshAuthenticationFailed',
      message: 'The server refused the login: it did not accept this computer’s ssh key.',
      remedy:
        'Check the user name in the location, and that this computer’s public key is in the server’s ~/.ssh/authorized_keys. Borgdesk never asks for an ssh password.',
    };
  }
  if (
    /\bborg(?:\.exe)?: (?:command )?not found|\bborg: No such file or directory|\bborg(?:\.exe)?\S*: not found/.test(
      text,
    )
  ) {
    return borgNotOnServer;
  }
  return undefined;
}

/**
 * The cause when ssh logged in and the connection still closed at once with no word why: borg did
 * not start on the server (not installed, not in the PATH of a non-interactive login, or a forced
 * command that runs something else). Borg relays the server's "command not found" only sometimes.
 */
export function closedAfterLogin(lines: readonly string[]): SshFailureCause | undefined {
  return lines.some((line) => /^Authenticated to /.test(line)) ? borgNotOnServer : undefined;
}

const borgNotOnServer: SshFailureCause = {
  code: 'BorgNotOnServer',
  message: 'Borg did not start on the server: it is not installed there, or not where ssh looks for it.',
  remedy:
    'Install borg on the server (the same major version as here). If it is installed, make sure it is in the PATH of a non-interactive ssh login, and that a command= in the server’s authorized_keys runs “borg serve”.',
};

export const hostKeyUnknown: SshFailureCause = {
  code: 'SshHostKeyUnknown',
  message: 'Borgdesk has not connected to this server before, so it does not know its key yet.',
  remedy: 'Check the server’s key and accept it if it matches what the server’s owner tells you.',
};

export const hostKeyChanged: SshFailureCause = {
  code: 'SshHostKeyChanged',
  message:
    'WARNING: the server’s key has changed since Borgdesk last connected. Someone could be intercepting the connection.',
  remedy:
    'Do not continue unless you know why the key changed (for example, the server was reinstalled). Ask the server’s owner for its new fingerprint, then replace the key.',
};

export function withHost(cause: SshFailureCause, name: string | undefined): SshFailureCause {
  const sshHost = name === undefined ? undefined : parseKnownHostsName(name);
  return sshHost === undefined ? cause : { ...cause, sshHost };
}

/** "[host]:port" or "host" as ssh writes it into known_hosts, split; undefined for anything else. */
export function parseKnownHostsName(name: string): SshHost | undefined {
  const bracketed = /^\[([^\]]+)\]:(\d{1,5})$/.exec(name);
  if (bracketed !== null) return { host: bracketed[1] ?? '', port: Number(bracketed[2]) };
  return /^[^\s[\]]+$/.test(name) ? { host: name, port: 22 } : undefined;
}
