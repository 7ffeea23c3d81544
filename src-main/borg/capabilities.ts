/**
 * The capability table: what each borg release Borgdesk knows wants on its command line and prints
 * back, keyed by the detected version. Command builders (commands/*.ts) read it through
 * command-shape.ts; nothing else compares versions. Facts measured on recordings of borg 1.2.4,
 * 1.4.5, 2.0.0b5 and 2.0.0b19 (see __fixtures__/<version>/).
 */
import {
  BORG1_ARCHIVE_NAME_RULES,
  BORG2_ARCHIVE_NAME_RULES,
  type ArchiveNameRules,
} from '../model/archive-name-syntax.js';
import { borg2EncryptionModeSchema, encryptionModeSchema } from '../model/encryption.js';

/** A parsed `borg --version`. */
export interface BorgVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Pre-release tag such as "b14" or "rc1"; empty for releases. */
  readonly pre: string;
  /** As borg printed it, e.g. "2.0.0b14". */
  readonly text: string;
}

/** borg 1.x or borg 2's command names for repository-wide commands. */
export interface RepositoryCommandNames {
  /** Creates a repository: `init` (1.x), `repo-create` (2.0.0b10+), `rcreate` (older betas). */
  readonly create: string;
  /** Lists the archives: `list REPO` or `repo-list`. */
  readonly list: string;
  /** Repository totals: `info REPO` or `repo-info`. */
  readonly info: string;
  /** Deletes the whole repository: `delete REPO` or `repo-delete`. */
  readonly delete: string;
}

