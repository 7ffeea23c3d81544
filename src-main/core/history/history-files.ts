/**
 * The history's on-disk layout under `<configDir>/history/`: `history.json` (the versioned index,
 * oldest entry first), `logs/<id>.json` (one kept log per entry, carrying its entry too, so the
 * index can always be rebuilt from the logs) and `running/<id>.json` (a job still running: its
 * metadata and its log so far, turned into an "interrupted" entry if Borgdesk stops before it ends).
 */
import path from 'node:path';
import { z } from 'zod';
import { historyEntrySchema, jobTriggerSchema } from '../../model/history.js';
import { jobKindSchema, jobTitleWordsSchema, logEntrySchema } from '../../model/job.js';

/** Job ids are UUIDs; anything else could name a path outside the logs folder. */
export const historyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** One entry as the history files store it (its id safe to use as a file name). */
export const storedEntrySchema = historyEntrySchema.extend({ id: historyIdSchema });

/** `history.json`. Loaded entry by entry (see history-index.ts), so this shape is what is written. */
export const historyIndexSchema = z.object({ version: z.literal(1), entries: z.array(storedEntrySchema) });
export type HistoryIndex = z.infer<typeof historyIndexSchema>;

/** `logs/<id>.json`; `entry` is absent in files written before the index could be rebuilt from logs. */
export const historyLogSchema = z.object({
  version: z.literal(1),
  entries: z.array(logEntrySchema),
  entry: storedEntrySchema.optional(),
});
export type HistoryLog = z.infer<typeof historyLogSchema>;

/** What is known of a job while it runs. */
export const runningEntrySchema = z.object({
  id: historyIdSchema,
  kind: jobKindSchema,
  repoId: z.string(),
  repoName: z.string(),
  title: z.string(),
  titleWords: jobTitleWordsSchema.optional(),
  trigger: jobTriggerSchema,
  planId: z.string().optional(),
  startedAt: z.string(),
});
export type RunningEntry = z.infer<typeof runningEntrySchema>;

/** `running/<id>.json`: rewritten every few seconds while its job runs, removed once it is recorded. */
export const runningMarkerSchema = z.object({
  version: z.literal(1),
  entry: runningEntrySchema,
  /** The last time the marker was written: the last moment the job is known to have been running. */
  updatedAt: z.string(),
  log: z.array(logEntrySchema),
});
export type RunningMarker = z.infer<typeof runningMarkerSchema>;

/** The history folder inside the app's config directory. */
export function historyDir(configDir: string): string {
  return path.join(configDir, 'history');
}

/** Paths of the files of the history kept in `dir`. */
export function historyPaths(dir: string): {
  readonly index: string;
  readonly logs: string;
  readonly log: (id: string) => string;
  readonly running: string;
  readonly marker: (id: string) => string;
} {
  const logs = path.join(dir, 'logs');
  const running = path.join(dir, 'running');
  return {
    index: path.join(dir, 'history.json'),
    logs,
    log: (id) => path.join(logs, `${id}.json`),
    running,
    marker: (id) => path.join(running, `${id}.json`),
  };
}

/** The job id a file in `logs/` or `running/` belongs to; undefined for any other file. */
export function idOfFile(name: string): string | undefined {
  if (!name.endsWith('.json')) return undefined;
  const id = name.slice(0, -'.json'.length);
  return historyIdSchema.safeParse(id).success ? id : undefined;
}

/** True for a temp file an interrupted atomic write left behind (json-file.ts names them `.<file>.….tmp`). */
export function isLeftoverTemp(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}
