/**
 * The `authorized_keys` line that lets a key do nothing on the server but run `borg serve` on the
 * repository's path: `command="borg serve --restrict-to-path PATH",restrict KEY`.
 *
 * Two parsers read the line on the server, so the path is quoted twice: sshd takes the command
 * between the double quotes (inside them only `\"` is special: it stands for `"`), then hands it to
 * the user's shell, which reads the path as one word in single quotes. A home-relative path keeps
 * its leading `~/` outside the quotes so the shell expands it, as borg does for `/~/` locations.
 * Pure (imports only its siblings), so the renderer builds the same line.
 */
import { parseLocation } from './location-syntax.js';

/** What the line is built from. */
export interface AuthorizedKeysRequest {
  /** The repository location (ssh://… or user@host:path). */
  readonly location: string;
  /** One line from the key's `.pub` file. */
  readonly publicKey: string;
  /** Add `--append-only`: this key can add backups but not delete or prune them. */
  readonly appendOnly: boolean;
}

/** The line, or why there is none. */
export type AuthorizedKeysResult =
  | { readonly ok: true; readonly line: string; readonly restrictPath: string }
  | { readonly ok: false; readonly message: string; readonly remedy: string };

// Characters no POSIX shell treats specially in a word; anything else goes in single quotes.
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
const TILDE_USER = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
// The key types OpenSSH writes to `.pub` files, then the base64 blob and an optional comment.
const PUBLIC_KEY =
  /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-[a-z0-9]+|sk-[a-z0-9@.-]+) [A-Za-z0-9+/]+={0,2}( [^\r\n]*)?$/;

/** `word` as one shell word (single quotes, a quote inside written as '\''). */
export function shellWord(word: string): string {
  return PLAIN_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Builds the restricted line for `request`. */
export function authorizedKeysLine(request: AuthorizedKeysRequest): AuthorizedKeysResult {
  const publicKey = request.publicKey.trim();
  if (!PUBLIC_KEY.test(publicKey)) {
    return refuse(
      'This is not an OpenSSH public key line.',
      'Choose a key whose .pub file holds one line such as “ssh-ed25519 AAAA… comment”.',
    );
  }
  // borg 2 over sftp:// runs no borg on the server: the key must reach the sftp subsystem, so it
  // gets no command= (restrict still forbids forwarding and a terminal); restrictPath "" says so.
  const parsed = parseLocation(request.location.trim());
  if (parsed.ok && parsed.location.scheme === 'sftp')
    return { ok: true, line: `restrict ${publicKey}`, restrictPath: '' };
  const restrict = restrictPathOf(request.location);
  if (!restrict.ok) return restrict;
  const serve = `borg serve${request.appendOnly ? ' --append-only' : ''} --restrict-to-path ${restrict.restrictPath}`;
  const line = `command="${serve.replace(/"/g, '\\"')}",restrict ${publicKey}`;
  return { ok: true, line, restrictPath: restrict.restrictPath };
}

/** The repository's path on the server, written for the server's shell. */
export function restrictPathOf(
  location: string,
): { ok: true; restrictPath: string } | { ok: false; message: string; remedy: string } {
  const parsed = parseLocation(location.trim());
  if (!parsed.ok) return refuse(parsed.problem.message, parsed.problem.remedy);
  const where = parsed.location;
  if (where.scheme !== 'ssh') {
    return refuse(
      'This repository is not on a server reached over SSH, so it needs no SSH key.',
      'SSH keys are for locations such as ssh://user@host/path.',
    );
  }
  // ssh://host/path always starts with "/"; there "/~/x" and "/./x" mean x in the home folder.
  let rest = where.path;
  if (where.form === 'ssh-url') rest = rest.replace(/^\/(?=~|\.\/)/, '');
  rest = rest.replace(/^\.\//, '~/');
  if (rest !== '/') rest = rest.replace(/\/+$/, '');
  if (rest === '' || rest === '.') {
    return refuse(
      'The location names no folder on the server.',
      'Add the repository’s path, e.g. ssh://user@host/~/backups/repo.',
    );
  }
  if (rest === '~') return { ok: true, restrictPath: '~' };
  if (rest.startsWith('/')) return { ok: true, restrictPath: shellWord(rest) };
  const tilde = /^~([^/]*)(?:\/(.*))?$/.exec(rest);
  if (tilde === null) return { ok: true, restrictPath: `~/${shellWord(rest)}` };
  const user = tilde[1] ?? '';
  const below = tilde[2] ?? '';
  if (user !== '' && !TILDE_USER.test(user)) {
    return refuse(
      `“~${user}” is not a user name the server’s shell can expand.`,
      'Write the repository’s full path on the server, e.g. ssh://user@host/srv/backups/repo.',
    );
  }
  return { ok: true, restrictPath: below === '' ? `~${user}` : `~${user}/${shellWord(below)}` };
}

function refuse(message: string, remedy: string): { ok: false; message: string; remedy: string } {
  return { ok: false, message, remedy };
}
