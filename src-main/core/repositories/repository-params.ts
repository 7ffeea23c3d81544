/** What `repos:create` and `repos:add-existing` hand the RepositoryService. */
import type { AnyEncryptionMode } from '../../model/encryption.js';

/** Aborts the borg runs of one create/add (the dialog's Cancel), besides the app's shutdown. */
interface Cancellable {
  readonly signal?: AbortSignal | undefined;
}

/** `repos:create`: a new repository. */
export interface CreateRepositoryParams extends Cancellable {
  name: string;
  location: string;
  encryption: AnyEncryptionMode;
  passphrase?: string | undefined;
  remember?: boolean | undefined;
  /** The private key ssh logs in with (ssh:// locations); absent: ssh's own defaults. */
  sshKey?: string | undefined;
}

/** `repos:add-existing`: a repository borg already made. */
export interface AddExistingParams extends Cancellable {
  name: string;
  location: string;
  passphrase?: string | undefined;
  passcommand?: string | undefined;
  remember?: boolean | undefined;
  sshKey?: string | undefined;
  /** Borg's questions the user answered yes to in the question dialog, for this add only. */
  consentedPrompts?: readonly string[] | undefined;
}
