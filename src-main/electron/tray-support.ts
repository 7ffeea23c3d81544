/**
 * Pure helpers for the tray (no electron import, so they are unit-tested): which icon file each
 * platform expects, and whether a Linux desktop has no tray host.
 */
import path from 'node:path';
import type { StatusNotifierHost } from '../core/environment/status-notifier-host.js';
import type { TrayKind } from '../core/notifications/tray-state.js';

/**
 * The icon file for a state (assets/make-icons.mjs draws one image set per TrayKind). Electron loads
 * the `@2x` sibling by itself (high-DPI naming), and treats a name ending in `Template` as a macOS
 * template image that follows the menu bar's colour.
 * macOS: 16 pt template; Windows: 16 px (+32 px @2x); Linux: 32 px (+64 px @2x), the size
 * StatusNotifier hosts scale down from.
 */
export function trayIconPath(kind: TrayKind, platform: NodeJS.Platform, assetsDir: string): string {
  if (platform === 'darwin') return path.join(assetsDir, `tray-${kind}Template.png`);
  if (platform === 'win32') return path.join(assetsDir, `tray-${kind}.png`);
  return path.join(assetsDir, `tray-${kind}-32.png`);
}

/**
 * Why the tray would be invisible, or undefined when it should show. On Linux the session bus says
 * whether a StatusNotifier host runs (`host`, from core/environment/status-notifier-host.ts); only
 * when the bus cannot be asked (or on X11, see below) does the desktop's name decide: stock GNOME (3.26 and later) has no
 * tray host unless the AppIndicator extension is installed (electron #34801), Ubuntu ships it enabled.
 * BORGDESK_TRAY=1 insists on a tray, BORGDESK_TRAY=0 turns it off anywhere. Erring towards "no tray"
 * is safe: the window then minimises instead of hiding.
 */
export function trayHostProblem(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  host: StatusNotifierHost = 'unknown',
): string | undefined {
  if (env.BORGDESK_TRAY === '0') return 'the tray icon is turned off (BORGDESK_TRAY=0)';
  if (platform !== 'linux' || env.BORGDESK_TRAY === '1') return undefined;
  if (host === 'present') return undefined;
  // On X11 Chromium falls back to the older XEmbed tray, which some panels (i3bar, older XFCE) still
  // provide without a StatusNotifier watcher: there the desktop's name decides, as without a bus.
  if (host === 'absent' && env.XDG_SESSION_TYPE !== 'x11') {
    return 'this desktop runs no StatusNotifier host to show tray icons (on GNOME, the AppIndicator extension adds one)';
  }
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':');
  if (desktops.includes('gnome') && !desktops.includes('ubuntu')) {
    return 'GNOME shows no tray icons without the AppIndicator extension (set BORGDESK_TRAY=1 if it is installed)';
  }
  return undefined;
}

/** The macOS menu-bar title next to the icon: the percent while running, nothing otherwise. */
export function trayTitle(percent: number | undefined): string {
  return percent === undefined ? '' : `${percent}%`;
}
