/**
 * What happened to the config files during this run, for `app:status` (the Overview's "Needs
 * attention" card and the welcome screen). One notice per file and kind; a later notice of the same
 * kind replaces the earlier one. Notices live for this run only: the file a notice names (a
 * set-aside or corrupt copy) stays on disk whatever the user does with the notice.
 */
import type { ConfigNotice } from '../../model/app.js';

/** A notice before it has its id. */
export type ConfigNoticeInput = Omit<ConfigNotice, 'id'>;

/** The config notices of this run. */
export class ConfigNotices {
  private readonly notices = new Map<string, ConfigNotice>();
  private readonly dismissed = new Set<string>();

  /** Add or replace the notice of `notice.file` and `notice.kind` (shown again even if dismissed). */
  set(notice: ConfigNoticeInput): void {
    const id = noticeId(notice.file, notice.kind);
    this.dismissed.delete(id);
    this.notices.set(id, { id, ...notice });
  }

  /** Drop the notice of `file` and `kind`, if any (e.g. a save succeeded after one failed). */
  clear(file: ConfigNotice['file'], kind: ConfigNotice['kind']): void {
    this.notices.delete(noticeId(file, kind));
  }

  /** Hide a notice; false when there was none with this id. */
  dismiss(id: string): boolean {
    if (!this.notices.has(id)) return false;
    this.notices.delete(id);
    this.dismissed.add(id);
    return true;
  }

  /** Every notice not dismissed, in the order they arose. */
  list(): ConfigNotice[] {
    return [...this.notices.values()];
  }
}

function noticeId(file: ConfigNotice['file'], kind: ConfigNotice['kind']): string {
  return `${file}:${kind}`;
}
