/** The Electron host's file manager, handed to the core as its FileManager service. */
import { shell } from 'electron';
import type { FileManager } from '../core/services.js';

/** A FileManager backed by `shell.openPath`, which resolves to an error message ('' on success). */
export function createFileManager(): FileManager {
  return {
    async openPath(folder) {
      return (await shell.openPath(folder)) === '';
    },
  };
}
