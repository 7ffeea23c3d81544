/** Folder listings for the in-app folder picker. Pure data: imports only zod. */
import { z } from 'zod';

/** One entry of a folder on the host. */
export const folderEntrySchema = z.object({ name: z.string(), path: z.string(), isDirectory: z.boolean() });
/** A folder on the host as the in-app picker shows it. */
export const folderListingSchema = z.object({
  path: z.string(),
  parent: z.string().optional(),
  entries: z.array(folderEntrySchema),
  /** Handy starting points: home, root, mounted drives. */
  places: z.array(z.object({ label: z.string(), path: z.string() })),
  /** True when the folder held more than the listing cap: `entries` is a part of it, folders first. */
  truncated: z.boolean().optional(),
});
export type FolderListing = z.infer<typeof folderListingSchema>;
