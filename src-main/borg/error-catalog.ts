import type { ErrorParams } from '../model/errors.js';

/**
 * Borg's error msgids (the exception class names listed under "Message IDs" in borg's frontend docs,
 * and the classes in borg 1.2.4's source) mapped to our codes, plain-language messages and remedies.
 * Errors are identified by msgid only: borg's message texts change between releases.
 */

/** Every error code the borg layer reports. */
export type BorgErrorCode =
  | 'PassphraseWrong'
  | 'PassphraseRequired'
  | 'PasscommandFailed'
  | 'RepositoryDoesNotExist'
  | 'InvalidRepository'
  | 'ParentPathDoesNotExist'
  | 'PathAlreadyExists'
  | 'LockTimeout'
  | 'LockFailed'
  | 'RepositoryAlreadyExists'
  | 'ArchiveAlreadyExists'
  | 'ArchiveDoesNotExist'
  | 'InsufficientFreeSpace'
  | 'ConnectionClosed'
  | 'SshHostKeyUnknown'
  | 'SshHostKeyChanged'
  | 'SshAuthenticationFailed'
  | 'SshConnectionRefused'
  | 'SshTimedOut'
  | 'SshHostNotFound'
  | 'SshNotSshServer'
  | 'BorgNotOnServer'
  | 'RepositoryAppendOnly'
  | 'PathNotAllowed'
  | 'KeyNotFound'
  | 'KeyInvalid'
  | 'KeyFormatUnsupported'
  | 'RepositoryDamaged'
  | 'SecurityCheckFailed'
  | 'UnsupportedRepository'
  | 'InvalidArchiveName'
  | 'InvalidArguments'
  | 'UnexpectedOutput'
  | 'Interrupted'
  | 'BorgNotFound'
  | 'BorgNotExecutable'
  | 'TooManyOpenFiles'
  | 'SystemOutOfResources'
  | 'CommandTooLong'
  | 'DiskFull'
  | 'RepositoryVersionUnsupported'
  | 'RepositoryFromOtherBorg'
  | 'RepositoryPermissionDenied'
  | 'RepositoryReadOnly'
  | 'PermissionDenied'
  | 'DiskError'
  | 'FileDisappeared'
  | 'Cancelled'
  | 'PromptRefused'
  | 'BorgFailed';

/** A code with the words the UI shows. */
export interface CatalogEntry {
  readonly code: BorgErrorCode;
  readonly message: string;
  readonly remedy?: string;
  /** The variant of `code` the UI words, when not the code's own words. */
  readonly reason?: string;
  readonly params?: ErrorParams;
}

const passphraseWrong: CatalogEntry = {
  code: 'PassphraseWrong',
  message: 'The passphrase is not correct for this repository.',
  remedy: 'Enter the passphrase again. Passphrases are case-sensitive.',
};
const lockFailed: CatalogEntry = {
  code: 'LockFailed',
  message: 'Borg could not lock the repository.',
  remedy:
    'Check that you may write to the repository folder. If no borg is running, a stale lock can be removed with "borg break-lock".',
};
const connectionClosed: CatalogEntry = {
  code: 'ConnectionClosed',
  message: 'The connection to the backup server was closed.',
  remedy:
    'Check the network and that borg is installed on the server, then try again. The job log has what ssh said.',
};
const keyNotFound: CatalogEntry = {
  code: 'KeyNotFound',
  message: 'The encryption key for this repository was not found.',
  remedy:
    'Import the exported key (Import key in Borgdesk), or use the computer that created the repository.',
};
const keyInvalid: CatalogEntry = {
  code: 'KeyInvalid',
  message: 'The key file does not belong to this repository or is damaged.',
  remedy: 'Import the right key (Import key in Borgdesk).',
};
const damaged: CatalogEntry = {
  code: 'RepositoryDamaged',
  message: 'Borg found damaged or inconsistent data in the repository.',
  remedy: 'Run "borg check" on the repository before making more backups.',
};
const unsupported: CatalogEntry = {
  code: 'UnsupportedRepository',
  message: 'This repository needs a newer version of borg.',
  remedy: 'Update borg to the version that created the repository.',
};
/** What to do after borg stopped at a question: Borgdesk keeps it until the user answers. */
export const PROMPT_REFUSED_REMEDY =
  'Open Borgdesk to answer it: Answer… under the job, on the repository screen or under Needs attention.';
