/**
 * Real causes hidden in what a failed borg run logged. Borg 1.2 reports operating-system errors it
 * does not expect as msgid "Exception" with a Python traceback (a full disk, a read-only drive, a
 * borg 2 repository), and folds some into other msgids (LockFailed names the errno it hit). These
 * rules read the errno and the traceback's frames, so the user gets the cause, not "unexpected
 * error". Recorded examples: __fixtures__/error-*.stderr.jsonl (record-failure-fixtures.sh).
 */
import type { ErrorParams } from '../model/errors.js';
import type { BorgErrorCode } from './error-catalog.js';

/** Which disk a "no space left" (ENOSPC) hit. */
export type FullDisk = 'repository' | 'cache' | 'unknown';

/** A cause with the words the UI shows: a BorgError's fields but the msgid and exit code. */
export interface FailureCause {
  readonly code: BorgErrorCode;
  readonly message: string;
  readonly remedy?: string;
  /** The variant of `code` the UI words (`errors:<code>.reasons.<reason>`), when not the code's own words. */
  readonly reason?: string;
  /** The values the UI's sentence needs. */
  readonly params?: ErrorParams;
  /** For PromptRefused: the prompt's env var, e.g. BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK. */
  readonly prompt?: string;
  /** For PromptRefused: borg's own question text. */
  readonly question?: string;
  /** For DiskFull: which disk ran full, so a job can add its free space. */
  readonly fullDisk?: FullDisk;
}

// The cleanup notice borg.repository logs when ENOSPC ends a transaction (repository.py __exit__).
const REPOSITORY_CLEANUP = /No space left on device, cleaning up partial transaction/;
const NO_SPACE = /\[Errno 28\]|No space left on device/;
const QUOTA = /\[Errno 122\]|Disk quota exceeded/;

/** The full-disk cause, if anything borg logged says ENOSPC (or EDQUOT). */
export function diskFullCause(
  errors: readonly string[],
  warnings: readonly string[],
): FailureCause | undefined {
  const hitInErrors = errors.some((text) => NO_SPACE.test(text) || QUOTA.test(text));
  const cleanedUp = warnings.some((text) => REPOSITORY_CLEANUP.test(text));
  if (!hitInErrors && !cleanedUp) return undefined;
  const where = cleanedUp ? 'repository' : fullDiskFromTraceback(errors);
  const quota = errors.some((text) => QUOTA.test(text));
  return diskFullWords(where, quota);
}

/** The words for a full disk; Borgdesk's jobs add the free space and the amount needed. */
export function diskFullWords(where: FullDisk, quota = false): FailureCause {
  const fullDisk = where;
  if (where === 'cache') {
    return {
      code: 'DiskFull',
      message: quota
        ? "Your disk quota is used up on the disk holding borg's cache."
        : "The disk holding borg's cache is full.",
      remedy:
        'Free space on that disk (borg keeps its cache in ~/.cache/borg), then try again. The repository is unharmed: borg removed the unfinished backup.',
      reason: quota ? 'cacheQuota' : 'cacheFull',
      fullDisk,
    };
  }
  return {
    code: 'DiskFull',
    message: quota
      ? 'The disk quota of the repository is used up.'
      : where === 'repository'
        ? 'The disk holding the repository is full.'
        : 'A disk borg writes to is full (the repository or borg’s cache).',
    remedy:
      'Compact the repository (Compact… on its screen) to give back the space of deleted archives, delete or prune old archives and compact again, free space on that disk, or back up to a repository on another drive; then try again.',
    ...(quota ? { reason: 'repositoryQuota' } : where === 'repository' ? { reason: 'repositoryFull' } : {}),
    fullDisk,
  };
}

// The innermost frame of the last traceback that belongs to the repository or to the cache.
function fullDiskFromTraceback(errors: readonly string[]): FullDisk {
  const traceback = [...errors].reverse().find((text) => NO_SPACE.test(text) || QUOTA.test(text)) ?? '';
  const lastBlock = traceback.split('During handling of the above exception').pop() ?? '';
  const frames = [...lastBlock.matchAll(/File "[^"]*\/borg\/([\w/]+)\.py"/g)].map((m) => m[1] ?? '');
  const owner = [...frames].reverse().find((f) => /^(repository|remote|cache|hashindex)$/.test(f));
  if (owner === 'cache' || owner === 'hashindex') return 'cache';
  return owner === undefined ? 'unknown' : 'repository';
}

/** A borg 1.x message that says the repository was made by borg 2, as a cause. */
export function repositoryVersionCause(errors: readonly string[]): FailureCause | undefined {
  for (const text of errors) {
    // Repository.InvalidRepositoryConfig: "... [repository version 2 is not supported by this borg version]."
    const version = /repository version (\d+) is not supported/.exec(text)?.[1];
    // borg 2's store layout has a config/ folder where borg 1 expects a config file.
    const storeLayout = /IsADirectoryError: \[Errno 21\] Is a directory: '[^']*[/\\]config'/.test(text);
    if (version !== undefined || storeLayout) {
      const byBorg2 = version === undefined || Number(version) >= 2;
      const madeBy = byBorg2 ? 'borg 2' : `repository version ${version}`;
      return {
        code: 'RepositoryVersionUnsupported',
        message: `This repository was made by ${madeBy}; this borg cannot open it.`,
        remedy: 'Install borg 2 and choose its path in Settings, or pick a repository made with borg 1.',
        ...(byBorg2 ? {} : { reason: 'oldRepositoryVersion', params: { version } }),
      };
    }
  }
  return undefined;
}

