/** Archives and their contents: summaries, entries, the contents index, searches, versions and diffs. Pure data: imports only zod. */
import { z } from 'zod';
import { serializedErrorSchema } from './errors.js';
import type { InputProblem } from './input-problems.js';

/** One archive row: `borg info --json` fields, all optional except identity and start. */
export const archiveSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string().optional(),
  durationSeconds: z.number().optional(),
  originalSize: z.number().optional(),
  compressedSize: z.number().optional(),
  deduplicatedSize: z.number().optional(),
  fileCount: z.number().optional(),
  hostname: z.string().optional(),
  username: z.string().optional(),
  /** The archive's comment (`borg create/recreate --comment`); absent when empty. */
  comment: z.string().optional(),
  /** Borg 2's tags (`borg tag`), sorted; absent when there are none. */
  tags: z.array(z.string()).optional(),
  /**
   * What the whole repository stored (deduplicated, compressed) right after this archive was made:
   * borg create's cache stats, known only for archives Borgdesk made (borg 1.x reports it).
   */
  repositoryStoredSize: z.number().optional(),
});
export type ArchiveSummary = z.infer<typeof archiveSummarySchema>;

/** One item of an archive as the browser shows it. `path` is the archive path (no leading slash). */
export const archiveEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  type: z.enum(['file', 'directory', 'symlink', 'other']),
  size: z.number(),
  /** ISO 8601 local time as borg reports it. */
  mtime: z.string(),
  mode: z.string(),
  user: z.string(),
  group: z.string(),
  linkTarget: z.string().optional(),
  /** Directories: how many direct children. */
  childCount: z.number().optional(),
  /**
   * Another item of the same folder has the same name as borg 1.x shows it (each byte that is not
   * valid UTF-8 becomes "?"): it cannot be restored on its own, only with its folder.
   */
  ambiguous: z.boolean().optional(),
});
export type ArchiveEntry = z.infer<typeof archiveEntrySchema>;

/**
 * Names one archive of one repository. With borg 2 the id is what tells the archives of a series
 * (same name) apart; borg 1.x names are unique and an id there is only a hint.
 */
export const archiveRefSchema = z.object({
  repoId: z.string(),
  archiveName: z.string().min(1),
  archiveId: z.string().optional(),
});
export type ArchiveRef = z.infer<typeof archiveRefSchema>;

/** The archive reference inside a larger request (restore, save a copy): repository, name and id only. */
export function archiveRefOf(request: ArchiveRef): ArchiveRef {
  const { repoId, archiveName, archiveId } = request;
  return archiveId === undefined ? { repoId, archiveName } : { repoId, archiveName, archiveId };
}

/** A soft-deleted archive (borg 2): `repo-list --deleted` lists it until `compact` frees its space. */
export const deletedArchiveSchema = z.object({ id: z.string(), name: z.string(), start: z.string() });
export type DeletedArchive = z.infer<typeof deletedArchiveSchema>;

// Borg prints tags joined by commas (repo-list), so a comma or space inside one would be misread.
const TAG_PATTERN = /^[^\s,\p{Cc}]+$/u;

const TAG_LIMIT = 100;

/** Why a tag cannot be set (undefined when it can); the renderer words it. */
export function archiveTagProblem(tag: string): InputProblem | undefined {
  if (tag === '') return { code: 'tagEmpty' };
  if (tag.length > TAG_LIMIT) return { code: 'tagTooLong', params: { limit: TAG_LIMIT } };
  if (!TAG_PATTERN.test(tag)) return { code: 'tagHasSeparator' };
  return undefined;
}

/** State of the contents index of one archive (built by streaming `borg list --json-lines`). */
export const archiveIndexStateSchema = z.object({
  repoId: z.string(),
  archiveName: z.string(),
  /** Set when the archive was opened by id (borg 2's series share names). */
  archiveId: z.string().optional(),
  status: z.enum(['loading', 'ready', 'failed']),
  entryCount: z.number(),
  /** True when the index came from the on-disk cache (no borg run needed). */
  fromCache: z.boolean(),
  error: serializedErrorSchema.optional(),
});
export type ArchiveIndexState = z.infer<typeof archiveIndexStateSchema>;

/** How a folder of an archive is sorted. */
export const entrySortSchema = z.object({
  key: z.enum(['name', 'size', 'mtime', 'type']),
  direction: z.enum(['asc', 'desc']),
});
export type EntrySort = z.infer<typeof entrySortSchema>;

/** A window of one folder of an opened archive. */
export const folderPageSchema = z.object({
  path: z.string(),
  entries: z.array(archiveEntrySchema),
  /** How many children the folder has in all; entries is the window [offset, offset+limit). */
  total: z.number(),
  offset: z.number(),
  /** False while the index is still loading: more children may appear. */
  complete: z.boolean(),
});
export type FolderPage = z.infer<typeof folderPageSchema>;

/** How a search query matches paths: as a substring or as a glob. */
export const searchModeSchema = z.enum(['substring', 'glob']);
/** Entries of one archive that match a search, capped. */
export const searchResultSchema = z.object({ matches: z.array(archiveEntrySchema), truncated: z.boolean() });
export type SearchResult = z.infer<typeof searchResultSchema>;

/** One archive's copy of a path, for the "Versions" view. */
export const fileVersionSchema = z.object({
  archiveName: z.string(),
  archiveId: z.string().optional(),
  archiveStart: z.string(),
  size: z.number(),
  mtime: z.string(),
  type: archiveEntrySchema.shape.type,
  /** True when size or mtime differ from the next-older version (or it is the oldest). */
  changed: z.boolean(),
});
export type FileVersion = z.infer<typeof fileVersionSchema>;

/** One path found by a search over every archive, with the archives that hold it. */
export const crossArchiveHitSchema = z.object({
  path: z.string(),
  type: archiveEntrySchema.shape.type,
  archives: z.array(
    z.object({
      archiveName: z.string(),
      archiveId: z.string().optional(),
      size: z.number(),
      mtime: z.string(),
    }),
  ),
});
export type CrossArchiveHit = z.infer<typeof crossArchiveHitSchema>;

/** One change `borg diff --json-lines` reports for a path. */
export const diffChangeSchema = z.object({
  type: z.string(),
  added: z.number().optional(),
  removed: z.number().optional(),
  size: z.number().optional(),
  oldMode: z.string().optional(),
  newMode: z.string().optional(),
  oldUser: z.string().optional(),
  newUser: z.string().optional(),
  oldGroup: z.string().optional(),
  newGroup: z.string().optional(),
});
/** A changed path's summary category, for filters and counts; in the order the UI lists them. */
export const diffCategorySchema = z.enum(['added', 'removed', 'modified', 'mode', 'owner', 'link']);
export type DiffCategory = z.infer<typeof diffCategorySchema>;
/** Every diff category, in the order the UI lists them. */
export const DIFF_CATEGORIES: readonly DiffCategory[] = diffCategorySchema.options;
/** One changed path of a diff between two archives. */
export const diffItemSchema = z.object({
  path: z.string(),
  category: diffCategorySchema,
  changes: z.array(diffChangeSchema),
});
export type DiffItem = z.infer<typeof diffItemSchema>;
/** The diff between two archives, with counts per category. */
export const diffResultSchema = z.object({
  items: z.array(diffItemSchema),
  counts: z.record(z.string(), z.number()),
  truncated: z.boolean(),
});
export type DiffResult = z.infer<typeof diffResultSchema>;
