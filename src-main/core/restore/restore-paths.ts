/**
 * Small pure rules about archive paths and restore destinations: how a UI path is normalised, where
 * an item lands after `--strip-components`, and how a "Restored …" folder is named.
 */
import { AppError } from '../app-error.js';

/** The sample of landing places a preview shows. */
export const PREVIEW_ITEM_LIMIT = 200;
/** How many conflicting paths a preview names. */
export const CONFLICT_EXAMPLE_LIMIT = 20;

/**
 * An archive path as the index keys it: no leading or trailing slash, no empty, "." or ".."
 * component. Anything else is refused, so a path can never climb out of its folder.
 */
export function normalizeArchivePath(raw: string): string {
  const trimmed = raw.replace(/^\/+/, '').replace(/\/+$/, '');
  const parts = trimmed.split('/');
  if (raw.includes('\0') || trimmed === '' || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new AppError(
      'InvalidInput',
      `"${raw}" is not a path inside the archive.`,
      'Pick items from the archive browser.',
      { reason: 'pathInsideArchive', params: { raw } },
    );
  }
  return trimmed;
}

/** The selection without duplicates and without paths that sit inside another selected path. */
export function collapseSelection(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const kept: string[] = [];
  for (const p of sorted) {
    const last = kept[kept.length - 1];
    if (last !== undefined && p.startsWith(`${last}/`)) continue;
    kept.push(p);
  }
  return kept;
}

/**
 * Where `archivePath` lands relative to the target folder after removing `strip` leading
 * components, or undefined when the path has no more than `strip` components (borg skips those).
 */
export function strippedPath(archivePath: string, strip: number): string | undefined {
  if (strip === 0) return archivePath;
  const parts = archivePath.split('/');
  return parts.length <= strip ? undefined : parts.slice(strip).join('/');
}

// Illegal in file names on Windows, macOS or Linux; control characters are handled separately.
const ILLEGAL = /[/\\:*?"<>|]/g;

function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** A string made safe as one file name: illegal characters become "-", no trailing dots or spaces. */
export function sanitizeFileName(name: string, maxLength = 180): string {
  const cleaned = [...name.replace(ILLEGAL, '-')]
    .map((ch) => (isControl(ch) ? '-' : ch))
    .join('')
    .replace(/[. ]+$/, '')
    .trim();
  const short = cleaned.length > maxLength ? cleaned.slice(0, maxLength).trimEnd() : cleaned;
  return short === '' ? 'archive' : short;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Restored <archive> <YYYY-MM-DD HH.mm>" in local time, safe as a folder name. */
export function restoreFolderName(archiveName: string, now: Date): string {
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}.${pad(now.getMinutes())}`;
  return `Restored ${sanitizeFileName(archiveName)} ${date} ${time}`;
}

/** The n-th candidate name: the base itself, then "base (2)", "base (3)"… */
export function numberedName(base: string, n: number): string {
  return n <= 1 ? base : `${base} (${n})`;
}

/** True when `child` is `parent` or inside it (both absolute, normalised). */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const prefix = parent.endsWith('/') ? parent : `${parent}/`;
  return child.startsWith(prefix);
}
