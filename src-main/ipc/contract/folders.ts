/** The folders domain of the contract: the browser host's folder picker and the native folder dialog. */
import { z } from 'zod';
import { folderListingSchema } from '../../model/folders.js';

/** Requests for choosing folders. */
export const folderRequests = {
  /** Browser host's in-app folder picker (the Electron host uses a native dialog instead). */
  'fs:list-folder': {
    params: z.object({ path: z.string().optional(), showHidden: z.boolean().optional() }),
    result: folderListingSchema,
  },
  /** Native folder chooser; the browser host answers `{ supported: false }`. */
  'dialog:choose-folders': {
    params: z.object({ title: z.string(), multiple: z.boolean() }),
    result: z.object({ supported: z.boolean(), paths: z.array(z.string()) }),
  },
} as const;
