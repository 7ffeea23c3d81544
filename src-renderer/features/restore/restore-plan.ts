/**
 * What the restore dialog can tell before asking the core: the name of the new folder (the same rule
 * as the core's `restoreFolderName` in src-main/core/restore/restore-paths.ts; the preview then
 * shows the exact folder, with " (2)" when the name is taken), where an item lands after stripping
 * leading folders, and how many folders can be stripped without losing a selected file.
 */
import { joinPath } from '../../lib/paths.js';

// Illegal in file names on Windows, macOS or Linux, plus control characters (as in the core).
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Restored <archive> <YYYY-MM-DD HH.mm>": the folder a restore creates inside the chosen parent. */
export function restoreFolderName(archiveName: string, now: Date): string {
  const cleaned = archiveName
    .replace(ILLEGAL, '-')
    .replace(/[. ]+$/, '')
    .trim();
  const name = (cleaned.length > 180 ? cleaned.slice(0, 180).trimEnd() : cleaned) || 'archive';
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `Restored ${name} ${date} ${pad(now.getHours())}.${pad(now.getMinutes())}`;
}

/** An archive path without its first `strip` folders; undefined when nothing is left (borg skips it). */
export function stripPath(path: string, strip: number): string | undefined {
  const parts = path.split('/');
  return parts.length <= strip ? undefined : parts.slice(strip).join('/');
}

/** How many leading folders all `paths` share (the depth of their common folder). */
export function commonFolderDepth(paths: readonly string[]): number {
  const split = paths.map((p) => p.split('/').slice(0, -1));
  const first = split[0];
  if (!first) return 0;
  let depth = 0;
  while (depth < first.length && split.every((parts) => parts[depth] === first[depth])) depth += 1;
  return depth;
}

/** Where `path` lands on disk inside `targetDir`; undefined when stripping removes all of it. */
export function landingPath(targetDir: string, path: string, strip: number): string | undefined {
  const rest = stripPath(path, strip);
  return rest === undefined ? undefined : joinPath(targetDir, rest);
}

/** The selected paths that stripping `strip` folders would leave out entirely. */
export function lostByStrip(paths: readonly string[], strip: number): string[] {
  return paths.filter((p) => stripPath(p, strip) === undefined);
}
