/** The archives domain of the contract: browsing, searching, comparing and deleting archives. */
import { z } from 'zod';
import {
  archiveIndexStateSchema,
  archiveRefSchema,
  crossArchiveHitSchema,
  deletedArchiveSchema,
  diffResultSchema,
  entrySortSchema,
  fileVersionSchema,
  folderPageSchema,
  searchModeSchema,
  searchResultSchema,
} from '../../model/archive.js';
import { growthReportSchema } from '../../model/archive-growth.js';
import { archiveInfoSchema } from '../../model/archive-info.js';
import { empty, jobRef } from './shared.js';

const indexUsageSchema = z.object({
  bytes: z.number().int().min(0),
  archives: z.number().int().min(0),
  capBytes: z.number().int().min(0),
});

/** Requests about archives and their contents. */
export const archiveRequests = {
  /** Start (or reuse) the contents index of an archive; progress arrives as `archive-index:updated`. */
  'archives:open': { params: archiveRefSchema, result: archiveIndexStateSchema },
  /** One folder of an opened archive ('' is the root), sorted and windowed for a virtualized list. */
  'archives:folder': {
    params: archiveRefSchema.extend({
      path: z.string(),
      sort: entrySortSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5000),
    }),
    result: folderPageSchema,
  },
  /** Where an archive path sits in its folder under a sort, so a reveal scrolls there in one request. */
  'archives:locate': {
    params: archiveRefSchema.extend({ path: z.string().min(1), sort: entrySortSchema }),
    result: z.object({
      /** The folder holding the entry ('' is the root). */
      folder: z.string(),
      /** The entry's row in that folder's pages; null while borg is still listing and has not reached it. */
      index: z.number().int().min(0).nullable(),
      /** False while the index is still loading: rows may still shift as children arrive. */
      complete: z.boolean(),
    }),
  },
  'archives:search': {
    params: archiveRefSchema.extend({
      query: z.string().min(1),
      mode: searchModeSchema,
      limit: z.number().int().min(1).max(5000),
    }),
    result: searchResultSchema,
  },
  /** Every archive of the repository that holds `path`, newest first (indexes archives as needed). */
  'archives:versions': {
    params: z.object({ repoId: z.string(), path: z.string().min(1) }),
    result: z.object({ versions: z.array(fileVersionSchema), archivesSearched: z.number() }),
  },
  /** Search every archive of a repository; results grouped by path. */
  'archives:search-all': {
    params: z.object({
      repoId: z.string(),
      query: z.string().min(1),
      mode: searchModeSchema,
      limit: z.number().int().min(1).max(5000),
    }),
    result: z.object({
      hits: z.array(crossArchiveHitSchema),
      archivesSearched: z.number(),
      truncated: z.boolean(),
    }),
  },
  'archives:diff': {
    params: z.object({
      repoId: z.string(),
      archiveA: z.string().min(1),
      archiveB: z.string().min(1),
      /** The archives' ids: borg 2 compares two archives of one series by id. */
      archiveIdA: z.string().optional(),
      archiveIdB: z.string().optional(),
    }),
    result: diffResultSchema,
  },
  /**
   * "Why did it grow?": the folders and files an archive holds more than the previous archive of its
   * plan (or `against…`), from both archives' contents indexes (built when missing). `folder` limits
   * the report to one folder, for drilling in.
   */
  'archives:growth': {
    params: archiveRefSchema.extend({
      againstArchiveName: z.string().min(1).optional(),
      againstArchiveId: z.string().optional(),
      folder: z.string().optional(),
    }),
    result: growthReportSchema,
  },
  /** Delete one archive (as a job in the repository's queue). */
  'archives:delete': { params: archiveRefSchema, result: jobRef },
  /** `borg rename`: the new name is checked with the archive-name rules before borg runs. */
  'archives:rename': { params: archiveRefSchema.extend({ newName: z.string() }), result: empty },
  /** `borg recreate --comment` (metadata only, no data rewritten); '' clears the comment. */
  'archives:set-comment': { params: archiveRefSchema.extend({ comment: z.string() }), result: empty },
  /** Borg 2: the soft-deleted archives (`repo-list --deleted`), restorable until the next compact. */
  'archives:deleted': {
    params: z.object({ repoId: z.string() }),
    result: z.object({
      archives: z.array(deletedArchiveSchema),
      /**
       * Earlier versions left by rename, comment or tag (borg 2 writes the archive anew and marks the
       * old one deleted): not listed in `archives`, since the archive itself is still there.
       */
      replacedVersions: z.number().int().min(0),
    }),
  },
  /** Borg 2: `borg undelete` brings one soft-deleted archive back (by id). */
  'archives:undelete': { params: archiveRefSchema, result: empty },
  /** Borg 2: `borg tag --add/--remove`; the archive gets a new id (the caller reloads the list). */
  'archives:set-tags': {
    params: archiveRefSchema.extend({ add: z.array(z.string()), remove: z.array(z.string()) }),
    result: empty,
  },
  /** The archive contents indexes on disk (Settings): their size, how many, and the size cap. */
  'archives:index-usage': { params: empty, result: indexUsageSchema },
  /** Removes every contents index from disk; archives are listed by borg again when next opened. */
  'archives:index-clear': { params: empty, result: indexUsageSchema },
  /** `borg info --json REPO::ARCHIVE`: one archive in detail. */
  'archives:info': { params: archiveRefSchema, result: archiveInfoSchema },
} as const;

/** Events about archives. */
export const archiveEvents = {
  /** An archive's contents index progressed, finished or failed. */
  'archive-index:updated': archiveIndexStateSchema,
} as const;
