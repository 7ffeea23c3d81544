import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../model/failure-cause.js';
import { desktopWords } from '../i18n/desktop-words.js';
import { createNotificationPolicy, type RunReport } from './notification-policy.js';
import type { StaleItem } from '../../model/stale-check.js';
import { createFakeClock, DAY, HOUR } from './test-clock.js';

const base: RunReport = {
  subjectId: 'docs@usb',
  label: 'Documents',
  repoName: 'USB drive',
  localRepository: true,
  outcome: 'succeeded',
};
const failed = (code: string, message?: string): RunReport => ({
  ...base,
  outcome: 'failed',
  error: { code, ...(message !== undefined ? { message } : {}) },
});

describe('classifyFailure', () => {
  it('maps error codes to the causes users understand', () => {
    expect(classifyFailure('PassphraseWrong', false)).toBe('passphrase');
    expect(classifyFailure('PassphraseRequired', true)).toBe('passphrase');
    expect(classifyFailure('RepositoryDoesNotExist', true)).toBe('drive-absent');
    expect(classifyFailure('RepositoryDoesNotExist', false)).toBe('borg-error');
    expect(classifyFailure('ConnectionClosed', false)).toBe('network');
    expect(classifyFailure('LockTimeout', true)).toBe('lock');
    expect(classifyFailure('LockFailed', true)).toBe('lock');
    expect(classifyFailure('RepositoryDamaged', true)).toBe('borg-error');
    expect(classifyFailure(undefined, true)).toBe('borg-error');
    expect(classifyFailure('BorgdeskStopped', true)).toBe('interrupted');
    // borg killed by a signal while Borgdesk ran is borg's failure, not Borgdesk stopping.
    expect(classifyFailure('Interrupted', true)).toBe('borg-error');
  });

  it('announces an interrupted backup as interrupted, not as a success or a borg error', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    expect(policy.decideRun({ ...base, outcome: 'interrupted' }, 'problems')).toEqual({
      title: 'Backup interrupted: Documents',
      body: 'The last backup to "USB drive" did not finish: Borgdesk stopped while it ran. Leave Borgdesk running until backups finish.',
      urgency: 'normal',
    });
  });
});

describe('notification levels', () => {
  it('announces successes only at "all"', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    expect(policy.decideRun(base, 'all')).toMatchObject({ title: 'Backup finished', urgency: 'low' });
    expect(policy.decideRun(base, 'problems')).toBeUndefined();
    expect(policy.decideRun(base, 'off')).toBeUndefined();
  });

  it('announces warnings and failures at "all" and "problems", never at "off"', () => {
    for (const level of ['all', 'problems'] as const) {
      const policy = createNotificationPolicy({ clock: createFakeClock() });
      expect(policy.decideRun({ ...base, outcome: 'warning' }, level)?.title).toMatch(/with warnings/);
      expect(policy.decideRun(failed('PassphraseWrong'), level)?.body).toMatch(/passphrase for "USB drive"/);
    }
    const off = createNotificationPolicy({ clock: createFakeClock() });
    expect(off.decideRun({ ...base, outcome: 'warning' }, 'off')).toBeUndefined();
    expect(off.decideRun(failed('PassphraseWrong'), 'off')).toBeUndefined();
  });

  it('a run that stopped at borg’s question points to Borgdesk to answer it', () => {
    expect(classifyFailure('PromptRefused', true)).toBe('question');
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    expect(policy.decideRun(failed('PromptRefused', 'Borg asks a question.'), 'problems')).toEqual({
      title: 'Backup failed: Documents',
      body: 'Borg asks a question about "USB drive" — open Borgdesk to answer it.',
      urgency: 'normal',
    });
  });

  it('never announces cancelled runs', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    expect(policy.decideRun({ ...base, outcome: 'cancelled' }, 'all')).toBeUndefined();
  });

  it('names borg errors with borg message, shortened to one line', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    const notice = policy.decideRun(
      failed('RepositoryDamaged', `segment 12\nis damaged ${'x'.repeat(300)}`),
      'all',
    );
    expect(notice?.body).toMatch(/^Borg reported an error for "USB drive": segment 12 is damaged x+…$/);
    expect(notice?.body.length).toBeLessThan(220);
  });
});

describe('absent drive', () => {
  it('stays silent at every level, however often it happens', () => {
    const clock = createFakeClock();
    const policy = createNotificationPolicy({ clock });
    for (let hour = 0; hour < 24; hour += 1) {
      expect(policy.decideRun(failed('RepositoryDoesNotExist'), 'all')).toBeUndefined();
      clock.advance(HOUR);
    }
  });

  it('is a real error for a remote repository', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    const remote = { ...failed('RepositoryDoesNotExist'), localRepository: false };
    expect(policy.decideRun(remote, 'problems')?.title).toBe('Backup failed: Documents');
  });
});

