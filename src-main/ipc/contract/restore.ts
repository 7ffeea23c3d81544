/** The restore domain of the contract: previews, restore jobs, saved copies, mounts and the file manager. */
import { z } from 'zod';
import { archiveRefSchema } from '../../model/archive.js';
import {
  mountSchema,
  mountStatusSchema,
  restorePreviewSchema,
  restoreRequestSchema,
} from '../../model/restore.js';
import { empty, jobRef } from './shared.js';

/** Requests about restoring and mounting. */
export const restoreRequests = {
  /** Where a restore would write, how much, and what already exists there (a dry run). */
  'restore:preview': { params: restoreRequestSchema, result: restorePreviewSchema },
  /** Start a restore job; conflicts found by the preview are skipped or overwritten as chosen. */
  'jobs:start-restore': {
    params: restoreRequestSchema.extend({ onConflict: z.enum(['skip', 'overwrite']) }),
    result: jobRef,
  },
  /** "Save a copy as…": restore one file to an exact path; refuses to overwrite an existing file. */
  'jobs:save-copy': {
    params: archiveRefSchema.extend({ path: z.string().min(1), targetPath: z.string().min(1) }),
    result: jobRef,
  },
  'mount:status': { params: empty, result: mountStatusSchema },
  /** Mount an archive (or with no archiveName the whole repository) read-only in a temporary folder. */
  'mount:mount': {
    params: z.object({
      repoId: z.string(),
      archiveName: z.string().optional(),
      /** The archive's id: what tells borg 2's archives of one name apart. */
      archiveId: z.string().optional(),
    }),
    result: mountSchema,
  },
  /**
   * Unmount; MountBusy when a program still uses it. `lazy` detaches it anyway (fusermount -uz,
   * diskutil unmount force) and ends its borg process, so the repository's lock is released.
   */
  'mount:unmount': {
    params: z.object({ mountPoint: z.string(), lazy: z.boolean().optional() }),
    result: mountStatusSchema,
  },
  /** Open a folder in the system file manager; the browser host answers `{ opened: false }`. */
  'shell:open-path': {
    params: z.object({ path: z.string().min(1) }),
    result: z.object({ opened: z.boolean() }),
  },
} as const;

/** Events about restoring and mounting. */
export const restoreEvents = {
  /** Mounts changed (mounted, unmounted, or gone because the app unmounted on quit). */
  'mount:changed': mountStatusSchema,
} as const;
