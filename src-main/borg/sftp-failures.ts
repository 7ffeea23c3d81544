/**
 * Why borg 2 could not open an sftp:// or rclone: repository, read from the exception it logs
 * (msgid "Exception" or "Error"; the sftp connection is paramiko's, not ssh's, so ssh-failures.ts
 * never sees an ssh log). Texts of paramiko 2.12 and borgstore 0.3 as recorded against the tests'
 * own sshd (sftp.integration.test.ts); the causes reuse the ssh codes, so the host-key check and the
 * remedies are the same as for ssh://.
 */
import type { FailureCause } from './failure-causes.js';
import { hostKeyChanged, hostKeyUnknown, withHost, type SshFailureCause } from './ssh-failures.js';

const NOT_KNOWN = /SSHException: Server '([^']+)' not found in known_hosts/;
const MISMATCH = /BadHostKeyException: Host key for server '([^']+)' does not match/;
const UNSUPPORTED_URL = /Invalid or unsupported Backend Storage URL: (sftp|rclone):/;

/** The cause named in borg's error texts for an sftp/rclone location, or undefined. */
export function sftpFailureCause(errors: readonly string[]): SshFailureCause | undefined {
  const text = errors.join('\n');
  const unsupported = UNSUPPORTED_URL.exec(text);
  if (unsupported !== null) return backendMissing(unsupported[1] === 'rclone' ? 'rclone' : 'sftp');
  if (/rclone binary not found on the path/.test(text)) return backendMissing('rclone');
  // paramiko names the changed server without its port, so only a bracketed name is a host to check.
  const changed = MISMATCH.exec(text);
  if (changed !== null)
    return changed[1]?.startsWith('[') ? withHost(hostKeyChanged, changed[1]) : hostKeyChanged;
  const unknown = NOT_KNOWN.exec(text);
  if (unknown !== null) return withHost(hostKeyUnknown, unknown[1]);
  if (/AuthenticationException|No authentication methods available|Authentication failed/.test(text)) {
    return {
      code: 'SshAuthenticationFailed',
      message: 'The sftp server refused the login: it did not accept this computer’s ssh key.',
      remedy:
        'Check the user name in the location, and that the public key of the key chosen for this repository is in the server’s ~/.ssh/authorized_keys. Borgdesk never asks for a password.',
      reason: 'sftpServerRefusedLogin',
    };
  }
  if (/NoValidConnectionsError|Unable to connect to port \d+|Connection refused/.test(text)) {
    return {
      code: 'SshConnectionRefused',
      message: 'The server refused the connection: nothing answers on that port.',
      remedy:
        'Check the port in the location (sftp uses 22 unless you give another), and that the server runs its ssh service.',
      reason: 'serverRefusedConnectionNothing',
    };
  }
  if (/gaierror|Name or service not known|Temporary failure in name resolution/.test(text)) {
    return {
      code: 'SshHostNotFound',
      message: 'The server name in the location was not found.',
      remedy: 'Check the spelling of the server name in the location, and that this computer is online.',
    };
  }
  if (/Error reading SSH protocol banner|timed out/i.test(text)) {
    return {
      code: 'SshTimedOut',
      message: 'The server did not answer in time (or what answers is not an ssh server).',
      remedy: 'Check that the server is reachable from this network, and the port in the location.',
      reason: 'serverDidAnswerTime',
    };
  }
  if (/SFTPError|Failure: .*[Ss]ubsystem|EOFError/.test(text) && /sftp/.test(text)) {
    return {
      code: 'SshNotSshServer',
      message: 'The server accepted the login but offers no sftp.',
      remedy: 'Enable sftp on the server (in OpenSSH: “Subsystem sftp internal-sftp” in sshd_config).',
      reason: 'serverAcceptedLoginOffers',
    };
  }
  return undefined;
}

function backendMissing(scheme: 'sftp' | 'rclone'): FailureCause {
  return {
    code: 'UnsupportedRepository',
    message:
      scheme === 'sftp'
        ? 'This borg cannot open sftp:// locations: its Python lacks the paramiko module.'
        : 'This borg cannot open rclone: locations: the rclone program is not installed (or too old).',
    remedy:
      scheme === 'sftp'
        ? 'Install paramiko for the Python borg runs with (Debian: apt install python3-paramiko), then try again.'
        : 'Install rclone 1.57 or newer (Debian: apt install rclone), then try again.',
    reason: scheme === 'sftp' ? 'sftpBackendMissing' : 'rcloneBackendMissing',
  };
}
