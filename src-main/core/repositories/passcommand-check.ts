/**
 * The passcommand rules of the repository service: the input check, and the Test that runs the
 * same `borg list` unlock runs, with BORG_PASSCOMMAND, under a deadline. The command runs under
 * borg (never in this process), so its output, the passphrase, never reaches Borgdesk.
 */
import type { BorgContext } from '../../borg/exec.js';
import { isBorgError } from '../../borg/errors.js';
import { runListArchives } from '../../borg/commands/list-archives.js';
import { PASSCOMMAND_REMEDY } from '../../borg/passcommand-errors.js';
import type { PasscommandTestResult } from '../../model/passcommand.js';
import { checkPasscommand } from '../../model/passcommand-syntax.js';
import { AppError } from '../app-error.js';
import { serializeError } from '../serialize-error.js';

/** How long a Test waits for borg and the command (a GPG pinentry nobody answers waits forever). */
export const PASSCOMMAND_TEST_TIMEOUT_MS = 30_000;

/** The trimmed command, or an InvalidInput error saying what is wrong with it. */
export function requirePasscommand(raw: string): string {
  const checked = checkPasscommand(raw);
  if (checked.ok) return checked.command;
  throw new AppError(
    'InvalidInput',
    `Borgdesk cannot use this passphrase command: ${checked.problem}`,
    'Correct the command, for example “pass show borg/home”.',
    { reason: 'borgdeskUsePassphraseCommand', params: { problem: checked.problem } },
  );
}

/** What a Test needs: the repository, borg's context without any secret, the deadline and the lane. */
export interface PasscommandTestTarget {
  readonly location: string;
  readonly ctx: Pick<BorgContext, 'borgPath' | 'signal' | 'consentedPrompts'>;
  readonly timeoutMs: number;
  /** Runs the borg call in the repository's lane. */
  readonly inLane: <T>(run: () => Promise<T>) => Promise<T>;
}

/** Runs `borg list` with `passcommand` as the passphrase source and tells how it went. */
export async function testPasscommand(
  target: PasscommandTestTarget,
  passcommand: string,
): Promise<PasscommandTestResult> {
  const timer = new AbortController();
  const signal = AbortSignal.any([timer.signal, ...(target.ctx.signal ? [target.ctx.signal] : [])]);
  // The clock starts when borg starts: waiting in the lane behind a backup is not the command's fault.
  const run = (): Promise<unknown> => {
    const timeout = setTimeout(() => timer.abort(), target.timeoutMs);
    const ctx: BorgContext = { ...target.ctx, passcommand, signal };
    return runListArchives({ location: target.location }, ctx).finally(() => clearTimeout(timeout));
  };
  try {
    await target.inLane(run);
    return { outcome: 'ok', message: 'The command works: borg opened the repository with its passphrase.' };
  } catch (e) {
    if (timer.signal.aborted) {
      const seconds = Math.round(target.timeoutMs / 1000);
      return {
        outcome: 'timed-out',
        message: `The passphrase command “${passcommand}” did not finish within ${seconds} seconds and was stopped.`,
        remedy:
          'It may be waiting for input nobody can give here (for example a GPG pinentry or a locked keyring). Make it work without a prompt, then test again.',
      };
    }
    if (isBorgError(e) && e.code === 'PasscommandFailed')
      return { outcome: 'command-failed', message: e.message, remedy: e.remedy ?? PASSCOMMAND_REMEDY };
    if (isBorgError(e) && e.code === 'PassphraseWrong')
      return { outcome: 'wrong-passphrase', message: e.message, remedy: e.remedy ?? PASSCOMMAND_REMEDY };
    const serialized = serializeError(e);
    return {
      outcome: 'other',
      message: serialized.message,
      ...(serialized.remedy === undefined ? {} : { remedy: serialized.remedy }),
    };
  }
}

/** The Test's verdict for a repository without encryption: borg never runs the command. */
export const NOT_ENCRYPTED_RESULT: PasscommandTestResult = {
  outcome: 'not-encrypted',
  message: 'This repository is not encrypted: it needs no passphrase, so borg never runs the command.',
};

/** A passcommand given with add-existing, checked; one source of the passphrase, not two. */
export function optionalPasscommand(
  raw: string | undefined,
  passphrase: string | undefined,
): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (passphrase !== undefined) {
    throw new AppError(
      'InvalidInput',
      'Give either the passphrase or a command that prints it, not both.',
      'Choose “Type the passphrase” or “Get it from a command”.',
      { reason: 'giveEitherPassphraseCommand' },
    );
  }
  return requirePasscommand(raw);
}

/** The error for a passcommand whose test did not print a passphrase the repository accepts. */
export function passcommandUnusable(message: string, remedy: string | undefined): AppError {
  return new AppError('InvalidInput', message, remedy, {
    reason: 'stated',
    params: { message, remedy: remedy ?? '' },
  });
}