/** What a borg version supports; extend when a command needs a new distinction. */
export interface BorgCapabilities {
  /** The version the table was made for, e.g. "1.2.4". */
  readonly version: string;
  /** `borg compact` exists (1.2+); before that, compaction happened on every commit. */
  readonly hasCompact: boolean;
  /** `borg repo-create`, `repo-list`, `repo-info` and `-r REPO` replace init/list/info REPO (2.x). */
  readonly usesRepoCreate: boolean;
  /** Archive selection flag: `--glob-archives` (1.2/1.4) or `--match-archives` (2.x). */
  readonly archiveMatchFlag: '--glob-archives' | '--match-archives';
  /**
   * BORG_EXIT_CODES=modern is available (1.4+; borg 2's default). Borgdesk asks for legacy codes;
   * exit-codes.ts reads both forms, for a borg that answers in modern ones anyway.
   */
  readonly hasModernExitCodes: boolean;
  /** The repository as the last positional argument (1.x) or as `--repo=REPO` (2.x). */
  readonly repositoryArgument: 'positional' | 'option';
  /** One archive as `REPO::NAME` (1.x) or as a NAME positional beside `--repo` (2.x). */
  readonly archiveReference: 'repository-colons-name' | 'name-positional';
  /**
   * An archive whose id is known is addressed as `aid:<id>` (borg 2 from 2.0.0b10: names repeat in a
   * series, and `id:NAME` would match every archive of it); otherwise by its name.
   */
  readonly archiveById: boolean;
  /** Command names for repository-wide commands. */
  readonly repositoryCommands: RepositoryCommandNames;
  /**
   * How a plan's glob selects archives: `--glob-archives=GLOB` (1.x) or `--match-archives=sh:GLOB` (2.x).
   */
  readonly archiveMatch: 'glob-archives' | 'match-archives-sh';
  /** `-e/--encryption` modes the create command accepts, strongest first. */
  readonly encryptionModes: readonly string[];
  /** The create command refuses to run without `--encryption` (borg 2 has no default). */
  readonly encryptionRequired: boolean;
  /** `prune --list` line layout: action column width and whether the time carries a zone. */
  readonly pruneList: { readonly actionColumn: 40 | 44; readonly timeHasZone: boolean };
  /** Which sizes borg reports (borg 2 dropped compressed/deduplicated sizes and repository totals). */
  readonly stats: {
    readonly archiveCompressedSize: boolean;
    readonly archiveDeduplicatedSize: boolean;
    readonly repositoryTotals: boolean;
  };
  /** `delete` only marks archives (undelete possible until `compact`); 2.x. */
  readonly softDelete: boolean;
  /** Archive names are unique in a repository (1.x); borg 2 keeps series of equal names. */
  readonly uniqueArchiveNames: boolean;
  /** What a new archive name may be: length, refused characters, checkpoint endings. */
  readonly archiveNameRules: ArchiveNameRules;
  /**
   * `mount` of one archive shows it as a folder named after it (2.x mounts are repository views that
   * `--match-archives` filters, so a name that matches nothing mounts an empty folder); 1.x puts that
   * archive's files at the mount's root and fails for a missing archive.
   */
  readonly mountShowsArchiveFolders: boolean;
  /** `compact` logs "compaction freed about N repository space." (1.x); borg 2 does not. */
  readonly compactReportsFreedSpace: boolean;
  /** `list --json-lines` names a link's target `linktarget` (1.x) or `target` (2.x). */
  readonly itemLinkTargetKey: 'linktarget' | 'target';
  /** `extract --list` lines start with "+ " (written) or "- " (skipped) in 2.x; 1.x prints the path only. */
  readonly extractListStatus: boolean;
  /** `diff --json-lines` type of a mode change: `mode` (1.x) or `changed mode` (2.x). */
  readonly diffModeChangeType: 'mode' | 'changed mode';
  /** `--json`/`--json-lines` times (item mtime, archive start) end in the local UTC offset, e.g. "+01:00" (2.x). */
  readonly jsonTimesHaveZone: boolean;
  /** `check --repository-only --progress` reports progress (msgid repository.check); 2.0.0b19's does not. */
  readonly repositoryCheckProgress: boolean;
  /** `borg tag` sets and removes archive tags (2.x). */
  readonly hasTags: boolean;
  /** `borg repo-space` reserves emergency space in the repository (2.x). */
  readonly hasRepoSpace: boolean;
  /** `borg repo-compress` recompresses existing chunks (2.x). */
  readonly hasRepoCompress: boolean;
  /** `borg check --find-lost-archives` (2.x; 1.x rebuilds the manifest with `check --repair`). */
  readonly hasFindLostArchives: boolean;
  /** `repo-create --other-repo … --from-borg1` and `transfer --from-borg1` (2.x). */
  readonly hasTransferFromBorg1: boolean;
  /** Location schemes beside paths and ssh:// that this borg's borgstore knows, e.g. "sftp" (2.x). */
  readonly extraLocationSchemes: readonly string[];
  /**
   * How borg reads the path of `ssh://host/PATH`: `absolute` (1.x: /PATH, and borg serve expands a
   * leading /~/) or `home-relative` (2.x: PATH relative to the home folder, `ssh://host//abs` for an
   * absolute one). Borgdesk's locations mean what borg 1 reads; command-shape.ts translates.
   */
  readonly sshLocationPath: 'absolute' | 'home-relative';
  /**
   * How borg protects a key it creates or re-encrypts with the passphrase (the key's `algorithm`):
   * PBKDF2-SHA256 `sha256` (1.x), Argon2id + ChaCha20-Poly1305 (2.x; key-blob.ts cannot open those).
   */
  readonly keyAlgorithm: 'sha256' | 'argon2 chacha20-poly1305';
  /**
   * `borg serve` options (a server's authorized_keys) that let a key add backups but delete nothing:
   * `--append-only` (1.x); borg 2 has none of that name, its store permissions do it (`--permissions=no-delete`).
   */
  readonly serveNoDeleteOptions: readonly string[];
  /** Why Borgdesk's command line does not fit this release at all; undefined when it does. */
  readonly commandLineMismatch?: string;
}

