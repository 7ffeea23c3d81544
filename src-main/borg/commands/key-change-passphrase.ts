/**
 * `borg key change-passphrase REPO`. Borg 1.2.4 reads the new passphrase from BORG_NEW_PASSPHRASE
 * (an env var, never used here) or else from the same sources as the old one — and the fd 3 pipe is
 * already read and closed by the key load, so BORG_PASSPHRASE_FD fails with EBADF (tried with the
 * real borg). What works without env or argv: no passphrase source at all, so borg's getpass runs,
 * finds no terminal (exec.ts gives borg its own session) and reads stdin: the old passphrase, then
 * the new one twice, all on the stdin pipe (proved in keys.integration.test.ts). Borg 2 reads the
 * same prompts; its `-r REPO` form is the only change.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError, isBorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';

/** What to change. */
export interface ChangePassphraseOptions {
  location: string;
  oldPassphrase: string;
  newPassphrase: string;
}

/** `key change-passphrase -- LOCATION`. */
export function buildChangePassphraseArgs(
  o: { location: string },
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return ['key', 'change-passphrase', ...repositoryTail(caps, o.location)];
}

/** The stdin borg's three prompts read: current, new, new again. */
export function changePassphraseStdin(o: ChangePassphraseOptions): string {
  return `${o.oldPassphrase}\n${o.newPassphrase}\n${o.newPassphrase}\n`;
}

/** Changes the passphrase; rejects with PassphraseWrong when the current one is not right. */
export async function runChangePassphrase(o: ChangePassphraseOptions, ctx: BorgContext): Promise<void> {
  for (const [which, value] of [
    ['current', o.oldPassphrase],
    ['new', o.newPassphrase],
  ] as const) {
    // Borg tries an empty passphrase silently before it prompts, and reads one line per prompt.
    if (value === '' || /[\r\n]/.test(value)) {
      throw new BorgError({
        code: 'PassphraseRequired',
        message: `The ${which} passphrase must not be empty or contain a line break.`,
        remedy: 'Type the passphrase on one line.',
        reason: which === 'current' ? 'currentPassphraseUnusable' : 'newPassphraseUnusable',
      });
    }
  }
  // No fd, no passcommand: any passphrase source would stop borg from reading its prompts on stdin.
  const { passphrase: _fd, passcommand: _cmd, ...rest } = ctx;
  try {
    await runBorg(buildChangePassphraseArgs(o, capabilitiesOf(ctx)), rest, {
      stdin: changePassphraseStdin(o),
    });
  } catch (e) {
    // A wrong current passphrase makes borg re-prompt and read the new one as a second try, so it
    // ends in "retries exceeded" or, when that matched, in prompts left without input.
    if (isBorgError(e) && (e.msgid === 'PasswordRetriesExceeded' || e.msgid === 'NoPassphraseFailure')) {
      throw new BorgError({
        code: 'PassphraseWrong',
        message: 'The current passphrase is not correct, so the passphrase was not changed.',
        remedy: 'Enter the current passphrase again. Passphrases are case-sensitive.',
        msgid: e.msgid,
        ...(e.rc === undefined ? {} : { rc: e.rc }),
        reason: 'currentPassphraseCorrectPassphrase',
      });
    }
    throw e;
  }
}
