/**
 * `borg repo-space` (borg 2): space kept in the repository for emergencies. Borg can't lock a
 * repository on a full disk, so it can't prune, delete or compact there; freeing the reserved
 * objects gives it room to do so. borg prints (to stdout, even with --log-json) "There is 67.11 MB
 * reserved space in this repository[ now]." and, after --free, "Freed 67.11 MB in repository."
 * (decimal units), see __fixtures__/2.0.0b19/repo-space-*.stdout.txt. Reserving adds to nothing
 * already reserved: borg keeps what is there, so a new amount needs --free first.
 */
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';

/** What to do with the reserved space. */
export type RepoSpaceAction =
  | { readonly kind: 'show' }
  | { readonly kind: 'free' }
  /** `amount` as borg reads it: a whole number with an optional K/M/G/T suffix, e.g. "1G". */
  | { readonly kind: 'reserve'; readonly amount: string };

/** Which repository and what to do. */
export interface RepoSpaceOptions {
  readonly location: string;
  readonly action: RepoSpaceAction;
}

/** The reserved space after the command, in bytes. */
export interface RepoSpaceOutcome {
  readonly reservedBytes: number;
}

/** Amounts Borgdesk passes to `--reserve`: 1 to 4 digits and a unit. */
export const RESERVE_AMOUNT = /^[1-9]\d{0,3}[MG]$/;

const RESERVED = /There is (-?[\d.]+) ([kMGTPEZY]?)B reserved space in this repository/;
const POWERS: Readonly<Record<string, number>> = { '': 0, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

/** `repo-space [--free | --reserve=AMOUNT] --repo=LOCATION`; only borg 2 has the command. */
export function buildRepoSpaceArgs(
  o: RepoSpaceOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (!caps.hasRepoSpace) throw notSupported(caps);
  const action =
    o.action.kind === 'free'
      ? ['--free']
      : o.action.kind === 'reserve'
        ? [`--reserve=${o.action.amount}`]
        : [];
  return ['repo-space', ...action, ...repositoryTail(caps, o.location)];
}

/** The reserved bytes borg printed ("There is 1.01 GB reserved space …"); 0 after "Freed …"; undefined otherwise. */
export function parseReservedSpace(stdout: string): number | undefined {
  const match = RESERVED.exec(stdout);
  if (match) {
    const power = POWERS[match[2] ?? ''];
    const value = Number(match[1]);
    return power === undefined || !Number.isFinite(value) ? undefined : Math.round(value * 1000 ** power);
  }
  return /^Freed [\d.]+ [kMGTPEZY]?B in repository\./m.test(stdout) ? 0 : undefined;
}

/** Shows, frees or reserves the emergency space. */
export async function runRepoSpace(o: RepoSpaceOptions, ctx: BorgContext): Promise<RepoSpaceOutcome> {
  if (o.action.kind === 'reserve' && !RESERVE_AMOUNT.test(o.action.amount)) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: `“${o.action.amount}” is not an amount of space Borgdesk can reserve.`,
      remedy: 'Choose an amount such as 500M or 1G.',
      reason: 'amountSpaceBorgdeskReserve',
      params: { amount: o.action.amount },
    });
  }
  const run = await runBorg(buildRepoSpaceArgs(o, capabilitiesOf(ctx)), ctx);
  const reservedBytes = parseReservedSpace(run.stdout);
  if (reservedBytes === undefined) {
    throw new BorgError({
      code: 'UnexpectedOutput',
      message: 'Borg did not say how much space is reserved in the repository.',
      remedy: 'See the job log; please report this if it keeps happening.',
      reason: 'borgDidSayHow',
    });
  }
  return { reservedBytes };
}

function notSupported(caps: BorgCapabilities): BorgError {
  return new BorgError({
    code: 'InvalidArguments',
    message: `borg ${caps.version} cannot reserve space in a repository (that is borg 2’s repo-space).`,
    remedy: 'Use borg 2 for this repository (Settings → Path to borg).',
    reason: 'borgReserveSpaceRepository',
    params: { version: caps.version },
  });
}
