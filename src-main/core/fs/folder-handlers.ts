/** The request handlers of the folders domain (see ipc/contract/folders.ts): the in-app picker and the native dialog. */
import type { HandlersFor } from '../../ipc/contract.js';
import type { folderRequests } from '../../ipc/contract/folders.js';
import type { FolderDialog } from '../services.js';
import { listFolder } from './folder-listing.js';

/** What the folder handlers use. */
export interface FolderHandlerDeps {
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly username: string;
  readonly folderDialog: FolderDialog | undefined;
}

/** One handler per folder request. */
export function folderHandlers(deps: FolderHandlerDeps): HandlersFor<typeof folderRequests> {
  const { homeDir, platform, username, folderDialog } = deps;
  return {
    'fs:list-folder': (params) => listFolder(params, { homeDir, platform, username }),
    'dialog:choose-folders': async ({ title, multiple }) => {
      if (folderDialog === undefined) return { supported: false, paths: [] };
      return { supported: true, paths: [...(await folderDialog.chooseFolders(title, multiple))] };
    },
  };
}
