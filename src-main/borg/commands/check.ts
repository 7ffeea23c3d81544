/**
 * `borg check --progress`: verifies a repository. Modes, each including the one before:
 * 'repository' = `--repository-only` (segment checksums and the index; fast, no key needed);
 * 'archives' = borg's default check (also archive metadata and chunk references);
 * 'verify-data' = `--verify-data` (also decrypts and verifies every chunk; slow).
 * Progress comes as progress_percent events (msgids "repository.check", "check.rebuild_refcounts",
 * "check.verify_data") on ctx.onEvent. Exit code 1 means problems were found (archiver.do_check);
 * they are the ERROR/WARNING log messages and make a result, not an exception. An IntegrityError
 * that stops the archives check (exit 2, see __fixtures__/check-damaged-archives-only.stderr.jsonl) is
 * a finding too. `--repair` is deliberately not offered.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import type { BorgLogEvent } from '../log-json.js';

/** How deep to check. */
export type CheckMode = 'repository' | 'archives' | 'verify-data';

/** What to check. */
export interface CheckOptions {
  location: string;
  mode: CheckMode;
  /**
   * Also look for archives missing from the archive list (borg 2's `--find-lost-archives`; they are
   * reported as "Would create archives directory entry for NAME ID." — without --repair nothing is
   * written). Ignored where the borg has no such option.
   */
  findLostArchives?: boolean;
}

/** The verdict: ok, or the problems borg reported (first lines of its messages, in order). */
export type CheckOutcome = { ok: true; problems: [] } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 200;
const MODE_FLAGS: Readonly<Record<CheckMode, readonly string[]>> = {
  repository: ['--repository-only'],
  archives: [],
  'verify-data': ['--verify-data'],
};

/** `check --progress [--repository-only | --verify-data] [--find-lost-archives] -- LOCATION`. */
export function buildCheckArgs(o: CheckOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  // borg reads the archive list only beyond the repository-only check.
  const findLost = o.findLostArchives === true && caps.hasFindLostArchives && o.mode !== 'repository';
  return [
    'check',
    '--progress',
    ...MODE_FLAGS[o.mode],
    ...(findLost ? ['--find-lost-archives'] : []),
    ...repositoryTail(caps, o.location),
  ];
}

/** Runs the check; failures to run it at all (missing repository, wrong passphrase, lock) reject. */
export async function runCheck(o: CheckOptions, ctx: BorgContext): Promise<CheckOutcome> {
  const problems = new ProblemList();
  const onEvent = (event: BorgLogEvent): void => {
    if (event.type === 'log_message' && event.level !== 'INFO' && event.level !== 'DEBUG') {
      problems.add(event.message, event.msgid);
    }
    ctx.onEvent?.(event);
  };
  try {
    // Check ignores SIGINT until it ends; SIGTERM stops it at once and releases the lock.
    const run = await runBorg(
      buildCheckArgs(o, capabilitiesOf(ctx)),
      { ...ctx, onEvent },
      {
        okExitCodes: [0, 1],
        killGraceMs: STOP_AT_ONCE_MS,
      },
    );
    if (run.exitCode === 0) return { ok: true, problems: [] };
  } catch (e) {
    if (!(e instanceof BorgError && e.code === 'RepositoryDamaged')) throw e;
  }
  const list = problems.list();
  return { ok: false, problems: list.length > 0 ? list : ['Borg reported problems without details.'] };
}

// Borg logs a traceback as a message of its own after the error; the job log keeps it, the verdict does not.
// Borg 2 announces it with "Local Exception" (msgid Exception) and starts it with "\nError:\n\n<the error>".
class ProblemList {
  private readonly items: string[] = [];
  private dropped = 0;

  add(message: string, msgid: string | undefined): void {
    if (msgid === 'Exception') return;
    const lines = message.split('\n').map((line) => line.trim());
    const first = lines.find((line) => line !== '' && line !== 'Error:') ?? '';
    if (first === '' || first.startsWith('Traceback (most recent call last)')) return;
    if (this.items.length < MAX_PROBLEMS) this.items.push(first);
    else this.dropped++;
  }

  list(): string[] {
    return this.dropped === 0
      ? [...this.items]
      : [...this.items, `… and ${this.dropped} more (see the job log).`];
  }
}
