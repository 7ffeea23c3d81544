/**
 * Words for `borg diff` results: one line of details per changed item ("+1.2 MB −300 kB",
 * "-rw-r--r-- → -rwxr-xr-x", "ann → root") and the filtering behind the category toggles.
 */
import i18next from 'i18next';
import type { DiffCategory, DiffItem } from '../../../src-main/model/archive.js';
import { formatBytes } from '../../lib/format.js';

/** One change of a diff item. */
export type DiffChange = DiffItem['changes'][number];

type ChangeWord = keyof (typeof import('../../i18n/locales/en/compare.json'))['change'];
const word = (key: ChangeWord, values: Readonly<Record<string, string>> = {}): string =>
  i18next.t(`change.${key}`, { ns: 'compare', ...values });

function owner(user: string | undefined, group: string | undefined): string {
  if (!group || group === user) return user ?? '?';
  return `${user ?? '?'}:${group}`;
}

/** A short description of one change. */
export function describeChange(change: DiffChange): string {
  const size = change.size !== undefined ? formatBytes(change.size) : undefined;
  switch (change.type) {
    case 'modified':
      return word('modified', {
        added: formatBytes(change.added ?? 0),
        removed: formatBytes(change.removed ?? 0),
      });
    case 'added':
      return size ? word('newFileSize', { size }) : word('newFile');
    case 'removed':
      return size ? word('removedFileSize', { size }) : word('removedFile');
    case 'added directory':
      return word('newFolder');
    case 'removed directory':
      return word('removedFolder');
    case 'added link':
      return word('newLink');
    case 'removed link':
      return word('removedLink');
    case 'changed link':
      return word('linkChanged');
    case 'mode':
      return word('fromTo', { from: change.oldMode ?? '?', to: change.newMode ?? '?' });
    case 'owner':
      return word('fromTo', {
        from: owner(change.oldUser, change.oldGroup),
        to: owner(change.newUser, change.newGroup),
      });
    case 'mtime':
      return word('mtime');
    case 'ctime':
      return word('ctime');
    default:
      return word('other', { type: change.type });
  }
}

// Time stamps change with almost every modification; they are noise next to anything else.
const isTimeOnly = (change: DiffChange): boolean => change.type === 'ctime' || change.type === 'mtime';

/** The details line of an item: its changes, time stamps only when nothing else changed. */
export function describeItem(item: DiffItem): string {
  const meaningful = item.changes.filter((change) => !isTimeOnly(change));
  if (meaningful.length > 0) return meaningful.map(describeChange).join(' · ');
  if (item.changes.length > 1) return word('onlyTimes');
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
