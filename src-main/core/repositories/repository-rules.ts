/** Small rules of the repository service: input checks, its error messages, archive ordering. */
import type { ArchiveSummary } from '../../model/archive.js';
import { isBorgError } from '../../borg/errors.js';
import { AppError } from '../app-error.js';
import { parseLocation } from '../../model/location-syntax.js';

/** The trimmed name, or an InvalidInput error when it is blank. */
export function requireName(raw: string): string {
  const name = raw.trim();
  if (name === '')
    throw new AppError('InvalidInput', 'Give the repository a name.', 'For example “Laptop backups”.', {
      reason: 'giveRepositoryName',
    });
  return name;
}

/** The error for a repository that needs a passphrase nobody gave. */
export function passphraseRequired(name: string): AppError {
  return new AppError(
    'PassphraseRequired',
    `The repository “${name}” is encrypted and needs its passphrase.`,
    'Enter the passphrase that was chosen when the repository was created.',
    { reason: 'repositoryEncryptedNeedsPassphrase', params: { name } },
  );
}

/** A run for an encrypted repository whose passphrase Borgdesk does not hold (never given, forgotten, or rejected). */
export function repositoryLocked(name: string): AppError {
  return new AppError(
    'PassphraseRequired',
    `The repository “${name}” is locked: Borgdesk does not hold its passphrase.`,
    'Unlock it with its passphrase, and tick “Remember the passphrase on this computer” so scheduled backups run after a restart.',
    { reason: 'repositoryLockedBorgdeskHold', params: { name } },
  );
}

/**
 * Refuses a stored repository whose location the parser rejects (e.g. one planted in
 * repositories.json), so no borg or ssh ever runs for it; checked before every borg run.
 */
export function requireUsableLocation(repo: { readonly name: string; readonly location: string }): void {
  const parsed = parseLocation(repo.location);
  if (parsed.ok) return;
  throw new AppError(
    'InvalidInput',
    `Borgdesk will not use the location of “${repo.name}”. ${parsed.problem.message}`,
    'Remove this repository from Borgdesk and add it again with the correct location. Its backups are not touched.',
    { reason: 'borgdeskWillUseLocation', params: { name: repo.name, message: parsed.problem.message } },
  );
}

/** The error for a location that is already registered. */
export function duplicateLocation(location: string, name: string): AppError {
  return new AppError(
    'DuplicateRepository',
    `${location} is already in Borgdesk as “${name}”.`,
    'Pick that repository from the list instead of adding it again.',
    { reason: 'alreadyBorgdesk', params: { location, name } },
  );
}

/**
 * Archives newest first. Borg lists them oldest first and `borg info` rounds times to the second,
 * so ties keep borg's order reversed: reverse first, then a stable sort by time.
 */
export function sortNewestFirst(archives: readonly ArchiveSummary[]): ArchiveSummary[] {
  const key = (a: ArchiveSummary): number => Date.parse(a.start) || 0;
  return [...archives].reverse().sort((a, b) => key(b) - key(a));
}

/** True when two ISO times fall in the same second (`borg info` rounds, `borg create --json` does not). */
export function sameSecond(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);
}

// The only questions adding a repository may meet (borg docs, Environment Variables).
const QUESTIONS_ON_ADD = ['BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK', 'BORG_RELOCATED_REPO_ACCESS_IS_OK'];

/** The user's yes answers that adding a repository passes to borg; any other consent is dropped. */
export function answerableOnAdd(prompts: readonly string[] | undefined): string[] {
  return (prompts ?? []).filter((p) => QUESTIONS_ON_ADD.includes(p));
}

/**
 * For unlocking: borg asks its questions (moved, unknown unencrypted) only after the passphrase
 * opened the key, so a question means the passphrase is right. The question itself comes up when
 * the repository is read next, where the user can answer it.
 */
export function keyOpened(e: unknown): void {
  if (isBorgError(e) && e.code === 'PromptRefused') return;
  throw e;
}
