/**
 * Words for `borg diff` results: one line of details per changed item ("+1.2 MB −300 kB",
 * "-rw-r--r-- → -rwxr-xr-x", "ann → root") and the filtering behind the category toggles.
 */
import type { DiffItem } from '../../../src-main/model/archive.js';
import { formatBytes } from '../../lib/format.js';

/** One change of a diff item. */
export type DiffChange = DiffItem['changes'][number];
/** A diff item's category. */
export type DiffCategory = DiffItem['category'];

/** Every category, in the order the toggles show them, with its label. */
export const categories: readonly { readonly key: DiffCategory; readonly label: string }[] = [
  { key: 'added', label: 'Added' },
  { key: 'removed', label: 'Removed' },
  { key: 'modified', label: 'Modified' },
  { key: 'mode', label: 'Mode' },
  { key: 'owner', label: 'Owner' },
  { key: 'link', label: 'Link' },
];

function owner(user: string | undefined, group: string | undefined): string {
  if (!group || group === user) return user ?? '?';
  return `${user ?? '?'}:${group}`;
}

/** A short description of one change. */
export function describeChange(change: DiffChange): string {
  const size = change.size !== undefined ? formatBytes(change.size) : undefined;
  switch (change.type) {
    case 'modified':
      return `+${formatBytes(change.added ?? 0)} −${formatBytes(change.removed ?? 0)}`;
    case 'added':
      return size ? `new file, ${size}` : 'new file';
    case 'removed':
      return size ? `removed file, ${size}` : 'removed file';
    case 'added directory':
      return 'new folder';
    case 'removed directory':
      return 'removed folder';
    case 'added link':
      return 'new link';
    case 'removed link':
      return 'removed link';
    case 'changed link':
      return 'link target changed';
    case 'mode':
      return `${change.oldMode ?? '?'} → ${change.newMode ?? '?'}`;
    case 'owner':
      return `${owner(change.oldUser, change.oldGroup)} → ${owner(change.newUser, change.newGroup)}`;
    case 'mtime':
      return 'modification time changed';
    case 'ctime':
      return 'status time changed';
    default:
      return `${change.type} changed`;
  }
}

// Time stamps change with almost every modification; they are noise next to anything else.
const isTimeOnly = (change: DiffChange): boolean => change.type === 'ctime' || change.type === 'mtime';

/** The details line of an item: its changes, time stamps only when nothing else changed. */
export function describeItem(item: DiffItem): string {
  const meaningful = item.changes.filter((change) => !isTimeOnly(change));
  if (meaningful.length > 0) return meaningful.map(describeChange).join(' · ');
  if (item.changes.length > 1) return 'only time stamps changed';
  return item.changes.map(describeChange).join(' · ');
}

/** Items whose category is switched on and whose path contains `pathFilter` (case-insensitive). */
export function filterItems(
  items: readonly DiffItem[],
  enabled: ReadonlySet<DiffCategory>,
  pathFilter: string,
): DiffItem[] {
  const needle = pathFilter.trim().toLowerCase();
  return items.filter(
    (item) => enabled.has(item.category) && (needle === '' || item.path.toLowerCase().includes(needle)),
  );
}
