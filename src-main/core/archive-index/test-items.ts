/** Test helper: ArchiveItems shaped like borg's `--json-lines` items. */
import type { ArchiveItem } from '../../borg/json-output.js';

/** A file ('-'), folder ('d') or link ('l') item with plausible defaults. */
export function item(path: string, type = '-', extra: Partial<ArchiveItem> = {}): ArchiveItem {
  return {
    type,
    mode: `${type === '-' ? '-' : type}rw-r--r--`,
    user: 'alice',
    group: 'staff',
    uid: 1000,
    gid: 1000,
    path,
    healthy: true,
    source: '',
    linktarget: '',
    mtime: '2024-05-01T10:00:00.000000',
    size: 0,
    ...extra,
  };
}
