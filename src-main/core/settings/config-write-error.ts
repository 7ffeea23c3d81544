/**
 * Plain errors for a config file that could not be saved. The disk being full, the folder being
 * read-only or not ours are situations we can name, so each gets its own message naming the folder
 * and a way forward instead of a raw errno.
 */
import path from 'node:path';
import { AppError } from '../app-error.js';

/** The AppError for a failed write of `file` (anything thrown by writeJsonAtomic). */
export function configWriteError(e: unknown, file: string): AppError {
  const dir = path.dirname(file);
  const name = path.basename(file);
  const code = errnoCode(e);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'ConfigDiskFull',
        `The disk holding Borgdesk's settings is full. ${name} could not be saved in ${dir}.`,
        'Free some space on that disk (or raise your quota), then try again.',
        { reason: 'diskHoldingBorgdeskS', params: { name, dir } },
      );
    case 'EROFS':
      return new AppError(
        'ConfigNotWritable',
        `The disk holding Borgdesk's settings is read-only. ${name} could not be saved in ${dir}.`,
        'Make that disk writable again (remount it, or check it for errors), then try again.',
        { reason: 'diskHoldingBorgdeskS', params: { name, dir } },
      );
    case 'EACCES':
    case 'EPERM':
      return new AppError(
        'ConfigNotWritable',
        `Borgdesk is not allowed to write its settings folder. ${name} could not be saved in ${dir}.`,
        `Make ${dir} and the files in it belong to you and be writable, then try again.`,
        { reason: 'borgdeskAllowedWriteSettings', params: { name, dir } },
      );
    default:
      return new AppError(
        'ConfigNotWritable',
        `Borgdesk could not save ${name} in ${dir}${code === undefined ? '' : ` (${code})`}.`,
        'Check that the disk holding that folder works and has free space, then try again.',
        code === undefined
          ? { reason: 'notSaved', params: { name, dir } }
          : { reason: 'notSavedErrno', params: { name, dir, errno: code } },
      );
  }
}

/** The errno code of a Node error (ENOSPC, EACCES…), if it has one. */
export function errnoCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
