import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { lockWaitText } from '../../../src-main/model/lock.js';
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

describe('waitingText for a lock whose holder is known', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('names the holder in the English the core keeps and in German', async () => {
    const here = { code: 'lock' as const, seconds: 60, holderPid: 42 };
    const there = { ...here, holderHost: 'nas' };
    expect(waitingText({ waitingWords: here })).toBe(lockWaitText(60, { holderPid: 42 }));
    expect(waitingText({ waitingWords: there })).toBe(lockWaitText(60, { holderPid: 42, holderHost: 'nas' }));
    expect(waitingText({ waitingWords: there })).toBe(
      'Waiting up to 60 s for the lock held by borg (pid 42) on nas',
    );
    await i18next.changeLanguage('de');
    expect(waitingText({ waitingWords: here })).toBe(
      'Wartet bis zu 60 s auf die Sperre, die borg (PID 42) auf diesem Computer hält',
    );
    expect(waitingText({ waitingWords: there })).toContain('auf nas hält');
  });
});
