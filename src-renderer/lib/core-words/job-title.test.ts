import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { englishJobTitle } from '../../../src-main/model/job-titles.js';
import { jobTitleCodeSchema, type JobTitleParams } from '../../../src-main/model/job.js';
import { jobTitleText } from './job-title.js';

const params: JobTitleParams = {
  repo: 'Documents',
  plan: 'Laptop',
  archive: 'laptop-2026-01-02',
  newName: 'kept',
  name: 'notes.txt',
  path: '/mnt/a',
  mode: 'repository',
  compression: 'zstd,3',
  format: 'paper',
  amount: '1 GB',
};

describe('jobTitleText', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('words every title code in English exactly as the core writes it for logs and notifications', () => {
    for (const code of jobTitleCodeSchema.options) {
      const words = { code, params };
      expect(jobTitleText({ title: '', titleWords: words })).toBe(englishJobTitle(words));
    }
  });

  it('words a title in German, with the names left as they are', async () => {
    await i18next.changeLanguage('de');
    const text = jobTitleText({
      title: 'Laptop: back up to Documents',
      titleWords: { code: 'plan-backup', params: { plan: 'Laptop', repo: 'Documents' } },
    });
    expect(text).toBe('Laptop: in Documents sichern');
  });

  it('shows the English title of an entry recorded before titles had a code', async () => {
    await i18next.changeLanguage('de');
    expect(jobTitleText({ title: 'Back up to Documents' })).toBe('Back up to Documents');
  });
});
