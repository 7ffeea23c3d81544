/**
 * `shell:open-path`: shows a folder (a restored folder, a mount) in the system file manager. Only
 * existing folders are opened: handing a file to the desktop's "open" could run a program.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.js';
import type { FileManager } from '../services.js';

/** Opens `folder` with the host's file manager; `{ opened: false }` when the host has none. */
export async function openFolder(
  folder: string,
  fileManager: FileManager | undefined,
): Promise<{ opened: boolean }> {
  if (fileManager === undefined) return { opened: false };
  const stat = path.isAbsolute(folder) ? await fs.stat(folder).catch(() => undefined) : undefined;
  if (stat?.isDirectory() !== true) {
    throw new AppError(
      'NotFound',
      `${folder} is not a folder on this computer.`,
      'It may have been moved or unmounted.',
      { reason: 'folderComputer', params: { folder } },
    );
  }
  return { opened: await fileManager.openPath(folder) };
}