describe('rate limiting', () => {
  it('announces the same failure at most once per 6 hours', () => {
    const clock = createFakeClock();
    const policy = createNotificationPolicy({ clock });
    const shown: number[] = [];
    // An hourly schedule failing with the same cause for 13 hours.
    for (let hour = 0; hour <= 13; hour += 1) {
      if (policy.decideRun(failed('ConnectionClosed'), 'problems') !== undefined) shown.push(hour);
      clock.advance(HOUR);
    }
    expect(shown).toEqual([0, 6, 12]);
  });

  it('announces at once when the cause changes', () => {
    const clock = createFakeClock();
    const policy = createNotificationPolicy({ clock });
    expect(policy.decideRun(failed('ConnectionClosed'), 'all')).toBeDefined();
    clock.advance(HOUR);
    expect(policy.decideRun(failed('ConnectionClosed'), 'all')).toBeUndefined();
    expect(policy.decideRun(failed('LockTimeout'), 'all')?.body).toMatch(/locked/);
    clock.advance(HOUR);
    expect(policy.decideRun(failed('LockFailed'), 'all')).toBeUndefined();
  });

  it('keeps separate limits per plan', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    expect(policy.decideRun(failed('ConnectionClosed'), 'all')).toBeDefined();
    expect(policy.decideRun({ ...failed('ConnectionClosed'), subjectId: 'photos@nas' }, 'all')).toBeDefined();
  });

  it('honours a custom repeat interval', () => {
    const clock = createFakeClock();
    const policy = createNotificationPolicy({ clock, repeatAfterMs: 2 * HOUR });
    expect(policy.decideRun(failed('LockTimeout'), 'all')).toBeDefined();
    clock.advance(2 * HOUR - 1);
    expect(policy.decideRun(failed('LockTimeout'), 'all')).toBeUndefined();
    clock.advance(1);
    expect(policy.decideRun(failed('LockTimeout'), 'all')).toBeDefined();
  });

  it('limits repeated warnings the same way', () => {
    const clock = createFakeClock();
    const policy = createNotificationPolicy({ clock });
    const warning = { ...base, outcome: 'warning' as const };
    expect(policy.decideRun(warning, 'problems')).toBeDefined();
    clock.advance(5 * HOUR);
    expect(policy.decideRun(warning, 'problems')).toBeUndefined();
    clock.advance(HOUR);
    expect(policy.decideRun(warning, 'problems')).toBeDefined();
  });
});

describe('recovery', () => {
  it('says "work again" once after an announced failure, even at "problems"', () => {
    const clock = createFakeClock();
    const policy = createNotificationPolicy({ clock });
    expect(policy.decideRun(failed('PassphraseWrong'), 'problems')).toBeDefined();
    clock.advance(HOUR);
    expect(policy.decideRun(base, 'problems')).toEqual({
      title: 'Backups to USB drive work again',
      body: 'Documents finished.',
      urgency: 'low',
    });
    expect(policy.decideRun(base, 'problems')).toBeUndefined();
    // The failure memory is cleared: the same failure right after a recovery is news again.
    expect(policy.decideRun(failed('PassphraseWrong'), 'problems')).toBeDefined();
  });

  it('stays silent about a recovery the user never heard a failure for', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    expect(policy.decideRun(failed('PassphraseWrong'), 'off')).toBeUndefined();
    expect(policy.decideRun(base, 'problems')).toBeUndefined();
    expect(policy.decideRun(failed('RepositoryDoesNotExist'), 'all')).toBeUndefined();
    expect(policy.decideRun(base, 'problems')).toBeUndefined();
  });
});

describe('stale alerts', () => {
  const item: StaleItem = {
    id: 'docs@usb',
    label: 'Documents',
    repoName: 'USB drive',
    lastSuccessAt: 0,
    staleForMs: 4 * DAY,
    cause: 'drive-absent',
  };

  it('announces each stale plan once per episode, naming the cause', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    const first = policy.decideStale([item], 'problems');
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toBe(
      'Documents has not been backed up for 4 days. The drive that holds "USB drive" is not connected. Plug it in and the backup runs again.',
    );
    expect(first[0]?.urgency).toBe('critical');
    expect(policy.decideStale([item], 'problems')).toEqual([]);
    // It recovered, then went stale again: a new episode.
    expect(policy.decideStale([], 'problems')).toEqual([]);
    expect(policy.decideStale([item], 'problems')).toHaveLength(1);
  });

  it('is silent at "off" and does not announce later when the level changes for the same episode', () => {
    const policy = createNotificationPolicy({ clock: createFakeClock() });
    expect(policy.decideStale([item], 'off')).toEqual([]);
    expect(policy.decideStale([item], 'all')).toEqual([]);
  });
});

describe('notices in German', () => {
  it('follows the words of the moment, so a language change applies to the next notice', () => {
    let language: 'en' | 'de' = 'de';
    const words = { en: desktopWords('en'), de: desktopWords('de') };
    const policy = createNotificationPolicy({ clock: createFakeClock(), words: () => words[language] });
    expect(policy.decideRun(failed('PassphraseWrong'), 'problems')).toEqual({
      title: 'Sicherung fehlgeschlagen: Documents',
      body: 'Die Passphrase für „USB drive“ ist falsch oder fehlt. Öffnen Sie Borgdesk und geben Sie sie erneut ein.',
      urgency: 'normal',
    });
    expect(policy.decideRun({ ...base, outcome: 'warning' }, 'all')?.title).toBe(
      'Sicherungen in USB drive funktionieren wieder',
    );
    expect(policy.decideRun(base, 'all')).toEqual({
      title: 'Sicherung abgeschlossen',
      body: 'Documents ist gesichert.',
      urgency: 'low',
    });
    const stale: StaleItem = {
      id: 's',
      label: 'Mail',
      repoName: 'NAS',
      staleForMs: 3 * DAY,
      cause: 'network',
    };
    expect(policy.decideStale([stale], 'problems')[0]?.title).toBe('Keine aktuelle Sicherung: Mail');
    language = 'en';
    expect(policy.decideRun({ ...base, subjectId: 'other', outcome: 'warning' }, 'all')?.title).toBe(
      'Backup finished with warnings: Documents',
    );
  });
});
