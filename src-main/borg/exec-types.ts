/** The options of a borg run (exec.ts): who runs it, with which secret, and what it returns. */
import type { BorgCapabilities } from './capabilities.js';
import type { BorgFolders } from './env.js';
import type { BorgLogEvent } from './log-json.js';

/** Who runs borg, with which secret, and who hears about it. */
export interface BorgContext {
  readonly borgPath: string;
  /**
   * What this borg's version wants on its command line (capabilities.ts); every command builder reads
   * it. Absent: borg 1.2's table (tests and callers that only ever drive Debian's 1.2.4).
   */
  readonly capabilities?: BorgCapabilities;
  /** Delivered through a pipe + BORG_PASSPHRASE_FD; never argv, never an env var. */
  readonly passphrase?: string;
  /** BORG_PASSCOMMAND, the user's own command; used only when no passphrase is given. */
  readonly passcommand?: string;
  /**
   * The other repository's passphrase for commands that open two (borg 2's `--other-repo`): a pipe
   * on fd 4 + BORG_OTHER_PASSPHRASE_FD, like `passphrase`.
   */
  readonly otherPassphrase?: string;
  /** BORG_OTHER_PASSCOMMAND, the other repository's own command; used only without otherPassphrase. */
  readonly otherPasscommand?: string;
  /** Abort => SIGINT (borg stops cleanly), then SIGTERM, then SIGKILL; rejects with code 'Cancelled'. */
  readonly signal?: AbortSignal;
  /** Every parsed stderr line, in order, as it arrives. */
  readonly onEvent?: (event: BorgLogEvent) => void;
  /** Borg questions the user answered yes to, for this run only (e.g. BORG_RELOCATED_REPO_ACCESS_IS_OK). */
  readonly consentedPrompts?: readonly string[];
  /** Called when borg rejects `passphrase` (msgid PassphraseWrong), before the run rejects. */
  readonly onPassphraseRejected?: () => void;
  /** Borg's own folders for this run (a throw-away keys/config/security/cache folder for a self-test). */
  readonly folders?: BorgFolders;
  /** `--lock-wait`: how long borg waits for a held repository lock before LockTimeout (its default is 1 s). */
  readonly lockWaitSeconds?: number;
  /** Borgdesk's own known_hosts (ssh-command.ts); without it ssh still fails fast but uses its default list. */
  readonly sshKnownHostsFile?: string;
  /** A private key for this repository's server (ssh -i, IdentitiesOnly). */
  readonly sshIdentityFile?: string;
  /** ssh's ConnectTimeout in seconds; default SSH_CONNECT_TIMEOUT_S (tests shorten it). */
  readonly sshConnectTimeoutSeconds?: number;
  /**
   * Work nobody waits for (background indexing): on Linux and macOS borg runs under `nice -n 10`, and
   * under `ionice -c3` (idle I/O class) where util-linux's ionice exists, so it yields CPU and disk.
   */
  readonly lowPriority?: boolean;
}

/** A run that ended with an accepted exit code. */
export interface BorgRunResult {
  /** In legacy form (0 or 1 for an accepted run), whichever form borg answered in. */
  readonly exitCode: number;
  /** Everything borg wrote to stdout; empty when onStdoutLine took the lines. */
  readonly stdout: string;
  /** WARNING log messages. */
  readonly warnings: readonly string[];
}

/** Per-command choices for one run. */
export interface RunBorgOptions {
  /** Exit codes that count as success; default [0]. `borg create` passes [0, 1] (1 = warnings). */
  readonly okExitCodes?: readonly number[];
  /** Receives each non-empty stdout line as it arrives (for `--json-lines`), instead of collecting stdout. */
  readonly onStdoutLine?: (line: string) => void;
  /** How long borg may take to stop after SIGINT before SIGTERM; SIGKILL follows 5 s later. */
  readonly killGraceMs?: number;
  /** Borg's working directory (`borg extract` writes into it); default: this process's. */
  readonly cwd?: string;
  /**
   * Text for borg's stdin, written and then closed (EOF). Only for borg's line-by-line dialogs that
   * have no fd or env route: `key change-passphrase` (getpass falls back to stdin without a terminal)
   * and `key import --paper` / `key import REPO -`. Without it stdin stays closed.
   */
  readonly stdin?: string;
}