/** True when the version is at least major.minor. */
export function isAtLeast(v: BorgVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

// `borg init --help` of 1.2/1.4 and `borg repo-create --help` of 2.0.0b19, recommended first.
const BORG1_ENCRYPTION = encryptionModeSchema.options;
const BORG2_ENCRYPTION = borg2EncryptionModeSchema.options;

/** The capability table, keyed by version. */
export function capabilitiesFor(v: BorgVersion): BorgCapabilities {
  return v.major >= 2 ? borg2Capabilities(v) : borg1Capabilities(v);
}

function borg1Capabilities(v: BorgVersion): BorgCapabilities {
  const is14 = isAtLeast(v, 1, 4);
  return {
    version: v.text,
    hasCompact: isAtLeast(v, 1, 2),
    usesRepoCreate: false,
    archiveMatchFlag: '--glob-archives',
    hasModernExitCodes: is14,
    repositoryArgument: 'positional',
    archiveReference: 'repository-colons-name',
    archiveById: false,
    repositoryCommands: { create: 'init', list: 'list', info: 'info', delete: 'delete' },
    archiveMatch: 'glob-archives',
    encryptionModes: BORG1_ENCRYPTION,
    encryptionRequired: false,
    pruneList: { actionColumn: is14 ? 44 : 40, timeHasZone: false },
    stats: { archiveCompressedSize: true, archiveDeduplicatedSize: true, repositoryTotals: true },
    softDelete: false,
    uniqueArchiveNames: true,
    archiveNameRules: BORG1_ARCHIVE_NAME_RULES,
    mountShowsArchiveFolders: false,
    compactReportsFreedSpace: true,
    itemLinkTargetKey: 'linktarget',
    extractListStatus: false,
    diffModeChangeType: 'mode',
    jsonTimesHaveZone: false,
    repositoryCheckProgress: true,
    hasTags: false,
    hasRepoSpace: false,
    hasRepoCompress: false,
    hasFindLostArchives: false,
    hasTransferFromBorg1: false,
    extraLocationSchemes: [],
    serveNoDeleteOptions: ['--append-only'],
    keyAlgorithm: 'sha256',
    sshLocationPath: 'absolute',
  };
}

// The betas before 2.0.0b10 (e.g. Debian 12's borg2 2.0.0b5) named the repository commands rcreate,
// rlist, rinfo, rdelete, took no NAME for info/delete and kept unique names; Borgdesk drives only
// the repo-* line.
function borg2Capabilities(v: BorgVersion): BorgCapabilities {
  const beta = /^b(\d+)$/.exec(v.pre);
  const oldBeta = v.major === 2 && v.minor === 0 && v.patch === 0 && beta !== null && Number(beta[1]) < 10;
  return {
    version: v.text,
    hasCompact: true,
    usesRepoCreate: true,
    archiveMatchFlag: '--match-archives',
    hasModernExitCodes: true,
    repositoryArgument: 'option',
    archiveReference: 'name-positional',
    archiveById: !oldBeta,
    repositoryCommands: oldBeta
      ? { create: 'rcreate', list: 'rlist', info: 'rinfo', delete: 'rdelete' }
      : { create: 'repo-create', list: 'repo-list', info: 'repo-info', delete: 'repo-delete' },
    archiveMatch: 'match-archives-sh',
    encryptionModes: BORG2_ENCRYPTION,
    encryptionRequired: true,
    pruneList: { actionColumn: 44, timeHasZone: true },
    stats: { archiveCompressedSize: false, archiveDeduplicatedSize: false, repositoryTotals: false },
    softDelete: !oldBeta,
    uniqueArchiveNames: oldBeta,
    archiveNameRules: BORG2_ARCHIVE_NAME_RULES,
    mountShowsArchiveFolders: true,
    compactReportsFreedSpace: oldBeta,
    itemLinkTargetKey: 'target',
    extractListStatus: true,
    diffModeChangeType: 'changed mode',
    jsonTimesHaveZone: true,
    repositoryCheckProgress: oldBeta,
    hasTags: !oldBeta,
    hasRepoSpace: !oldBeta,
    hasRepoCompress: !oldBeta,
    hasFindLostArchives: !oldBeta,
    hasTransferFromBorg1: true,
    // helpers/parseformat.py Location of 2.0.0b19 knows sftp:// and rclone: (no s3: yet); whether
    // borgstore can open them here is probed at start (location-backends.ts).
    extraLocationSchemes: oldBeta ? [] : ['sftp', 'rclone'],
    serveNoDeleteOptions: oldBeta ? ['--append-only'] : ['--permissions=no-delete'],
    keyAlgorithm: 'argon2 chacha20-poly1305',
    sshLocationPath: 'home-relative',
    ...(oldBeta && {
      commandLineMismatch: `borg ${v.text} is an early borg 2 beta (rcreate, rlist, rinfo); Borgdesk drives borg 2 from 2.0.0b10 on (repo-create, repo-list, repo-info).`,
    }),
  };
}

/** The table of Debian 12's borg 1.2.4: what a context without capabilities is driven as. */
export const BORG_1_2_CAPABILITIES: BorgCapabilities = capabilitiesFor({
  major: 1,
  minor: 2,
  patch: 4,
  pre: '',
  text: '1.2.4',
});
