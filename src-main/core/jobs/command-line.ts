/**
 * The borg command line a job runs, written the way a user could paste it into a POSIX shell. The
 * job log shows it so people can see (and learn) what Borgdesk asks borg to do. Arguments never
 * contain a passphrase: that goes to borg through a pipe (see borg/exec.ts).
 */

// Characters that mean nothing special to sh, bash or zsh; anything else is single-quoted.
const SAFE = /^[A-Za-z0-9_\-.,/:=@%+]+$/;

/** One argument quoted for a POSIX shell: bare when safe, otherwise in single quotes. */
export function shellQuote(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  // Inside single quotes nothing is special except the quote itself: close, escape it, reopen.
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** `borg` followed by `args`, each quoted; `--log-json` is Borgdesk's plumbing and is left out. */
export function formatCommandLine(args: readonly string[]): string {
  return ['borg', ...args].map(shellQuote).join(' ');
}

/** What a command-line log line may say about how borg gets the passphrase (never the passphrase). */
export interface CommandLineSecrets {
  /** The repository's BORG_PASSCOMMAND, if any: named as used, its text left out. */
  readonly passcommand?: string;
}

/**
 * The first line of a job's log: `Running: borg …`. A passcommand is not a secret, but it may name a
 * secret's location or carry one inline, so the line says that one is used and leaves its text out.
 */
export function runningLine(args: readonly string[], secrets: CommandLineSecrets = {}): string {
  const line = `Running: ${formatCommandLine(args)}`;
  return secrets.passcommand === undefined ? line : `${line} (passphrase from the repository's passcommand)`;
}
