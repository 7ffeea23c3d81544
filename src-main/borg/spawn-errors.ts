/**
 * Why a program could not be started, in plain words. spawn() fails before the program runs with an
 * errno code: the program is missing (ENOENT) or not executable (EACCES), this process has used up
 * its file handles (EMFILE, or the whole system has: ENFILE), the system is out of processes or
 * memory (EAGAIN, ENOMEM), or the command line is too long (E2BIG).
 */
import { statSync } from 'node:fs';
import { BorgError } from './errors.js';

/** What was being started: borg itself, or a user's command run through the shell. */
export interface SpawnSubject {
  /** "borg" or "the command". */
  readonly name: string;
  /** The file that was executed; for borg the configured path. */
  readonly file: string;
  readonly isBorg: boolean;
  readonly cwd?: string;
}

/** The error for a spawn() failure with errno `code` (undefined when Node gave none). */
export function spawnFailure(code: string | undefined, subject: SpawnSubject): BorgError {
  const { name } = subject;
  switch (code) {
    case 'ENOENT':
      return notFound(subject);
    case 'EACCES':
      return new BorgError({
        code: 'BorgNotExecutable',
        message: `${subject.file} cannot be run: it is not an executable program, or you may not run it.`,
        remedy: subject.isBorg
          ? 'Choose the borg program itself in Settings (or make the file executable with chmod +x).'
          : 'Check the file permissions of the program the command starts.',
        reason: subject.isBorg ? 'borgNotExecutable' : 'commandNotExecutable',
        params: { file: subject.file },
      });
    case 'EMFILE':
    case 'ENFILE':
      return new BorgError({
        code: 'TooManyOpenFiles',
        message:
          code === 'EMFILE'
            ? `Borgdesk has too many files open to start ${name}.`
            : `The system has too many files open to start ${name}.`,
        remedy: 'Close some windows or programs, or restart Borgdesk, then try again.',
        reason:
          code === 'EMFILE'
            ? subject.isBorg
              ? 'borgdeskBorg'
              : 'borgdeskCommand'
            : subject.isBorg
              ? 'systemBorg'
              : 'systemCommand',
      });
    case 'EAGAIN':
    case 'ENOMEM':
      return new BorgError({
        code: 'SystemOutOfResources',
        message: `The system has no ${code === 'ENOMEM' ? 'memory' : 'room for another process'} to start ${name}.`,
        remedy: 'Close some programs, then try again.',
        reason:
          code === 'ENOMEM'
            ? subject.isBorg
              ? 'memoryBorg'
              : 'memoryCommand'
            : subject.isBorg
              ? 'processBorg'
              : 'processCommand',
      });
    case 'E2BIG':
      return new BorgError({
        code: 'CommandTooLong',
        message: `The command line for ${name} is longer than the system allows.`,
        remedy: 'Back up fewer separate folders or patterns per plan (choose a parent folder instead).',
        reason: subject.isBorg ? 'borgCommandLine' : 'commandLine',
      });
    default:
      return new BorgError({
        code: 'BorgFailed',
        message: `${capitalize(name)} could not be started (${code ?? 'unknown error'}).`,
        remedy: subject.isBorg
          ? 'Check the path to borg in Settings, then try again.'
          : 'Check the command, then try again.',
        reason: subject.isBorg ? 'borgNotStarted' : 'commandNotStarted',
        params: { errno: code ?? 'unknown error' },
      });
  }
}

function notFound(subject: SpawnSubject): BorgError {
  // spawn() says ENOENT for a missing working directory too; that is not a missing program.
  if (subject.cwd !== undefined && !isDirectory(subject.cwd)) {
    return new BorgError({
      code: 'BorgFailed',
      message: `The folder ${subject.cwd} does not exist.`,
      remedy: 'Choose a folder that exists, then try again.',
      reason: 'folderExist',
      params: { cwd: subject.cwd },
    });
  }
  if (!subject.isBorg) {
    return new BorgError({
      code: 'BorgFailed',
      message: `${subject.file} was not found, so the command could not be started.`,
      remedy: 'Check that the shell exists on this computer.',
      reason: 'foundCommandStarted',
      params: { file: subject.file },
    });
  }
  return new BorgError({
    code: 'BorgNotFound',
    message: `Borg was not found at ${subject.file}.`,
    remedy: 'Install BorgBackup, or set the path to borg in Settings.',
    reason: 'borgFound',
    params: { file: subject.file },
  });
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
