/**
 * What happens when something breaks in the desktop host: a window whose page crashed offers Reload
 * instead of staying blank, helper processes that die are logged, and errors nobody caught in the
 * main process land in the log (the core's own errors are caught and logged by guardAll).
 */
import { app, dialog, type BrowserWindow } from 'electron';
import type { Logger } from '../core/logging/logger.js';
import { APP_START_URL } from './app-url.js';
import { ENGLISH_WORDS, type DesktopWords } from '../core/i18n/desktop-words.js';
import { isExpectedExit, rendererGoneText, uncaughtErrorText } from './crash-text.js';

/** The words of the moment, read when a dialog opens (Settings → Language may have changed since). */
export type WordsSource = () => DesktopWords;

/** Offer Reload (or Quit) when `window`'s page crashes, and log it. */
export function watchRendererCrashes(
  window: BrowserWindow,
  logger: Logger,
  words: WordsSource = () => ENGLISH_WORDS,
): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    if (isExpectedExit(details.reason)) return;
    logger.error(`the window's page stopped: ${details.reason} (exit code ${details.exitCode})`);
    const text = rendererGoneText(details.reason, details.exitCode, words());
    void dialog.showMessageBox(window, { type: 'error', defaultId: 0, ...text }).then(({ response }) => {
      if (response === 1) app.quit();
      else if (!window.isDestroyed()) void window.loadURL(APP_START_URL);
    });
  });
  window.on('unresponsive', () => logger.warn('the window stopped responding'));
  window.on('responsive', () => logger.info('the window responds again'));
}

/** Log dying helper processes and errors no one caught; call once, early. */
export function logUncaughtProblems(logger: Logger, words: WordsSource = () => ENGLISH_WORDS): void {
  app.on('child-process-gone', (_event, details) => {
    if (isExpectedExit(details.reason)) return;
    logger.error(`a ${details.type} process stopped: ${details.reason} (exit code ${details.exitCode})`);
  });
  process.on('unhandledRejection', (reason) =>
    logger.error('a promise was rejected and nobody handled it', reason),
  );
  let told = false;
  process.on('uncaughtException', (error) => {
    logger.error('an error reached the top of the main process', error);
    // Running backups go on; say it once so a broken state is not silent, and offer a way out.
    if (told || !app.isReady()) return;
    told = true;
    try {
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        defaultId: 0,
        ...uncaughtErrorText(error.message, words()),
      });
      if (choice === 1) app.quit();
    } catch (shown) {
      // A handler that throws would end the process at once (exit code 7), running backups with it.
      logger.error('could not show the error message', shown);
    }
  });
}
