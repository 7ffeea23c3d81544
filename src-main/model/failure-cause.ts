/**
 * Why a backup failed, in the five words a user understands, classified from our error codes
 * (borg's msgids mapped in borg/error-catalog.ts) and never from borg's message text.
 */
import { INTERRUPTED_CODE } from './last-good-backup.js';

/** The causes a notification or a stale alert names. */
export type FailureCause =
  'drive-absent' | 'network' | 'passphrase' | 'lock' | 'question' | 'interrupted' | 'borg-error';

const PASSPHRASE_CODES: ReadonlySet<string> = new Set([
  'PassphraseWrong',
  'PassphraseRequired',
  'PasscommandFailed',
]);
const LOCK_CODES: ReadonlySet<string> = new Set(['LockTimeout', 'LockFailed']);
// The server could not be reached at all (not a refused login or a host key question).
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ConnectionClosed',
  'SshConnectionRefused',
  'SshTimedOut',
  'SshHostNotFound',
]);

/**
 * Classify an error code. A missing repository on a local path means the drive is not plugged in
 * (borg reports `Repository.DoesNotExist` for an unmounted USB disk); on a server it is a real error.
 */
export function classifyFailure(code: string | undefined, localRepository: boolean): FailureCause {
  if (code === undefined) return 'borg-error';
  if (PASSPHRASE_CODES.has(code)) return 'passphrase';
  if (code === 'RepositoryDoesNotExist' && localRepository) return 'drive-absent';
  if (NETWORK_CODES.has(code)) return 'network';
  if (LOCK_CODES.has(code)) return 'lock';
  // Borg stopped at a question only the user may answer (a scheduled run never says yes).
  if (code === 'PromptRefused') return 'question';
  if (code === INTERRUPTED_CODE) return 'interrupted';
  return 'borg-error';
}

/** One plain-language sentence saying what went wrong with `repoName` and what to do. */
export function describeCause(cause: FailureCause, repoName: string, borgMessage?: string): string {
  switch (cause) {
    case 'drive-absent':
      return `The drive that holds "${repoName}" is not connected. Plug it in and the backup runs again.`;
    case 'network':
      return `Borgdesk could not reach the server of "${repoName}". Check the network connection.`;
    case 'passphrase':
      return `The passphrase for "${repoName}" is wrong or missing. Open Borgdesk and enter it again.`;
    case 'lock':
      return `"${repoName}" is locked by another borg process. Open the repository in Borgdesk to see who holds the lock, wait for it or break it.`;
    case 'question':
      return `Borg asks a question about "${repoName}" — open Borgdesk to answer it.`;
    case 'interrupted':
      return `The last backup to "${repoName}" did not finish: Borgdesk stopped while it ran. Leave Borgdesk running until backups finish.`;
    case 'borg-error':
      return borgMessage !== undefined && borgMessage.trim() !== ''
        ? `Borg reported an error for "${repoName}": ${shorten(borgMessage.trim(), 160)}`
        : `Borg reported an error for "${repoName}". Open Borgdesk to see the job log.`;
  }
}

/** A short noun phrase for tooltips ("wrong passphrase"). */
export function causeLabel(cause: FailureCause): string {
  const labels: Record<FailureCause, string> = {
    'drive-absent': 'drive not connected',
    network: 'network problem',
    passphrase: 'wrong passphrase',
    lock: 'repository locked',
    question: 'borg asks a question',
    interrupted: 'backup interrupted',
    'borg-error': 'borg error',
  };
  return labels[cause];
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
