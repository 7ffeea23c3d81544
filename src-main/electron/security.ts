/**
 * Hardening applied to every web contents the app creates, following Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security): no navigation away from app://, no new
 * windows, no webviews, only the permissions our own page needs, links only to allowed pages.
 */
import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/logging/logger.js';
import { isAppUrl } from './app-url.js';
import { isExternalLinkAllowed } from './external-links.js';
import { isPermissionAllowed } from './permissions.js';

/** Block navigation, redirects, pop-ups and webviews for one web contents. */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Borg's documentation and our project pages open in the person's browser, never inside the app.
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    else logger.debug(`refused to open a link that is not on the allow-list: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Grant our main frame the clipboard write its Copy buttons need; deny every other request and check. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      isPermissionAllowed(permission, { url: details.requestingUrl, isMainFrame: details.isMainFrame }),
    ),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, {
      url: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
    }),
  );
}
