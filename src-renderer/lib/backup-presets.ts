/**
 * Remembers the last backup options per repository in localStorage, so "Back up now" a second time
 * is one click. Only paths and patterns are kept — never a passphrase.
 */
import type { Compression } from '../../src-main/model/compression.js';

/** The options the backup dialog starts from. */
export interface BackupPreset {
  readonly sourcePaths: readonly string[];
  readonly compression?: Compression;
  readonly excludeCaches: boolean;
  readonly excludePatterns: readonly string[];
}

const key = (repoId: string): string => `borgdesk.backup-preset.${repoId}`;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads the saved preset for a repository, ignoring anything malformed. */
export function loadPreset(
  repoId: string,
  storage: Pick<Storage, 'getItem'> = localStorage,
): BackupPreset | undefined {
  try {
    const raw = storage.getItem(key(repoId));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (!isStringArray(value.sourcePaths) || !isStringArray(value.excludePatterns)) return undefined;
    return {
      sourcePaths: value.sourcePaths,
      excludePatterns: value.excludePatterns,
      excludeCaches: value.excludeCaches !== false,
      ...(typeof value.compression === 'string' ? { compression: value.compression as Compression } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Saves the preset for a repository; storage failures are ignored (it is a convenience). */
export function savePreset(
  repoId: string,
  preset: BackupPreset,
  storage: Pick<Storage, 'setItem'> = localStorage,
): void {
  try {
    storage.setItem(key(repoId), JSON.stringify(preset));
  } catch {
    // Private mode or a full quota: the dialog simply starts from defaults next time.
  }
}

/** Splits the exclude textarea into patterns: one per line, blank lines and # comments dropped. */
export function parsePatterns(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}
