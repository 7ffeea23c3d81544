/**
 * The parts of a config notice the core sends as codes: which settings were reset (by key) and why a
 * file was unreadable (by reason). Notices without the codes (plans, repositories: their names are
 * data) fall back to what the core sent.
 */
import i18next from 'i18next';
import type { ConfigNotice } from '../../../src-main/model/app.js';
import { enResources } from '../../i18n/resources.js';

type SettingFieldKey = keyof typeof enResources.core.settingField;

function isSettingField(key: string): key is SettingFieldKey {
  return Object.hasOwn(enResources.core.settingField, key);
}

/** The names a notice lists: settings in the UI's words, plan and repository names as they are. */
export function configNoticeNames(notice: ConfigNotice): readonly string[] {
  const fields = notice.settingFields;
  if (fields === undefined) return notice.names ?? [];
  return fields.map((key) => (isSettingField(key) ? i18next.t(`core:settingField.${key}`) : key));
}

/** What was wrong with an unreadable file, in words; otherwise the core's detail (if any). */
export function configNoticeDetail(notice: ConfigNotice): string | undefined {
  if (notice.unreadableReason === undefined) return notice.detail;
  return i18next.t(`core:configUnreadable.${notice.unreadableReason}`, { code: notice.errnoCode ?? 'error' });
}