/** The cause behind a LockFailed that names the errno (no write permission, read-only drive). */
export function lockFailedCause(message: string): FailureCause | undefined {
  if (/\[Errno 13\]|Permission denied/.test(message)) {
    return {
      code: 'RepositoryPermissionDenied',
      message: 'Borg may not write to the repository folder, so it cannot lock it.',
      remedy:
        "Borg needs write access even to read archives. Check the folder's owner and permissions, or use Borgdesk as the user who owns the repository.",
    };
  }
  if (/\[Errno 30\]|Read-only file system/.test(message)) return readOnly;
  return undefined;
}

const readOnly: FailureCause = {
  code: 'RepositoryReadOnly',
  message: 'The repository is on a drive that is mounted read-only.',
  remedy:
    'Borg needs write access even to read archives. Mount the drive read-write (or copy the repository to a writable disk), then try again.',
};

/** The cause of a traceback borg logged after msgid "Exception", when its error names one. */
export function tracebackCause(errors: readonly string[]): FailureCause | undefined {
  const text = errors.join('\n');
  const path = /Error: \[Errno \d+\] [^:]+: '([^']+)'/.exec(text)?.[1];
  const where = path === undefined ? '' : ` (${path})`;
  if (/\[Errno 30\]|Read-only file system/.test(text)) return readOnly;
  if (/PermissionError: \[Errno 13\]/.test(text)) {
    return {
      code: 'PermissionDenied',
      message: `Borg was not allowed to open a file it needs${where}.`,
      remedy: 'Check the owner and permissions of that file or folder, then try again.',
      reason: 'borgAllowedOpenFile',
      params: { where },
    };
  }
  if (/\[Errno 5\]|Input\/output error/.test(text)) {
    return {
      code: 'DiskError',
      message: `A disk reported a read or write error${where}.`,
      remedy:
        'Check that the drive is still connected; a failing drive shows this too. Run "borg check" afterwards.',
      reason: 'diskReportedReadWrite',
      params: { where },
    };
  }
  if (/FileNotFoundError: \[Errno 2\]/.test(text)) {
    return {
      code: 'FileDisappeared',
      message: `A file borg was using disappeared while it ran${where}.`,
      remedy: 'Check that the drive is still connected, then try again.',
      reason: 'fileBorgUsingDisappeared',
      params: { where },
    };
  }
  // Borg 2 logs a damaged object's IntegrityError, or msgpack's UnpackException for damaged metadata,
  // as a plain Exception (borg 1: msgid IntegrityError).
  if (/^(IntegrityError|UnpackException): /m.test(text)) {
    return {
      code: 'RepositoryDamaged',
      message: 'Borg found damaged or inconsistent data in the repository.',
      remedy: 'Run "borg check" on the repository before making more backups.',
    };
  }
  if (/^MemoryError/m.test(text)) {
    return {
      code: 'SystemOutOfResources',
      message: 'Borg ran out of memory.',
      remedy: 'Close some programs, or back up fewer files at once, then try again.',
      reason: 'borgRanOutMemory',
    };
  }
  // borg 1.2 checks archive names only when it writes the manifest (helpers/manifest.py).
  if (/assert all\(len\(name\) <= 255 for name in self\.archives\)/.test(text)) {
    return {
      code: 'InvalidArchiveName',
      message: 'The archive name is longer than borg allows (255 characters).',
      remedy: 'Choose a shorter archive name.',
      reason: 'archiveNameLongerBorg',
    };
  }
  return undefined;
}

/** A server whose `borg serve --append-only` (often forced by a restricted key) refused to delete data. */
export function appendOnlyCause(errors: readonly string[]): FailureCause | undefined {
  if (!errors.some((text) => APPEND_ONLY.test(text) || NO_DELETE.test(text))) return undefined;
  return {
    code: 'RepositoryAppendOnly',
    message: 'The repository is in append-only mode here, so borg may add backups but not remove anything.',
    remedy:
      'Delete, prune or repair from a computer whose ssh key may do so (the server’s authorized_keys runs “borg serve --append-only”, or borg 2’s “--permissions no-delete”, for this one), or ask the server’s owner.',
  };
}

// borg 1: "… is in append-only mode"; borg 2 (borgstore permissions, `serve --permissions no-delete`
// or BORG_REPO_PERMISSIONS): "PermissionDenied: One of permissions 'D' required for ''".
const APPEND_ONLY = /is in append-only mode/;
const NO_DELETE = /PermissionDenied: One of permissions '[A-Za-z]*D[A-Za-z]*' required/;

// Borg 2 names archives by match pattern and fails with msgid CommandError when a NAME matched
// none or several (archive names repeat in borg 2), see __fixtures__/2.0.0b19/error-archive-missing*.
const MATCHED = /needed to match precisely one archive, but matched (\d+)\./;

/** Borg 2's CommandError for an archive NAME that matched no archive or several; undefined otherwise. */
export function archiveMatchCause(message: string): FailureCause | undefined {
  const matched = MATCHED.exec(message);
  if (!matched) return undefined;
  if (Number(matched[1]) === 0) {
    return {
      code: 'ArchiveDoesNotExist',
      message: 'The archive does not exist in this repository.',
      remedy: 'Refresh the archive list; it may have been deleted or pruned.',
    };
  }
  return {
    code: 'InvalidArchiveName',
    message: 'Several archives in this repository have this name, so borg does not know which one is meant.',
    remedy: 'Rename one of them, then try again.',
    reason: 'severalArchivesRepositoryName',
  };
}
