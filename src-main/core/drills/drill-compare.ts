/**
 * Compares one restored file with its source. Only a source that still has the size and mtime the
 * archive recorded (borg extract restores the mtime to the nanosecond) is compared by content: a
 * source changed since the backup would differ for a good reason. Same size and mtime but other
 * content means the archive did not give back what was backed up: the drill fails.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, type BigIntStats } from 'node:fs';
import type { DrillResult } from '../../model/drill.js';
import { formatBytes } from '../jobs/job-summary.js';

/** What the drill found for one file. */
export type FileVerdict =
  /** Restored, and byte for byte the unchanged source. */
  | { readonly kind: 'identical' }
  /** Restored; the source was modified or removed since the archive, so it is not compared. */
  | { readonly kind: 'source-changed'; readonly why: 'modified' | 'removed' }
  /** Restored, but its content differs from a source of the same size and mtime. */
  | { readonly kind: 'differs' }
  /** Borg did not write it (an extract error). */
  | { readonly kind: 'not-restored' };

/** Compare `restoredFile` (under the drill's temp folder) with `sourceFile` (where it was backed up from). */
export async function compareRestored(restoredFile: string, sourceFile: string): Promise<FileVerdict> {
  const restored = await statOf(restoredFile);
  if (restored === undefined || !restored.isFile()) return { kind: 'not-restored' };
  const source = await statOf(sourceFile);
  if (source === undefined || !source.isFile()) return { kind: 'source-changed', why: 'removed' };
  if (source.size !== restored.size || source.mtimeNs !== restored.mtimeNs)
    return { kind: 'source-changed', why: 'modified' };
  const [a, b] = await Promise.all([sha256Of(restoredFile), sha256Of(sourceFile)]);
  return a === b ? { kind: 'identical' } : { kind: 'differs' };
}

/** A file's sha256 as hex, read as a stream (a sampled file may be large). */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The drill's numbers and its sentence, from the verdicts of the files it restored. */
export function drillResultOf(
  archiveName: string,
  files: readonly { readonly size: number; readonly verdict: FileVerdict }[],
): DrillResult {
  const restored = files.filter((f) => f.verdict.kind !== 'not-restored');
  const totalBytes = restored.reduce((sum, f) => sum + f.size, 0);
  const identicalCount = restored.filter((f) => f.verdict.kind === 'identical').length;
  const changedSinceCount = restored.filter((f) => f.verdict.kind === 'source-changed').length;
  const head = `${plural(restored.length, 'file')}, ${formatBytes(totalBytes)} restored`;
  const tail =
    changedSinceCount === 0
      ? ' and identical'
      : identicalCount === 0
        ? `; ${changedSinceCount === 1 ? 'its source' : 'their sources'} changed since the backup`
        : `: ${identicalCount} identical, ${changedSinceCount} with the source changed since`;
  return {
    archiveName,
    fileCount: restored.length,
    totalBytes,
    identicalCount,
    changedSinceCount,
    summary: head + tail,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function statOf(file: string): Promise<BigIntStats | undefined> {
  try {
    return await fs.lstat(file, { bigint: true });
  } catch {
    return undefined;
  }
}
