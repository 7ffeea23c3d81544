/** The Electron host's native folder chooser, handed to the core as its FolderDialog service. */
import { dialog, type BrowserWindow } from 'electron';
import type { FolderDialog } from '../core/services.js';

/** A FolderDialog that opens `dialog.showOpenDialog` attached to the current main window, if any. */
export function createFolderDialog(getWindow: () => BrowserWindow | undefined): FolderDialog {
  return {
    async chooseFolders(title, multiple) {
      const properties: Array<'openDirectory' | 'multiSelections' | 'createDirectory'> = [
        'openDirectory',
        'createDirectory',
      ];
      if (multiple) properties.push('multiSelections');
      const window = getWindow();
      const result =
        window === undefined
          ? await dialog.showOpenDialog({ title, properties })
          : await dialog.showOpenDialog(window, { title, properties });
      return result.canceled ? [] : result.filePaths;
    },
  };
}
