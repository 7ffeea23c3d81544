/**
 * Which permission a web page may have (pure; no electron import, so it is unit-tested). Only our own
 * renderer, in its main frame, gets the one permission it uses: writing to the clipboard, which every
 * Copy button needs (navigator.clipboard.writeText asks for `clipboard-sanitized-write`). Reading the
 * clipboard, the camera, notifications through the web API and everything else stay denied.
 */
import { isAppUrl } from './app-url.js';

const APP_FRAME_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** What Electron tells about the frame that asks. */
export interface PermissionAsker {
  /** The URL (request handler) or origin (check handler) of the asking frame. */
  readonly url: string | undefined;
  readonly isMainFrame: boolean;
}

/** True when `permission` may be granted to `asker`. */
export function isPermissionAllowed(permission: string, asker: PermissionAsker): boolean {
  if (!APP_FRAME_PERMISSIONS.has(permission)) return false;
  return asker.isMainFrame && asker.url !== undefined && isAppUrl(asker.url);
}
