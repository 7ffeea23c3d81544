import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigNotice } from '../../../src-main/model/app.js';
import { configNoticeDetail, configNoticeNames } from './config-notice.js';

const base: ConfigNotice = { id: 'x', file: 'settings', kind: 'entries-set-aside', path: '/c/settings.json' };

describe('config notice words', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('names reset settings by their key, in English as the core labels them, and in German', async () => {
    const notice = { ...base, settingFields: ['staleAfterDays', 'borgPath'], names: ['x', 'y'] };
    expect(configNoticeNames(notice)).toEqual(['Warn when no backup for (days)', 'Path to borg']);
    await i18next.changeLanguage('de');
    expect(configNoticeNames(notice)).toEqual(['Warnen, wenn keine Sicherung seit (Tagen)', 'Pfad zu borg']);
  });

  it('keeps plan and repository names as sent', () => {
    expect(configNoticeNames({ ...base, file: 'plans', names: ['Documents'] })).toEqual(['Documents']);
  });

  it('words why a file was unreadable, and falls back to the detail sent without a reason', async () => {
    const unreadable: ConfigNotice = {
      ...base,
      kind: 'unreadable',
      unreadableReason: 'open-failed',
      errnoCode: 'EACCES',
    };
    expect(configNoticeDetail(unreadable)).toBe('It could not be opened (EACCES).');
    expect(configNoticeDetail({ ...unreadable, unreadableReason: 'not-json' })).toBe(
      'It is not complete JSON (damaged or cut short).',
    );
    expect(configNoticeDetail({ ...base, kind: 'write-failed', detail: 'Disk full.' })).toBe('Disk full.');
    await i18next.changeLanguage('de');
    expect(configNoticeDetail(unreadable)).toBe('Die Datei konnte nicht geöffnet werden (EACCES).');
  });
});
