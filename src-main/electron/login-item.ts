/**
 * "Start Borgdesk at login". macOS and Windows use `app.setLoginItemSettings` (Electron supports only
 * those two); Linux gets an XDG autostart entry (freedesktop Desktop Application Autostart spec).
 * A login start passes `--hidden`, so Borgdesk starts in the tray without opening its window.
 */
import { app } from 'electron';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The argument a login start carries. */
export const HIDDEN_ARG = '--hidden';

const AUTOSTART_NAME = 'borgdesk.desktop';

function autostartFile(): string {
  // XDG_CONFIG_HOME defaults to ~/.config, which is what Electron's appData is on Linux.
  return path.join(process.env.XDG_CONFIG_HOME ?? app.getPath('appData'), 'autostart', AUTOSTART_NAME);
}

// Desktop entry Exec quoting: double quotes, with ", `, $ and \ escaped by a backslash.
function quoteExec(arg: string): string {
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The program a login start runs: the AppImage when packaged as one, else this executable. */
function executable(): string {
  return process.env.APPIMAGE ?? process.execPath;
}

/** Whether Borgdesk starts at login. */
export function isStartAtLoginEnabled(): boolean {
  if (process.platform === 'linux') {
    try {
      return readFileSync(autostartFile(), 'utf8').includes('X-Borgdesk-Autostart=true');
    } catch {
      return false;
    }
  }
  return app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin;
}

/** Turn starting at login on or off; throws with a plain message when the file cannot be written. */
export function setStartAtLogin(enabled: boolean): void {
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
    return;
  }
  const file = autostartFile();
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  const entry = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Borgdesk',
    'Comment=Keeps your borg backups running',
    `Exec=${quoteExec(executable())} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'X-Borgdesk-Autostart=true',
    '',
  ].join('\n');
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, entry, { mode: 0o644 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Borgdesk could not set itself to start at login (${file}): ${reason}`);
  }
}

/** True when this process was started at login (so the window stays hidden in the tray). */
export function wasStartedAtLogin(argv: readonly string[] = process.argv): boolean {
  return (
    argv.includes(HIDDEN_ARG) ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)
  );
}
