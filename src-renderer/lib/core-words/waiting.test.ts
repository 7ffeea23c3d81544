import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { waitingText } from './waiting.js';

describe('waitingText', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('words what a job waits for, in English as the core does and in German', async () => {
    const job = {
      waitingFor: 'Waiting for “Back up to Documents” to finish',
      waitingWords: {
        code: 'job' as const,
        title: 'Back up to Documents',
        titleWords: { code: 'backup' as const, params: { repo: 'Documents' } },
      },
    };
    expect(waitingText(job)).toBe(job.waitingFor);
    expect(waitingText({ waitingWords: { code: 'lock', seconds: 60 } })).toBe(
      "Waiting up to 60 s for the repository's lock",
    );
    await i18next.changeLanguage('de');
    expect(waitingText(job)).toBe('Wartet, bis „In Documents sichern“ fertig ist');
  });

  it('shows the English line when the core sent no data, and nothing when the job does not wait', () => {
    expect(waitingText({ waitingFor: 'Waiting for the lock held by borg on nas' })).toBe(
      'Waiting for the lock held by borg on nas',
    );
    expect(waitingText({})).toBeUndefined();
  });
});
