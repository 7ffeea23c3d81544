/**
 * "Start Borgdesk at login". macOS and Windows use `app.setLoginItemSettings` (Electron supports only
 * those two); Linux gets an XDG autostart entry (freedesktop Desktop Application Autostart spec).
 * A login start passes `--hidden`, so Borgdesk starts in the tray without opening its window.
 */
import { app } from 'electron';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error.js';
import { autostartEntry, HIDDEN_ARG, isOwnAutostartEntry, loginItemAction } from './login-item-support.js';

const AUTOSTART_NAME = 'borgdesk.desktop';

function autostartFile(): string {
  // XDG_CONFIG_HOME defaults to ~/.config, which is what Electron's appData is on Linux.
  return path.join(process.env.XDG_CONFIG_HOME ?? app.getPath('appData'), 'autostart', AUTOSTART_NAME);
}

/** The program a login start runs: the AppImage when packaged as one, else this executable. */
function executable(): string {
  return process.env.APPIMAGE ?? process.execPath;
}

/** Whether Borgdesk starts at login. */
export function isStartAtLoginEnabled(): boolean {
  if (process.platform === 'linux') {
    try {
      return isOwnAutostartEntry(readFileSync(autostartFile(), 'utf8'));
    } catch {
      return false;
    }
  }
  return app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin;
}

/** Turn starting at login on or off; throws an AppError with a plain message when that fails. */
export function setStartAtLogin(enabled: boolean): void {
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
    return;
  }
  const file = autostartFile();
  try {
    if (!enabled) {
      // Only our own entry: a borgdesk.desktop the user wrote by hand is theirs to keep.
      if (isStartAtLoginEnabled()) rmSync(file, { force: true });
      return;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, autostartEntry(executable()), { mode: 0o644 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'Internal',
      `Borgdesk could not ${enabled ? 'add' : 'remove'} its login start entry ${file}: ${reason}`,
      'Check that your autostart folder is writable, then try again.',
      { reason: enabled ? 'loginEntryNotAdded' : 'loginEntryNotRemoved', params: { file, why: reason } },
    );
  }
}

/**
 * Apply the saved setting at start (see loginItemAction for why the setting wins). Never throws: a
 * login item that cannot be written must not keep Borgdesk from starting.
 */
export function syncStartAtLogin(wanted: boolean, log: (line: string) => void): void {
  try {
    const action = loginItemAction(wanted, isStartAtLoginEnabled());
    if (action !== 'none') setStartAtLogin(action === 'register');
  } catch (error) {
    log(`could not apply start at login: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** True when this process was started at login (so the window stays hidden in the tray). */
export function wasStartedAtLogin(argv: readonly string[] = process.argv): boolean {
  return (
    argv.includes(HIDDEN_ARG) ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)
  );
}
