import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigNotice } from '../../../src-main/model/app.js';
import { configNoticeText } from './config-notice-text.js';

const DIR = '/home/me/.config/borgdesk';
const notice = (overrides: Partial<ConfigNotice> & Pick<ConfigNotice, 'kind'>): ConfigNotice => ({
  id: `plans:${overrides.kind}`,
  file: 'plans',
  path: `${DIR}/plans.json`,
  ...overrides,
});

describe('configNoticeText', () => {
  it('names the plan that was set aside and says the others are kept', () => {
    const text = configNoticeText(
      notice({
        kind: 'entries-set-aside',
        count: 1,
        names: ['Photos'],
        keptAt: `${DIR}/plans.json.set-aside-x.json`,
      }),
    );
    expect(text).toEqual({
      title: '1 plan could not be read',
      chip: 'set aside',
      detail:
        'Borgdesk set it aside ("Photos") and kept everything else. It may come from a newer Borgdesk or a hand edit.',
      keptLabel: 'The original is kept in',
    });
  });

  it('says settings went back to their default', () => {
    const text = configNoticeText(
      notice({
        kind: 'entries-set-aside',
        file: 'settings',
        path: `${DIR}/settings.json`,
        count: 2,
        names: ['A', 'B'],
      }),
    );
    expect(text.title).toBe('2 settings could not be read');
    expect(text.detail).toBe('Borgdesk reset them ("A", "B") to the default and kept your other settings.');
  });

  it('says the entries are still in the file when the set-aside copy could not be written', () => {
    const text = configNoticeText(
      notice({
        kind: 'entries-set-aside',
        count: 1,
        keptAt: `${DIR}/plans.json`,
        detail: 'the disk is full',
      }),
    );
    expect(text.keptLabel).toBe('Still in');
    expect(text.detail).toContain('plans.json is left as it is until it can');
  });

  it('explains an unreadable file, a newer one and a failed save in plain words', () => {
    expect(
      configNoticeText(
        notice({ kind: 'unreadable', keptAt: `${DIR}/plans.json.corrupt-1`, detail: 'It is cut short.' }),
      ),
    ).toMatchObject({
      title: 'plans.json could not be read',
      detail: 'It is cut short. Borgdesk started with no plans.',
    });
    expect(configNoticeText(notice({ kind: 'newer-version', keptAt: `${DIR}/plans.json` })).detail).toBe(
      "Borgdesk uses the plans it understands but won't save changes to plans until you update Borgdesk. The file is never written over.",
    );
    expect(configNoticeText(notice({ kind: 'write-failed', detail: 'The disk is full.' }))).toMatchObject({
      title: 'Changes to plans could not be saved',
      detail: 'The disk is full.',
    });
  });

  describe('in German', () => {
    afterEach(() => void i18next.changeLanguage('en'));

    it('uses the German plural, quotes and file words', async () => {
      await i18next.changeLanguage('de');
      const text = configNoticeText(notice({ kind: 'entries-set-aside', count: 2, names: ['A', 'B'] }));
      expect(text.title).toBe('2 Pläne konnten nicht gelesen werden');
      expect(text.detail).toContain('die Einträge („A“, „B“) beiseitegelegt');
      expect(configNoticeText(notice({ kind: 'write-failed' })).title).toBe(
        'Änderungen an Plänen konnten nicht gespeichert werden',
      );
    });
  });
});
