/**
 * The environment every borg child gets. Pure, so tests can prove what a child sees: no passphrase
 * in any variable, a UTF-8 locale (borg's JSON depends on it, see borg docs "JSON output"), and an
 * explicit answer to every known prompt so borg never waits for stdin.
 */
import path from 'node:path';

/** The fd that carries the passphrase pipe (stdio index 3 of the child). */
export const PASSPHRASE_FD = 3;

/**
 * The fd that carries the other repository's passphrase (stdio index 4) for the commands that open
 * two repositories (borg 2's `repo-create --other-repo`, `transfer`): BORG_OTHER_PASSPHRASE_FD.
 */
export const OTHER_PASSPHRASE_FD = 4;

/**
 * Borg 1.2/1.4 prompts answered through these env vars (borg docs, "Environment Variables"), with
 * the answer borg takes as "yes". Without the user's consent we answer "no".
 */
export const KNOWN_PROMPTS: Readonly<Record<string, string>> = {
  BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
  BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
  BORG_CHECK_I_KNOW_WHAT_I_AM_DOING: 'YES',
  // `borg delete` of a whole repository only accepts exactly "YES".
  BORG_DELETE_I_KNOW_WHAT_I_AM_DOING: 'YES',
};

/** Secrets a parent may hold for its own use; a child only ever gets the one we hand it. */
export const BORG_SECRET_VARS: readonly string[] = [
  'BORG_PASSPHRASE',
  'BORG_NEW_PASSPHRASE',
  'BORG_PASSCOMMAND',
  'BORG_PASSPHRASE_FD',
  'BORG_OTHER_PASSPHRASE',
  'BORG_OTHER_PASSCOMMAND',
  'BORG_OTHER_PASSPHRASE_FD',
];
const PROMPT_VAR = /^BORG_\w+(?:_IS_OK|_I_KNOW_WHAT_I_AM_DOING)$/;

/** Borg's folder variables a run may point elsewhere (borg docs, "Environment Variables"). */
export interface BorgFolders {
  readonly BORG_KEYS_DIR?: string;
  readonly BORG_SECURITY_DIR?: string;
  readonly BORG_CONFIG_DIR?: string;
  readonly BORG_CACHE_DIR?: string;
}

/** How the child gets its passphrase, if at all. */
export interface BorgEnvOptions {
  /** True when the passphrase is written to the pipe on fd 3. */
  readonly passphraseOnFd?: boolean;
  /** The user's own passphrase command (BORG_PASSCOMMAND); ignored when passphraseOnFd is true. */
  readonly passcommand?: string;
  /** True when the other repository's passphrase is written to the pipe on fd 4. */
  readonly otherPassphraseOnFd?: boolean;
  /** The other repository's passphrase command (BORG_OTHER_PASSCOMMAND); ignored when otherPassphraseOnFd. */
  readonly otherPasscommand?: string;
  /** Prompt env vars the user agreed to in the UI. */
  readonly consentedPrompts?: readonly string[];
  /** Folder variables that replace the parent's for this child. */
  readonly folders?: BorgFolders | undefined;
  /** BORG_RSH for this child (ssh-run.ts); undefined keeps the parent's. */
  readonly rsh?: string | undefined;
  /**
   * The folder the borg binary is in, appended to PATH when missing from it. A borg found outside
   * PATH (Homebrew's, when the Finder gave the app only /usr/bin:/bin:/usr/sbin:/sbin) then finds
   * what the same package manager installed beside it: rclone for rclone: repositories, a
   * BORG_PASSCOMMAND's program. Appended, so the system's ssh in /usr/bin still comes first.
   */
  readonly borgDir?: string | undefined;
}

/** `pathEnv` with `dir` at its end, unless it is on it already (or is no absolute folder). */
export function pathWith(pathEnv: string | undefined, dir: string): string | undefined {
  if (!path.isAbsolute(dir)) return pathEnv;
  const dirs = (pathEnv ?? '').split(path.delimiter).filter((entry) => entry !== '');
  if (dirs.includes(dir)) return pathEnv;
  return [...dirs, dir].join(path.delimiter);
}

/** Builds the child's complete environment from the parent's (nothing is inherited beyond this). */
export function buildBorgEnv(parentEnv: NodeJS.ProcessEnv, options: BorgEnvOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(parentEnv)) {
    if (value === undefined || BORG_SECRET_VARS.includes(key) || PROMPT_VAR.test(key)) continue;
    env[key] = value;
  }
  const widenedPath = options.borgDir === undefined ? undefined : pathWith(env.PATH, options.borgDir);
  if (widenedPath !== undefined) env.PATH = widenedPath;
  env.LANG = 'C.UTF-8';
  env.LC_ALL = 'C.UTF-8';
  env.BORG_DISPLAY_PASSPHRASE = 'no';
  // Borg 1.2 ignores this variable; 1.4 would otherwise switch to its new exit codes if the user set "modern".
  env.BORG_EXIT_CODES = 'legacy';
  const consented = new Set(options.consentedPrompts ?? []);
  for (const [name, yes] of Object.entries(KNOWN_PROMPTS)) env[name] = consented.has(name) ? yes : 'no';
  for (const name of consented) if (!(name in KNOWN_PROMPTS) && PROMPT_VAR.test(name)) env[name] = 'YES';
  for (const [name, dir] of Object.entries(options.folders ?? {})) if (dir) env[name] = dir;
  if (options.rsh !== undefined) env.BORG_RSH = options.rsh;
  if (options.passphraseOnFd) env.BORG_PASSPHRASE_FD = String(PASSPHRASE_FD);
  else if (options.passcommand !== undefined && options.passcommand !== '')
    env.BORG_PASSCOMMAND = options.passcommand;
  if (options.otherPassphraseOnFd) env.BORG_OTHER_PASSPHRASE_FD = String(OTHER_PASSPHRASE_FD);
  else if (options.otherPasscommand !== undefined && options.otherPasscommand !== '')
    env.BORG_OTHER_PASSCOMMAND = options.otherPasscommand;
  return env;
}
