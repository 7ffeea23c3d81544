/**
 * Schemas for borg's stdout in `--json` mode (info, list, create) and `--json-lines` mode (list of
 * an archive's contents), from borg's docs "JSON output / frontends" and borg 1.2.4 recordings.
 * Objects are loose: unknown keys pass, and every field the docs call optional may be missing.
 * The parse helpers map borg's snake_case to the contract's shapes and never leak zod errors.
 */
import { z } from 'zod';
import type { ArchiveSummary } from '../model/archive.js';
import type { ErrorDetail } from '../model/errors.js';
import type { RepositoryStats } from '../model/repository.js';
import { BorgError } from './errors.js';

const repositorySchema = z.looseObject({
  id: z.string(),
  location: z.string().optional(),
  last_modified: z.string().optional(),
});
const encryptionSchema = z.looseObject({ mode: z.string(), keyfile: z.string().optional() });
const cacheSchema = z.looseObject({
  path: z.string().optional(),
  stats: z
    .looseObject({
      total_chunks: z.number().optional(),
      total_unique_chunks: z.number().optional(),
      total_size: z.number(),
      total_csize: z.number(),
      unique_size: z.number(),
      unique_csize: z.number(),
    })
    .optional(),
});
const archiveStatsSchema = z.looseObject({
  original_size: z.number().optional(),
  compressed_size: z.number().optional(),
  deduplicated_size: z.number().optional(),
  nfiles: z.number().optional(),
});
/** One archive as `borg info --json` / `borg create --json` describe it. */
export const archiveSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string().optional(),
  duration: z.number().optional(),
  stats: archiveStatsSchema.optional(),
  hostname: z.string().optional(),
  username: z.string().optional(),
  comment: z.string().optional(),
  /** Borg 2's archive tags (`borg tag`); borg 1.x has none. */
  tags: z.array(z.string()).optional(),
  /** A list in borg 1.x, one string in borg 2. */
  command_line: z.union([z.array(z.string()), z.string()]).optional(),
});
/** `borg create --json`. */
export const createOutputSchema = z.looseObject({
  archive: archiveSchema,
  repository: repositorySchema,
  encryption: encryptionSchema.optional(),
  cache: cacheSchema.optional(),
});
/** `borg info --json REPO` (archives only with an archive selection such as --glob-archives). */
export const infoOutputSchema = z.looseObject({
  repository: repositorySchema,
  encryption: encryptionSchema.optional(),
  cache: cacheSchema.optional(),
  archives: z.array(archiveSchema).optional(),
});
/** `borg list --json REPO`: the cheap archive listing. */
export const listOutputSchema = z.looseObject({
  repository: repositorySchema,
  encryption: encryptionSchema.optional(),
  archives: z.array(z.looseObject({ id: z.string(), name: z.string(), start: z.string() })),
});
// Borg prints the numeric id as `user`/`group` when the name is unknown (a uid with no passwd entry).
const ownerName = z.union([z.string(), z.number().transform(String)]).nullish();

/** One line of `borg list --json-lines REPO::ARCHIVE` (with or without `--format={isomtime}{size}`). */
export const archiveItemSchema = z.looseObject({
  type: z.string(),
  mode: z.string().optional(),
  user: ownerName,
  group: ownerName,
  uid: z.number().optional(),
  gid: z.number().optional(),
  path: z.string(),
  healthy: z.boolean().optional(),
  source: z.string().optional(),
  linktarget: z.string().optional(),
  mtime: z.string().optional(),
  /** What `--format={isomtime}` prints instead of `mtime`; parseArchiveItemLine moves it to `mtime`. */
  isomtime: z.string().optional(),
  size: z.number().optional(),
});

/** The archives of a repository, as `borg list --json` gives them. */
export interface ArchiveListing {
  repositoryId: string;
  encryption?: string;
  archives: { id: string; name: string; start: string }[];
}

/** Repository facts from `borg info --json`. */
export interface RepositoryInfo {
  repositoryId: string;
  location: string;
  encryption?: string;
  stats?: RepositoryStats;
  /** With stats; empty unless archives were requested. */
  archives: ArchiveSummary[];
}

/** A file, directory or link inside an archive (for the archive browser). */
export type ArchiveItem = z.infer<typeof archiveItemSchema>;

/** Parses `borg create --json` stdout into the new archive's summary. */
export function parseCreateOutput(stdout: string): { archive: ArchiveSummary; repositoryId: string } {
  const out = parseJson(stdout, createOutputSchema, 'borg create');
  const archive = toArchiveSummary(out.archive);
  // The repository's stored size after this backup: the growth chart's steps and the metrics file.
  const stored = out.cache?.stats?.unique_csize;
  return {
    archive: stored === undefined ? archive : { ...archive, repositoryStoredSize: stored },
    repositoryId: out.repository.id,
  };
}

