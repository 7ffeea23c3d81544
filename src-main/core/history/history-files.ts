/**
 * The history's on-disk layout under `<configDir>/history/`: `history.json` (the versioned index,
 * oldest entry first) and `logs/<id>.json` (one kept log per entry).
 */
import path from 'node:path';
import { z } from 'zod';
import { historyEntrySchema, logEntrySchema } from '../../ipc/contract.js';

/** Job ids are UUIDs; anything else could name a path outside the logs folder. */
export const historyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** `history.json`. */
export const historyIndexSchema = z.object({
  version: z.literal(1),
  entries: z.array(historyEntrySchema.extend({ id: historyIdSchema })),
});
export type HistoryIndex = z.infer<typeof historyIndexSchema>;

/** `logs/<id>.json`. */
export const historyLogSchema = z.object({ version: z.literal(1), entries: z.array(logEntrySchema) });
export type HistoryLog = z.infer<typeof historyLogSchema>;

/** The history folder inside the app's config directory. */
export function historyDir(configDir: string): string {
  return path.join(configDir, 'history');
}

/** Paths of the files of the history kept in `dir`. */
export function historyPaths(dir: string): {
  readonly index: string;
  readonly logs: string;
  readonly log: (id: string) => string;
} {
  const logs = path.join(dir, 'logs');
  return { index: path.join(dir, 'history.json'), logs, log: (id) => path.join(logs, `${id}.json`) };
}
