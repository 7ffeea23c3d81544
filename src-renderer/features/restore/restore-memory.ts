/**
 * Remembers the last parent folder a restore went into, so the next restore proposes it again.
 * Only a folder path is stored (in this browser profile), never anything from the archive.
 */

const KEY = 'borgdesk.restore.parent';

/** The last parent folder used, if any. */
export function rememberedParent(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    // Storage can be disabled; the home folder is the fallback.
    return undefined;
  }
}

/** Stores the parent folder of the restore just started. */
export function rememberParent(path: string): void {
  try {
    if (path !== '') localStorage.setItem(KEY, path);
  } catch {
    // Not remembering is fine.
  }
}