const promptRefused: CatalogEntry = {
  code: 'PromptRefused',
  message: 'Borg asks a question about this repository and stopped until it is answered.',
  remedy: PROMPT_REFUSED_REMEDY,
};
// Not questions: borg refuses outright, because what it finds could be an attack. No yes is offered.
const SAFE_STEPS =
  'Do not back up to it until you know why. Check that the location is the repository you meant and that nobody else can change it. If you replaced or restored it yourself, the README ("When something goes wrong") says how to make borg accept it.';
const encryptionChanged: CatalogEntry = {
  code: 'SecurityCheckFailed',
  message:
    'Possible attack: the encryption of this repository is not what this computer knew. Someone may have replaced it with a repository they can read.',
  remedy: SAFE_STEPS,
};
const replayed: CatalogEntry = {
  code: 'SecurityCheckFailed',
  message:
    'Possible attack: this repository is older than the state this computer last saw (borg calls it a replay). An old copy may have been put in its place.',
  remedy: SAFE_STEPS,
  reason: 'possibleAttackRepositoryOlder',
};
const cacheNewer: CatalogEntry = {
  code: 'SecurityCheckFailed',
  message:
    "Borg's cache is newer than this repository: another repository with the same id, or an old copy of this one, is at this location.",
  remedy: SAFE_STEPS,
  reason: 'borgSCacheNewer',
};

