/** What Borgdesk says when its window's page stops or an error reaches the top (pure, unit-tested). */
import { ENGLISH_WORDS, type DesktopWords } from '../core/i18n/desktop-words.js';

/** Electron's RenderProcessGoneDetails['reason'], as a plain string so this module needs no electron. */
export type GoneReason = string;

/** True when the page ended on purpose (a reload or close), which needs no message. */
export function isExpectedExit(reason: GoneReason): boolean {
  return reason === 'clean-exit';
}

/** The message box for a page that stopped with `reason`, with its buttons (Reload first, then Quit). */
export function rendererGoneText(
  reason: GoneReason,
  exitCode: number,
  words: DesktopWords = ENGLISH_WORDS,
): { message: string; detail: string; buttons: [string, string] } {
  const { t } = words;
  const why =
    reason === 'oom'
      ? t('crash.pageGone.oom')
      : reason === 'killed'
        ? t('crash.pageGone.killed')
        : reason === 'launch-failed'
          ? t('crash.pageGone.launchFailed')
          : t('crash.pageGone.other', { reason, exitCode });
  return {
    message: t('crash.pageGone.message'),
    detail: t('crash.pageGone.detail', { why }),
    buttons: [t('crash.pageGone.reload'), t('crash.pageGone.quit')],
  };
}

/** The message box for an error nobody caught, with its buttons (Keep running first, then Quit). */
export function uncaughtErrorText(
  errorMessage: string,
  words: DesktopWords = ENGLISH_WORDS,
): { message: string; detail: string; buttons: [string, string] } {
  const { t } = words;
  return {
    message: t('crash.uncaught.message'),
    detail: t('crash.uncaught.detail', { message: errorMessage }),
    buttons: [t('crash.uncaught.keepRunning'), t('crash.uncaught.quit')],
  };
}

/** The error box when start-up fails. */
export function startFailedText(
  errorMessage: string,
  logDir: string,
  words: DesktopWords = ENGLISH_WORDS,
): { title: string; content: string } {
  return {
    title: words.t('crash.startFailed.title'),
    content: words.t('crash.startFailed.detail', { message: errorMessage, logDir }),
  };
}