/** Parses `borg info --json` stdout. */
export function parseInfoOutput(stdout: string): RepositoryInfo {
  const out = parseJson(stdout, infoOutputSchema, 'borg info');
  const cacheStats = out.cache?.stats;
  return {
    repositoryId: out.repository.id,
    location: out.repository.location ?? '',
    ...(out.encryption ? { encryption: out.encryption.mode } : {}),
    ...(cacheStats ? { stats: toRepositoryStats(cacheStats) } : {}),
    archives: (out.archives ?? []).map(toArchiveSummary),
  };
}

/** Parses `borg list --json` stdout. */
export function parseListOutput(stdout: string): ArchiveListing {
  const out = parseJson(stdout, listOutputSchema, 'borg list');
  return {
    repositoryId: out.repository.id,
    ...(out.encryption ? { encryption: out.encryption.mode } : {}),
    archives: out.archives.map((a) => ({ id: a.id, name: a.name, start: a.start })),
  };
}

const OPTIONAL_ITEM_STRINGS = ['mode', 'source', 'linktarget', 'mtime', 'isomtime'] as const;
const OPTIONAL_ITEM_NUMBERS = ['uid', 'gid', 'size'] as const;

/**
 * Parses one `--json-lines` line of an archive listing; undefined for a line that is not an item.
 * Accepts exactly what archiveItemSchema accepts, but checked by hand on the parsed object: this runs
 * once per archive entry (a million times for a big archive), and zod plus an object copy per line
 * doubled the cost of building the archive index (see `npm run bench`).
 */
export function parseArchiveItemLine(line: string): ArchiveItem | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.type !== 'string' || typeof o.path !== 'string') return undefined;
  for (const key of OPTIONAL_ITEM_STRINGS)
    if (o[key] !== undefined && typeof o[key] !== 'string') return undefined;
  for (const key of OPTIONAL_ITEM_NUMBERS)
    if (o[key] !== undefined && typeof o[key] !== 'number') return undefined;
  if (o.healthy !== undefined && typeof o.healthy !== 'boolean') return undefined;
  for (const key of ['user', 'group'] as const) {
    const owner = o[key];
    // Borg prints the numeric id when the name is unknown (a uid with no passwd entry).
    if (typeof owner === 'number') o[key] = String(owner);
    else if (owner !== undefined && owner !== null && typeof owner !== 'string') return undefined;
  }
  if (o.mtime === undefined && o.isomtime !== undefined) o.mtime = o.isomtime;
  // Borg 2 calls a link's target `target` (1.x: `linktarget`).
  if (o.linktarget === undefined && typeof o.target === 'string') o.linktarget = o.target;
  return o as ArchiveItem;
}

/** Maps one archive object to the contract's ArchiveSummary. */
export function toArchiveSummary(a: z.infer<typeof archiveSchema>): ArchiveSummary {
  const summary: ArchiveSummary = { id: a.id, name: a.name, start: a.start };
  const optional: Partial<ArchiveSummary> = {
    end: a.end,
    durationSeconds: a.duration,
    originalSize: a.stats?.original_size,
    compressedSize: a.stats?.compressed_size,
    deduplicatedSize: a.stats?.deduplicated_size,
    fileCount: a.stats?.nfiles,
    hostname: a.hostname,
    username: a.username,
    comment: a.comment === '' ? undefined : a.comment,
    tags: a.tags === undefined || a.tags.length === 0 ? undefined : [...a.tags].sort(),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(summary, { [key]: value });
  return summary;
}

/** Cache stats → RepositoryStats; dedupRatio = total_size / unique_csize (0 for an empty repository). */
export function toRepositoryStats(s: {
  total_size: number;
  total_csize: number;
  unique_size: number;
  unique_csize: number;
}): RepositoryStats {
  return {
    totalSize: s.total_size,
    totalCompressedSize: s.total_csize,
    uniqueSize: s.unique_size,
    uniqueCompressedSize: s.unique_csize,
    dedupRatio: s.unique_csize > 0 ? s.total_size / s.unique_csize : 0,
  };
}

/** Parses borg's JSON stdout with `schema`; an UnexpectedOutput BorgError names where it did not fit. */
export function parseJson<T>(stdout: string, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    throw unexpected(`${what} did not print valid JSON.`, { reason: 'invalidJson', params: { what } });
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const where = r.error.issues[0]?.path.join('.') ?? '';
    throw unexpected(`${what} printed JSON in an unexpected shape${where ? ` (at "${where}")` : ''}.`, {
      reason: where ? 'unexpectedJsonAt' : 'unexpectedJson',
      params: { what, where },
    });
  }
  return r.data;
}

function unexpected(message: string, detail: ErrorDetail): BorgError {
  const remedy = 'This borg version may not be supported. Check the borg version in Settings.';
  return new BorgError({ code: 'UnexpectedOutput', message, remedy, ...detail });
}
