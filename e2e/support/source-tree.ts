/** Builds folders of real files for backups: random (incompressible) data so a backup takes a few seconds. */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write `fileCount` files of `fileSize` random bytes into `dir` (spread over a few sub-folders). Every
 * second file repeats the one before it, so deduplication visibly halves what is stored.
 */
export async function makeSourceTree(dir: string, fileCount: number, fileSize: number): Promise<string[]> {
  const written: string[] = [];
  let previous = randomBytes(fileSize);
  for (let i = 0; i < fileCount; i++) {
    const sub = path.join(dir, `folder-${i % 5}`);
    await mkdir(sub, { recursive: true });
    const file = path.join(sub, `file-${String(i).padStart(4, '0')}.bin`);
    const data = i % 2 === 0 ? randomBytes(fileSize) : previous;
    await writeFile(file, data);
    previous = data;
    written.push(file);
  }
  return written;
}
