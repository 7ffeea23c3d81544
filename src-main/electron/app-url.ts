/** The renderer's own origin, app://borgdesk/ (pure, so decisions built on it are unit-tested). */

/** The scheme and host the renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'borgdesk';
/** The page the window opens. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` belongs to our renderer (same scheme and host); anything unparsable is not ours. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The AppUserModelID Windows needs to show an app's notifications (the installer's shortcut carries the
 * same one: electron-builder.yml appId); other platforms have none.
 */
export function appUserModelId(platform: NodeJS.Platform): string | undefined {
  return platform === 'win32' ? 'org.borgdesk.app' : undefined;
}
