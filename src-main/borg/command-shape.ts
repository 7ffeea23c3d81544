/**
 * The parts of a borg command line that differ between borg 1.x and borg 2, built from the
 * capability table (capabilities.ts) so command modules never compare versions. For borg 1.x every
 * helper returns exactly the argv Borgdesk always used (`-- REPO`, `-- REPO::NAME`, `--glob-archives=`).
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from './capabilities.js';

/** The table a run uses; a context without one is driven as borg 1.2. */
export function capabilitiesOf(ctx: {
  readonly capabilities?: BorgCapabilities | undefined;
}): BorgCapabilities {
  return ctx.capabilities ?? BORG_1_2_CAPABILITIES;
}

/**
 * Ends a repository-wide command: `-- REPO` (1.x), `--repo=REPO` (2.x; a lone trailing `--` makes
 * borg 2's parser fail).
 */
export function repositoryTail(caps: BorgCapabilities, location: string): string[] {
  return caps.repositoryArgument === 'option' ? [repoOption(caps, location)] : ['--', location];
}

/**
 * The location as this borg reads it. Borgdesk's ssh:// locations mean what borg 1 reads:
 * `ssh://host/abs/path` from the root, `ssh://host/~/path` in the home folder. Borg 2 reads what
 * follows the host's "/" as the path itself, relative to the home folder (helpers/parseformat.py
 * ssh_or_sftp_re), so an absolute path gets a second slash and "~/" goes.
 */
export function borgLocation(caps: BorgCapabilities, location: string): string {
  if (caps.sshLocationPath !== 'home-relative') return location;
  const match = /^(ssh:\/\/[^/]+)\/(.*)$/.exec(location);
  if (!match) return location;
  const [, host = '', path = ''] = match;
  if (path.startsWith('~/')) return `${host}/${path.slice(2)}`;
  return path.startsWith('/') ? location : `${host}//${path}`;
}

function repoOption(caps: BorgCapabilities, location: string): string {
  return `--repo=${borgLocation(caps, location)}`;
}

/**
 * One existing archive: its name, and its id where the caller knows it. Borg 2 keeps series of
 * archives with the same name, so there the id is what tells them apart (see archiveSelector).
 */
export interface ArchiveTarget {
  readonly archiveName: string;
  readonly archiveId?: string | undefined;
}

/** A bare name or a target: the commands take either. */
export type ArchiveRefLike = string | ArchiveTarget;

function targetOf(archive: ArchiveRefLike): ArchiveTarget {
  return typeof archive === 'string' ? { archiveName: archive } : archive;
}

// Borg archive ids are 64 hex digits; anything else is never sent as `aid:` (it would be a pattern).
const ARCHIVE_ID = /^[0-9a-f]{64}$/;

/**
 * How borg 2 is told which archive: `aid:<id>` when the table addresses archives by id and the id is
 * known, otherwise `id:NAME` (an exact name, so "sh:x" or "aid:1" are read as names).
 */
export function archiveSelector(caps: BorgCapabilities, archive: ArchiveRefLike): string {
  const target = targetOf(archive);
  const id = target.archiveId;
  if (caps.archiveById && id !== undefined && ARCHIVE_ID.test(id)) return `aid:${id}`;
  return archiveMatchExact(target.archiveName);
}

/**
 * Ends a command about an existing archive: `-- REPO::NAME REST…` (1.x), `--repo=REPO -- SELECTOR
 * REST…` (2.x, see archiveSelector).
 */
export function archiveTail(
  caps: BorgCapabilities,
  location: string,
  archive: ArchiveRefLike,
  rest: readonly string[] = [],
): string[] {
  if (caps.archiveReference === 'name-positional') {
    return [repoOption(caps, location), '--', archiveSelector(caps, archive), ...rest];
  }
  return ['--', `${location}::${targetOf(archive).archiveName}`, ...rest];
}

/** Ends `create`: `-- REPO::NAME PATHS…` (1.x), `--repo=REPO -- NAME PATHS…` (2.x; a new name is no pattern). */
export function newArchiveTail(
  caps: BorgCapabilities,
  location: string,
  archiveName: string,
  rest: readonly string[],
): string[] {
  if (caps.archiveReference === 'name-positional')
    return [repoOption(caps, location), '--', archiveName, ...rest];
  return ['--', `${location}::${archiveName}`, ...rest];
}

/** A second archive in the same repository (diff's B; rename's new name stays literal): `B`, `id:B` or `aid:…`. */
export function otherArchive(caps: BorgCapabilities, archive: ArchiveRefLike): string {
  return caps.archiveReference === 'name-positional'
    ? archiveSelector(caps, archive)
    : targetOf(archive).archiveName;
}

/** Selects a plan's archives by a shell glob: `--glob-archives=GLOB` (1.x), `--match-archives=sh:GLOB` (2.x). */
export function archiveGlobOption(caps: BorgCapabilities, glob: string): string {
  return caps.archiveMatch === 'match-archives-sh'
    ? `--match-archives=sh:${glob}`
    : `--glob-archives=${glob}`;
}

/** Selects exactly one archive by name with `--match-archives` (borg 2's mount, for example). */
export function archiveMatchExact(archiveName: string): string {
  return `id:${archiveName}`;
}

// Borg 2 renamed the 1.x modes after their cipher; these are the ones with the same key handling.
const BORG2_MODE_FOR: Readonly<Record<string, string>> = {
  repokey: 'repokey-aes-ocb',
  'repokey-blake2': 'repokey-blake2-aes-ocb',
  keyfile: 'keyfile-aes-ocb',
  'keyfile-blake2': 'keyfile-blake2-aes-ocb',
};

/**
 * The `--encryption` value this borg accepts for a mode Borgdesk offers: the mode itself when the
 * table lists it, otherwise borg 2's AES-OCB mode with the same key handling (repokey → repokey-aes-ocb).
 */
export function encryptionModeFor(caps: BorgCapabilities, mode: string): string {
  if (caps.encryptionModes.includes(mode)) return mode;
  const mapped = BORG2_MODE_FOR[mode];
  return mapped !== undefined && caps.encryptionModes.includes(mapped) ? mapped : mode;
}
