/**
 * The borg command line a job runs, written the way a user could paste it into a POSIX shell. The
 * job log shows it so people can see (and learn) what Borgdesk asks borg to do. Arguments never
 * contain a passphrase: that goes to borg through a pipe (see borg/exec.ts).
 */
import { commonOptions } from '../../borg/common-options.js';
import { buildBorgEnv } from '../../borg/env.js';
import type { BorgContext } from '../../borg/exec.js';

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

/** What of a run's context its command line shows: the borg variables and common options it sets. */
export type CommandLineContext = Pick<
  BorgContext,
  'passphrase' | 'passcommand' | 'consentedPrompts' | 'folders' | 'lockWaitSeconds'
>;

/** Stands in for a variable whose value may be or lead to a secret. */
export const SECRET_PLACEHOLDER = '<hidden>';
// Set on every run for Borgdesk's own reading of borg (or the pipe it writes to): not what a user
// at a terminal needs, and pasting them would change nothing about what borg does to the repository.
const PLUMBING = new Set(['BORG_DISPLAY_PASSPHRASE', 'BORG_EXIT_CODES', 'BORG_PASSPHRASE_FD']);
// Borg's answers to its own questions: at a terminal borg asks the question itself (and remembers a
// yes in its security folder), so the pasted command needs none of them.
const PROMPT_ANSWER = /^BORG_\w+(?:_IS_OK|_I_KNOW_WHAT_I_AM_DOING)$/;
// Variables that carry a secret or say where one is; never shown with their value.
const SECRET = /PASS|KEY_?FILE|SECRET|TOKEN/;

/**
 * The borg variables a run sets that change what borg does (a folder, the passcommand), as
 * `NAME=value` assignments; a secret's value is replaced by a placeholder.
 */
function shownVariables(ctx: CommandLineContext): string[] {
  const env = buildBorgEnv(
    {},
    {
      passphraseOnFd: ctx.passphrase !== undefined,
      ...(ctx.passcommand === undefined ? {} : { passcommand: ctx.passcommand }),
      ...(ctx.consentedPrompts === undefined ? {} : { consentedPrompts: ctx.consentedPrompts }),
      folders: ctx.folders,
    },
  );
  return Object.entries(env)
    .filter(([name]) => name.startsWith('BORG_') && !PLUMBING.has(name) && !PROMPT_ANSWER.test(name))
    .map(([name, value]) => `${name}=${shellQuote(SECRET.test(name) ? SECRET_PLACEHOLDER : value)}`);
}

/**
 * The whole command line of a run: the borg variables that matter, `borg`, its common options and
 * `args`, each shell-quoted; `--log-json` (Borgdesk's plumbing) and every secret left out.
 */
export function commandLine(args: readonly string[], ctx: CommandLineContext = {}): string {
  return [...shownVariables(ctx), formatCommandLine([...commonOptions(ctx), ...args])].join(' ');
}

/** The first line of every job's and recorded operation's log: `Running: borg …`. */
export function runningLine(args: readonly string[], ctx: CommandLineContext = {}): string {
  return `Running: ${commandLine(args, ctx)}`;
}
