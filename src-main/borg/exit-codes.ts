/**
 * Borg's exit codes in both forms (borg docs, "Return codes"). Legacy: 0 success, 1 warning,
 * 2 error, 128+N killed by signal N; borg 1.2 knows only these, and Borgdesk asks 1.4 and 2 for
 * them (BORG_EXIT_CODES=legacy, env.ts). Modern (borg 2's default, 1.4 and 2 with
 * BORG_EXIT_CODES=modern, e.g. from a wrapper script the user chose as borg): 1 and 2 stay the
 * generic warning and error, 3–99 name a specific error, 100–127 a specific warning. Measured on
 * borg-fixtures 1.4.5/extra/*.modern.* and 2.0.0b19/*.modern.* (PassphraseWrong 52, LockTimeout 73,
 * create's missing file 107, …); argument errors stay 2 in both forms.
 */

/** What an exit code says, whichever form borg used. */
export type ExitKind = 'success' | 'warning' | 'error' | 'signal';

/** The kind of an exit code of either form. */
export function exitKind(rc: number): ExitKind {
  if (rc === 0) return 'success';
  if (rc >= 128) return 'signal';
  if (rc === 1 || (rc >= 100 && rc <= 127)) return 'warning';
  return 'error';
}

/** The legacy code (0, 1, 2 or 128+N) for an exit code of either form. */
export function legacyExitCode(rc: number): number {
  switch (exitKind(rc)) {
    case 'success':
      return 0;
    case 'warning':
      return 1;
    case 'error':
      return 2;
    case 'signal':
      return rc;
  }
}

// borg's exit_mcode of each error class whose msgid the catalog knows (error-catalog.ts), from
// borg 1.4/2's source (helpers/errors.py, repository.py, crypto/key*.py, cache.py, locking.py, remote.py).
const MODERN_ERROR_MSGIDS: Readonly<Record<number, string>> = {
  5: 'PlaceholderError',
  10: 'Repository.AlreadyExists',
  12: 'Repository.CheckNeeded',
  13: 'Repository.DoesNotExist',
  14: 'Repository.InsufficientFreeSpaceError',
  15: 'Repository.InvalidRepository',
  16: 'Repository.InvalidRepositoryConfig',
  17: 'Repository.ObjectNotFound',
  18: 'Repository.ParentPathDoesNotExist',
  19: 'Repository.PathAlreadyExists',
  25: 'MandatoryFeatureUnsupported',
  26: 'NoManifestError',
  27: 'UnsupportedManifestError',
  30: 'Archive.AlreadyExists',
  31: 'Archive.DoesNotExist',
  40: 'KeyfileInvalidError',
  41: 'KeyfileMismatchError',
  42: 'KeyfileNotFoundError',
  43: 'NotABorgKeyFile',
  44: 'RepoKeyNotFoundError',
  45: 'RepoIdMismatch',
  46: 'UnencryptedRepo',
  47: 'UnknownKeyType',
  48: 'UnsupportedPayloadError',
  50: 'NoPassphraseFailure',
  51: 'PasscommandFailure',
  52: 'PassphraseWrong',
  53: 'PasswordRetriesExceeded',
  60: 'Cache.CacheInitAbortedError',
  61: 'Cache.EncryptionMethodMismatch',
  62: 'Cache.RepositoryAccessAborted',
  63: 'Cache.RepositoryIDNotUnique',
  64: 'Cache.RepositoryReplay',
  70: 'LockError',
  71: 'LockErrorT',
  72: 'LockFailed',
  73: 'LockTimeout',
  74: 'NotLocked',
  75: 'NotMyLock',
  80: 'ConnectionClosed',
  81: 'ConnectionClosedWithHint',
  83: 'PathNotAllowed',
  84: 'RemoteRepository.RPCServerOutdated',
  90: 'IntegrityError',
};

/**
 * The msgid a modern error code stands for, for a run whose log named none (a borg whose JSON log
 * was lost, a wrapper); undefined for legacy codes and codes Borgdesk has no words for.
 */
export function msgidOfModernCode(rc: number): string | undefined {
  return Object.hasOwn(MODERN_ERROR_MSGIDS, rc) ? MODERN_ERROR_MSGIDS[rc] : undefined;
}
