/**
 * The sub-folders of one archive folder, read with `archives:folder`. Sorted by name ascending, the
 * core lists directories before files, so the folders are a prefix of the listing: pages are read
 * only while every entry of a page is a directory.
 */
import type { ArchiveEntry, EntrySort, FolderPage } from '../../../src-main/model/archive.js';

/** Entries per request while reading sub-folders. */
export const SUBFOLDER_PAGE = 500;

/** The order that puts directories first (see `archives:folder`). */
export const FOLDERS_FIRST: EntrySort = { key: 'name', direction: 'asc' };

/** Reads one window of a folder; `offset`/`limit` as in `archives:folder`. */
export type FetchFolderPage = (offset: number, limit: number) => Promise<FolderPage>;

/** The sub-folders found and whether the folder may still gain some (index still loading). */
export interface Subfolders {
  readonly folders: readonly ArchiveEntry[];
  readonly complete: boolean;
}

/** Reads the sub-folders of a folder page by page, stopping at the first non-directory. */
export async function readSubfolders(
  fetchPage: FetchFolderPage,
  limit = SUBFOLDER_PAGE,
): Promise<Subfolders> {
  const folders: ArchiveEntry[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await fetchPage(offset, limit);
    const firstOther = page.entries.findIndex((entry) => entry.type !== 'directory');
    folders.push(...(firstOther < 0 ? page.entries : page.entries.slice(0, firstOther)));
    // A short page is the end of the folder; a page with a file in it is the end of the folders.
    const more = firstOther < 0 && page.entries.length === limit && offset + limit < page.total;
    if (!more) return { folders, complete: page.complete };
  }
}
