/**
 * Turns one line of `borg diff --json-lines` into a DiffItem: borg's snake_case change objects
 * become the contract's camelCase ones, and the item gets the one category that matters most.
 * Borg 1.2.4 reports: "added"/"removed" (with size), "added directory", "removed directory",
 * "added link", "removed link", "changed link", "modified" (bytes added/removed), "mode",
 * "owner", and "ctime"/"mtime".
 */
import { z } from 'zod';
import type { DiffCategory, DiffItem } from '../../model/archive.js';

type DiffChange = DiffItem['changes'][number];

const changeSchema = z.looseObject({
  type: z.string(),
  added: z.number().optional(),
  removed: z.number().optional(),
  size: z.number().optional(),
  old_mode: z.string().optional(),
  new_mode: z.string().optional(),
  old_user: z.string().nullish(),
  new_user: z.string().nullish(),
  old_group: z.string().nullish(),
  new_group: z.string().nullish(),
});

/** Borg's change object in the contract's shape; unknown fields are dropped, a missing type becomes "unknown". */
export function toDiffChange(raw: Readonly<Record<string, unknown>>): DiffChange {
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) return { type: typeof raw['type'] === 'string' ? raw['type'] : 'unknown' };
  const c = parsed.data;
  const change: DiffChange = { type: c.type };
  const optional: Partial<DiffChange> = {
    added: c.added,
    removed: c.removed,
    size: c.size,
    oldMode: c.old_mode,
    newMode: c.new_mode,
    oldUser: c.old_user ?? undefined,
    newUser: c.new_user ?? undefined,
    oldGroup: c.old_group ?? undefined,
    newGroup: c.new_group ?? undefined,
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(change, { [key]: value });
  return change;
}

// Lower rank = more significant. A "modified" that moved no bytes (borg reports 0/0 after a chmod)
// and bare time stamps rank below mode and owner changes.
function rank(change: DiffChange): { rank: number; category: DiffCategory } {
  const type = change.type;
  if (type.startsWith('added')) return { rank: 0, category: 'added' };
  if (type.startsWith('removed')) return { rank: 1, category: 'removed' };
  if (type === 'changed link') return { rank: 2, category: 'link' };
  if (type === 'modified' && ((change.added ?? 0) > 0 || (change.removed ?? 0) > 0))
    return { rank: 3, category: 'modified' };
  if (type === 'mode') return { rank: 4, category: 'mode' };
  if (type === 'owner') return { rank: 5, category: 'owner' };
  return { rank: 6, category: 'modified' };
}

/** The most significant category among `changes` ('modified' when there are none). */
export function categorize(changes: readonly DiffChange[]): DiffCategory {
  let best: { rank: number; category: DiffCategory } = { rank: 7, category: 'modified' };
  for (const change of changes) {
    const r = rank(change);
    if (r.rank < best.rank) best = r;
  }
  return best.category;
}

/** One diff line as the UI shows it. */
export function toDiffItem(line: {
  readonly path: string;
  readonly changes: readonly Readonly<Record<string, unknown>>[];
}): DiffItem {
  const changes = line.changes.map(toDiffChange);
  return { path: line.path, category: categorize(changes), changes };
}