/** msgid → entry; each msgid is the exception class name borg 1.2 prints with `--log-json`. */
export const MSGID_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  PassphraseWrong: passphraseWrong,
  PasswordRetriesExceeded: passphraseWrong,
  NoPassphraseFailure: {
    code: 'PassphraseRequired',
    message: 'This repository is encrypted and needs its passphrase.',
    remedy: 'Unlock the repository by entering its passphrase.',
  },
  PasscommandFailure: {
    code: 'PasscommandFailed',
    message: 'The command that should print the passphrase (BORG_PASSCOMMAND) failed.',
    remedy: 'Check the passphrase command in the repository settings.',
  },
  'Repository.DoesNotExist': {
    code: 'RepositoryDoesNotExist',
    message: 'There is no repository at this location.',
    remedy: 'Check the path (and that the drive is mounted), or create a new repository there.',
  },
  'Repository.InvalidRepository': {
    code: 'InvalidRepository',
    message: 'This location is not a borg repository.',
    remedy: 'Choose the folder that contains the repository (it holds a "config" file and a "data" folder).',
  },
  'Repository.InvalidRepositoryConfig': {
    code: 'InvalidRepository',
    message: "The repository's config file is not valid.",
    remedy: 'Check the config file in the repository folder, or restore it from a copy.',
    reason: 'repositorySConfigFile',
  },
  'Repository.AtticRepository': {
    code: 'UnsupportedRepository',
    message: 'This is an old Attic repository.',
    remedy: 'Convert it with "borg upgrade" first.',
    reason: 'oldAtticRepository',
  },
  NoManifestError: {
    code: 'InvalidRepository',
    message: 'The repository has no manifest, so borg cannot read it.',
    remedy: 'Run "borg check --repair" on the repository.',
    reason: 'repositoryManifestBorgRead',
  },
  'Repository.ParentPathDoesNotExist': {
    code: 'ParentPathDoesNotExist',
    message: 'The folder that should contain the new repository does not exist.',
    remedy:
      'Create the parent folder first (on the server, for an ssh:// location), or choose another location.',
  },
  'Repository.PathAlreadyExists': {
    code: 'PathAlreadyExists',
    message: 'Something else already exists at this location.',
    remedy: 'Choose an empty or new folder for the repository.',
  },
  'Repository.AlreadyExists': {
    code: 'RepositoryAlreadyExists',
    message: 'A repository already exists at this location.',
    remedy: 'Add it as an existing repository instead, or choose another location.',
  },
  'Archive.AlreadyExists': {
    code: 'ArchiveAlreadyExists',
    message: 'An archive with this name already exists in the repository.',
    remedy: 'Use a different archive name, for example one that includes {now}.',
  },
  'Archive.DoesNotExist': {
    code: 'ArchiveDoesNotExist',
    message: 'The archive does not exist in this repository.',
    remedy: 'Refresh the archive list; it may have been deleted or pruned.',
  },
  'Repository.InsufficientFreeSpaceError': {
    code: 'InsufficientFreeSpace',
    message: 'There is not enough free space where the repository is stored.',
    remedy:
      'Free some space, or delete or prune old archives and compact the repository (Compact… on its screen), then try again.',
  },
  'Repository.StorageQuotaExceeded': {
    code: 'InsufficientFreeSpace',
    message: "The repository's storage quota is used up.",
    remedy: 'Prune old archives and compact, or raise the quota.',
    reason: 'repositorySStorageQuota',
  },
  LockTimeout: {
    code: 'LockTimeout',
    message: 'The repository is in use by another borg process.',
    remedy: 'Wait for the other backup or task to finish, then try again.',
  },
  LockError: lockFailed,
  LockErrorT: lockFailed,
  LockFailed: lockFailed,
  NotLocked: lockFailed,
  NotMyLock: lockFailed,
  ConnectionClosed: connectionClosed,
  ConnectionClosedWithHint: connectionClosed,
  PathNotAllowed: {
    code: 'PathNotAllowed',
    message: 'The backup server does not allow access to this repository path.',
    remedy:
      "Check the path in the location. The server's authorized_keys may restrict this key to certain folders (borg serve --restrict-to-path or --restrict-to-repository).",
  },
  'RemoteRepository.RPCServerOutdated': unsupported,
  KeyfileNotFoundError: keyNotFound,
  RepoKeyNotFoundError: keyNotFound,
  KeyfileInvalidError: keyInvalid,
  KeyfileMismatchError: keyInvalid,
  RepoIdMismatch: {
    code: 'KeyInvalid',
    message: 'This key belongs to a different repository.',
    remedy: 'Choose the key exported from this repository.',
    reason: 'keyBelongsDifferentRepository',
  },
  NotABorgKeyFile: {
    code: 'KeyInvalid',
    message: 'This file is not a borg key.',
    remedy: 'Choose the file Borgdesk or "borg key export" saved.',
    reason: 'fileBorgKey',
  },
  UnencryptedRepo: {
    code: 'InvalidArguments',
    message: 'This repository is not encrypted, so it has no key.',
    reason: 'repositoryEncryptedKey',
  },
  UnknownKeyType: unsupported,
  UnsupportedPayloadError: unsupported,
  UnsupportedManifestError: unsupported,
  MandatoryFeatureUnsupported: unsupported,
  IntegrityError: damaged,
  'Repository.CheckNeeded': damaged,
  'Repository.ObjectNotFound': damaged,
  'Cache.EncryptionMethodMismatch': encryptionChanged,
  'Cache.RepositoryReplay': replayed,
  'Cache.RepositoryIDNotUnique': cacheNewer,
  'Cache.CacheInitAbortedError': promptRefused,
  'Cache.RepositoryAccessAborted': promptRefused,
  PlaceholderError: {
    code: 'InvalidArchiveName',
    message: 'The archive name contains a placeholder borg does not know.',
    remedy: 'Use placeholders such as {hostname}, {now} or {user}, or write braces as {{ and }}.',
    reason: 'unknownPlaceholder',
    // i18next reads {{ as a placeholder: the braces themselves are params.
    params: { open: '{{', close: '}}' },
  },
  'Signal.SIGTERM': {
    code: 'Interrupted',
    message: 'Borg was stopped by a termination signal.',
    remedy: 'Run the task again.',
    reason: 'borgStoppedTerminationSignal',
  },
  'Signal.SIGHUP': {
    code: 'Interrupted',
    message: 'Borg was stopped because its session ended.',
    remedy: 'Run the task again.',
    reason: 'borgStoppedBecauseSession',
  },
};

/** Plain words for the prompts borg 1.2/1.4 may ask (keyed by the prompt's env var / msgid). */
export const PROMPT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK:
    'This repository is not encrypted and this computer has not used it before.',
  BORG_RELOCATED_REPO_ACCESS_IS_OK: 'This repository was previously known at a different location.',
  BORG_CHECK_I_KNOW_WHAT_I_AM_DOING: 'Repairing a repository is potentially dangerous.',
  BORG_DELETE_I_KNOW_WHAT_I_AM_DOING: 'This deletes the whole repository and every archive in it.',
};
