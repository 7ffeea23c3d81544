import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../model/job.js';
import type { StaleItem } from '../../model/stale-check.js';
import { desktopWords } from '../i18n/desktop-words.js';
import { reduceTrayState } from './tray-state.js';

const job = (overrides: Partial<JobSnapshot>): JobSnapshot => ({
  id: 'j1',
  kind: 'backup',
  repoId: 'usb',
  title: 'Back up to USB drive',
  status: 'succeeded',
  finishedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});
const stale: StaleItem = {
  id: 'docs',
  label: 'Documents',
  repoName: 'USB drive',
  staleForMs: 4 * 86_400_000,
};

describe('reduceTrayState', () => {
  it('is idle with nothing to report', () => {
    expect(reduceTrayState({ jobs: [job({})], stale: [] })).toEqual({
      kind: 'idle',
      tooltip: 'Borgdesk: backups up to date',
    });
  });

  it('shows a running job with its percent when it reports one', () => {
    const running = job({
      status: 'running',
      finishedAt: undefined,
      progress: { kind: 'step', message: 'Checking segments', percent: 41.6, elapsedMs: 1000 },
    });
    expect(reduceTrayState({ jobs: [running], stale: [stale] })).toEqual({
      kind: 'running',
      percent: 42,
      tooltip: 'Borgdesk: Back up to USB drive (42%)',
    });
  });

  it('shows running without a percent for a backup, and counts other running jobs', () => {
    const a = job({ id: 'a', status: 'running', finishedAt: undefined });
    const b = job({ id: 'b', status: 'running', finishedAt: undefined, title: 'Back up to NAS' });
    const state = reduceTrayState({ jobs: [a, b], stale: [] });
    expect(state.kind).toBe('running');
    expect(state.percent).toBeUndefined();
    expect(state.tooltip).toBe('Borgdesk: Back up to USB drive +1 more');
  });

  it('turns to error when the newest backup of a repository failed, naming the cause', () => {
    const failed = job({ status: 'failed', error: { code: 'PassphraseWrong', message: 'x' } });
    expect(reduceTrayState({ jobs: [failed], stale: [stale] })).toEqual({
      kind: 'error',
      tooltip: 'Borgdesk: Back up to USB drive failed: wrong passphrase',
    });
  });

  it('forgets a failure once a later backup of the same repository succeeded', () => {
    const failed = job({ id: 'f', status: 'failed', finishedAt: '2026-03-01T09:00:00.000Z' });
    const ok = job({ id: 'o', status: 'succeeded', finishedAt: '2026-03-01T11:00:00.000Z' });
    expect(reduceTrayState({ jobs: [ok, failed], stale: [] }).kind).toBe('idle');
    expect(
      reduceTrayState({ jobs: [failed, { ...ok, finishedAt: '2026-03-01T08:00:00.000Z' }], stale: [] }).kind,
    ).toBe('error');
  });

  it('does not turn red for an absent local drive, nor for a failed browse', () => {
    const absent = job({ status: 'failed', error: { code: 'RepositoryDoesNotExist', message: 'x' } });
    const browse = job({
      repoId: 'nas',
      kind: 'list',
      status: 'failed',
      error: { code: 'BorgFailed', message: 'x' },
    });
    const local = (repoId: string): boolean => repoId === 'usb';
    expect(reduceTrayState({ jobs: [absent, browse], stale: [], isLocalRepo: local }).kind).toBe('idle');
    expect(reduceTrayState({ jobs: [absent], stale: [] }).kind).toBe('error');
  });

  it('turns to warning for stale plans, with the cause in the tooltip', () => {
    const state = reduceTrayState({ jobs: [], stale: [{ ...stale, cause: 'network' }] });
    expect(state).toEqual({
      kind: 'warning',
      tooltip: 'Borgdesk: Documents: no backup for 4 days, network problem',
    });
  });

  it('says when schedules are paused and keeps tooltips short', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ ...stale, id: `s${i}`, label: `Plan number ${i}` }));
    const state = reduceTrayState({ jobs: [], stale: many, schedulesPaused: true });
    expect(state.tooltip.length).toBeLessThanOrEqual(120);
    expect(state.tooltip.endsWith('…')).toBe(true);
    expect(reduceTrayState({ jobs: [], stale: [], schedulesPaused: true }).tooltip).toBe(
      'Borgdesk: backups up to date (schedules paused)',
    );
  });
});

describe('reduceTrayState in German', () => {
  const german = desktopWords('de', {
    en: { backup: 'Back up to {{repo}}' },
    de: { backup: 'In {{repo}} sichern' },
  });
  const titled = { titleWords: { code: 'backup', params: { repo: 'USB drive' } } } as const;

  it('words every state and the job titles in German', () => {
    expect(reduceTrayState({ jobs: [job({})], stale: [] }, german).tooltip).toBe(
      'Borgdesk: Sicherungen aktuell',
    );
    const running = job({
      ...titled,
      status: 'running',
      progress: { kind: 'step', message: 'm', percent: 41.6, elapsedMs: 1 },
    });
    const second = job({ id: 'j2', status: 'running' });
    expect(
      reduceTrayState({ jobs: [running, second], stale: [], schedulesPaused: true }, german).tooltip,
    ).toBe('Borgdesk: In USB drive sichern (42 %) und 1 weiterer (Zeitpläne pausiert)');
    const failed = job({ ...titled, status: 'failed', error: { code: 'PassphraseWrong', message: 'x' } });
    expect(reduceTrayState({ jobs: [failed], stale: [] }, german).tooltip).toBe(
      'Borgdesk: In USB drive sichern fehlgeschlagen: falsche Passphrase',
    );
    expect(reduceTrayState({ jobs: [], stale: [stale] }, german).tooltip).toBe(
      'Borgdesk: Documents: seit 4 Tagen keine Sicherung',
    );
  });
});
