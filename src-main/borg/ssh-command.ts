/**
 * The one BORG_RSH Borgdesk hands borg. Borg splits it with Python's shlex.split (remote.py
 * ssh_cmd) and appends `-p PORT user@host`, so every path here is quoted shlex-safe and nothing
 * typed by the user is ever part of it: host, user and port reach ssh as borg's own argv.
 *
 * The options make ssh fail fast and plainly instead of waiting for a person who is not there:
 * - BatchMode: never ask for a password or passphrase (there is no terminal; ssh-askpass could pop up).
 * - StrictHostKeyChecking=yes with Borgdesk's own known_hosts: an unknown server fails with a
 *   message Borgdesk turns into "Check the server's key…", instead of ssh asking or trusting it.
 * - ConnectTimeout covers the TCP connect and the banner exchange; ServerAliveInterval × CountMax
 *   ends a session whose server stopped answering: a silent server fails within 30 s.
 * - `-E <log>` with LogLevel=VERBOSE: ssh's own messages go to a file read after the run. Borg
 *   relays ssh's stderr as "Remote:" lines only when it reads them before it notices the closed
 *   connection, so they are often lost; the file always has them.
 */

/** How long ssh may take to connect and exchange banners, in seconds. */
export const SSH_CONNECT_TIMEOUT_S = 15;
/** Keep-alive: a probe every 10 s, give up after 2 unanswered (20 s, plus the probe in flight). */
export const SSH_ALIVE_INTERVAL_S = 10;
export const SSH_ALIVE_COUNT_MAX = 2;

/** What one borg run's ssh needs. */
export interface BorgRshOptions {
  /** Borgdesk's known_hosts; the only one ssh consults besides the system's /etc/ssh/ssh_known_hosts. */
  readonly knownHostsFile?: string | undefined;
  /** A private key only for this repository; ssh then offers no other key (IdentitiesOnly). */
  readonly identityFile?: string | undefined;
  /** Where ssh writes its own messages for this run (`-E`). */
  readonly logFile?: string | undefined;
  /** Overrides for tests that must not wait 15 s. */
  readonly connectTimeoutSeconds?: number | undefined;
}

/** The BORG_RSH string: `ssh` and its options, each word quoted for shlex.split. */
export function buildBorgRsh(options: BorgRshOptions): string {
  const connectTimeout = options.connectTimeoutSeconds ?? SSH_CONNECT_TIMEOUT_S;
  const words = [
    'ssh',
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `ConnectTimeout=${Math.max(1, Math.round(connectTimeout))}`,
    '-o',
    `ServerAliveInterval=${SSH_ALIVE_INTERVAL_S}`,
    '-o',
    `ServerAliveCountMax=${SSH_ALIVE_COUNT_MAX}`,
  ];
  if (options.knownHostsFile !== undefined) {
    // ssh splits this option's value at spaces and expands %-tokens and ~: quote it for ssh too.
    words.push('-o', `UserKnownHostsFile=${sshConfigQuote(options.knownHostsFile)}`);
  }
  if (options.identityFile !== undefined) {
    // -i expands %-tokens (and a leading ~) itself.
    words.push('-i', escapeTokens(options.identityFile), '-o', 'IdentitiesOnly=yes');
  }
  if (options.logFile !== undefined) words.push('-o', 'LogLevel=VERBOSE', '-E', options.logFile);
  return words.map(shlexQuote).join(' ');
}

/** Python's shlex.quote: safe words as they are, anything else in single quotes. */
export function shlexQuote(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}

/** A Python-compatible shlex.split for the subset shlexQuote produces (tests read BORG_RSH back). */
export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && /["\\$`]/.test(text[i + 1] ?? '')) current += text[++i] ?? '';
      else current += ch;
    } else if (/\s/.test(ch)) {
      if (current !== undefined) words.push(current);
      current = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current ??= '';
    } else if (ch === '\\') {
      current = (current ?? '') + (text[++i] ?? '');
    } else {
      current = (current ?? '') + ch;
    }
  }
  if (quote !== undefined) throw new Error('No closing quotation');
  if (current !== undefined) words.push(current);
  return words;
}

// ssh's own argument splitting (argv_split) honours double quotes and backslashes; %-tokens and a
// leading ~ are expanded afterwards, so "%" is doubled and the path is always absolute here.
function sshConfigQuote(file: string): string {
  return `"${escapeTokens(file).replace(/[\\"]/g, '\\$&')}"`;
}

function escapeTokens(file: string): string {
  return file.replace(/%/g, '%%');
}
