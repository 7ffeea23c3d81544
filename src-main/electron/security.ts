/**
 * Hardening applied to every web contents the app creates, following Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security): no navigation away from app://, no new
 * windows, no webviews, no permissions.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol.js';

/** Block navigation, redirects, pop-ups and webviews for one web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to borg's documentation may open in the person's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Deny every permission request and check (camera, notifications API, geolocation, ...). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
