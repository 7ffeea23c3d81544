/**
 * Pure helpers for starting at login (no electron import, so they are unit-tested): the Linux XDG
 * autostart entry (freedesktop Desktop Entry and Desktop Application Autostart specs) and what to do
 * at start when the setting and the system's login item disagree.
 */

/** The argument a login start carries, so Borgdesk starts in the tray without opening its window. */
export const HIDDEN_ARG = '--hidden';

// Marks the entry as ours, so a hand-written borgdesk.desktop is never mistaken for the setting.
const OWNER_KEY = 'X-Borgdesk-Autostart=true';

// Desktop Entry `Exec` quoting: the argument in double quotes, with ", `, $ and \ escaped by a backslash.
function quoteExecArg(arg: string): string {
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The text of `~/.config/autostart/borgdesk.desktop` that starts `executable` hidden at login. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Borgdesk',
    'Comment=Keeps your borg backups running',
    `Exec=${quoteExecArg(executable)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    OWNER_KEY,
    '',
  ].join('\n');
}

/** True when an autostart file's text is an entry Borgdesk wrote. */
export function isOwnAutostartEntry(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trim() === OWNER_KEY);
}

/** What the app does at start to bring the system's login item in line with the setting. */
export type LoginItemAction = 'register' | 'unregister' | 'none';

/**
 * The setting wins over the system's state. It is the one choice Borgdesk shows (Settings), stored
 * with the user's other settings; the system's item can drift without the user choosing anything:
 * a moved or updated AppImage leaves an entry pointing at the old file, a config folder restored on
 * a new machine has no item yet. So "on" is re-registered at every start, which also refreshes the
 * executable path, and "off" removes an item that is still there.
 */
export function loginItemAction(wanted: boolean, registered: boolean): LoginItemAction {
  if (wanted) return 'register';
  return registered ? 'unregister' : 'none';
}
