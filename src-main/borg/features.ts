/** The renderer's view of the capability table: what the screens offer for the borg in use. */
import type { BorgFeatures } from '../model/app.js';
import type { BorgCapabilities } from './capabilities.js';

/** What a borg with these capabilities lets the user do, for `app:status`. */
export function featuresOf(caps: BorgCapabilities): BorgFeatures {
  return {
    major: caps.usesRepoCreate ? 2 : 1,
    encryptionModes: [...caps.encryptionModes],
    softDelete: caps.softDelete,
    archiveSeries: !caps.uniqueArchiveNames,
    tags: caps.hasTags,
    archiveSizes: caps.stats.archiveDeduplicatedSize,
    repositoryTotals: caps.stats.repositoryTotals,
    compactReportsFreed: caps.compactReportsFreedSpace,
    repoSpace: caps.hasRepoSpace,
    repoCompress: caps.hasRepoCompress,
    findLostArchives: caps.hasFindLostArchives,
    migrateFromBorg1: caps.hasTransferFromBorg1,
    extraLocationSchemes: [...caps.extraLocationSchemes],
  };
}
