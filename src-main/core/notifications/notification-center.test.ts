import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import type { RepositorySummary } from '../../model/repository.js';
import { planSchema } from '../../model/plan.js';
import { historyEntryFixture } from '../test-support/history-entry-fixture.js';
import type { CoreEventListener } from '../services.js';
import { createNotificationCenter } from './notification-center.js';
import type { DesktopNotice, NotificationLevel } from './notification-policy.js';
import type { TrayState } from './tray-state.js';
import { createFakeClock, HOUR } from './test-clock.js';

const usb: RepositorySummary = {
  id: 'usb',
  name: 'USB drive',
  location: '/media/usb/borg',
  needsPassphrase: false,
  unlocked: true,
};
const nas: RepositorySummary = { ...usb, id: 'nas', name: 'NAS', location: 'ssh://nas/./borg' };
const snapshot = (overrides: Partial<JobSnapshot>): JobSnapshot => ({
  id: 'j1',
  kind: 'backup',
  repoId: 'nas',
  title: 'Back up to NAS',
  status: 'running',
  ...overrides,
});

function setup(level: NotificationLevel = 'problems') {
  let listener: CoreEventListener | undefined;
  const clock = createFakeClock();
  const notices: DesktopNotice[] = [];
  const states: TrayState[] = [];
  const center = createNotificationCenter({
    subscribe: (l) => {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    clock,
    level: () => level,
    notifier: { notify: (notice) => notices.push(notice) },
    onTrayState: (state) => states.push(state),
    repositories: [usb, nas],
  });
  const emit = <N extends EventName>(event: N, payload: EventPayload<N>): void => listener?.(event, payload);
  return { center, clock, notices, states, emit, listening: () => listener !== undefined };
}

describe('createNotificationCenter', () => {
  it('follows a job from running with percent to a failure, then a recovery', () => {
    const { clock, notices, states, emit } = setup();
    emit('job:updated', snapshot({}));
    emit('job:progress', {
      jobId: 'j1',
      progress: { kind: 'step', message: 'Syncing cache', percent: 30, elapsedMs: 10 },
    });
    emit('job:updated', snapshot({}));
    expect(states.at(-1)).toMatchObject({ kind: 'running', percent: 30 });
    emit(
      'job:finished',
      snapshot({
        status: 'failed',
        finishedAt: '2026-01-10T12:00:00Z',
        error: { code: 'ConnectionClosed', message: 'gone' },
      }),
    );
    expect(states.at(-1)?.kind).toBe('error');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toMatch(/could not reach the server of "NAS"/);
    clock.advance(HOUR);
    emit('job:finished', snapshot({ id: 'j2', status: 'succeeded', finishedAt: '2026-01-10T13:00:00Z' }));
    expect(states.at(-1)?.kind).toBe('idle');
    expect(notices[1]?.title).toBe('Backups to NAS work again');
  });

  it('keeps an absent local drive quiet and the icon calm', () => {
    const { notices, states, emit } = setup('all');
    const absent = snapshot({
      repoId: 'usb',
      status: 'failed',
      finishedAt: '2026-01-10T12:00:00Z',
      error: { code: 'RepositoryDoesNotExist', message: 'x' },
    });
    emit('job:finished', absent);
    expect(notices).toEqual([]);
    expect(states.at(-1)?.kind).toBe('idle');
  });

  it('announces newly stale plans once, reports pause, and stops listening on dispose', () => {
    const { center, notices, states, listening } = setup();
    const item = { id: 'docs', label: 'Documents', repoName: 'USB drive', staleForMs: 5 * 24 * HOUR };
    center.setStale([item]);
    center.setStale([item]);
    expect(notices).toHaveLength(1);
    expect(states.at(-1)?.kind).toBe('warning');
    const count = states.length;
    center.setStale([item]);
    expect(states).toHaveLength(count);
    center.setSchedulesPaused(true);
    expect(center.trayState().tooltip).toMatch(/schedules paused/);
    center.dispose();
    expect(listening()).toBe(false);
  });

  it('learns repositories from repos:changed, so a newly added local drive is quiet too', () => {
    const { notices, emit } = setup('all');
    const stick: RepositorySummary = { ...usb, id: 'stick', name: 'Stick', location: '/media/stick/borg' };
    const absent = snapshot({
      repoId: 'stick',
      status: 'failed',
      finishedAt: '2026-01-10T12:00:00Z',
      error: { code: 'RepositoryDoesNotExist', message: 'x' },
    });
    emit('job:finished', absent);
    expect(notices).toHaveLength(1);
    emit('repos:changed', [usb, nas, stick]);
    emit('job:finished', { ...absent, id: 'j9' });
    expect(notices).toHaveLength(1);
  });

  it("names a plan's failed run after the plan, with the cause, and rate-limits it per plan target", () => {
    const { center, clock, notices, emit } = setup();
    const plan = (id: string, name: string) =>
      planSchema.parse({
        id,
        name,
        archivePrefix: id,
        targets: [{ repoId: 'nas', schedule: { kind: 'every-hours', hours: 1 } }],
        sourcePaths: ['/home/me'],
      });
    emit('plans:changed', [plan('docs', 'Documents'), plan('mail', 'Mail')]);
    const planJob = (id: string, planId: string, code: string): JobSnapshot =>
      snapshot({
        id,
        planId,
        title: 'Documents: back up to NAS',
        status: 'failed',
        finishedAt: '2026-01-10T12:00:00Z',
        error: { code, message: 'Passphrase supplied in BORG_PASSPHRASE is incorrect.' },
      });
    emit('job:finished', planJob('j1', 'docs', 'PassphraseWrong'));
    expect(notices).toEqual([
      {
        title: 'Backup failed: Documents',
        body: 'The passphrase for "NAS" is wrong or missing. Open Borgdesk and enter it again.',
        urgency: 'normal',
      },
    ]);
    // The next hourly failure of the same plan target, same cause: quiet.
    clock.advance(HOUR);
    emit('job:finished', planJob('j2', 'docs', 'PassphraseWrong'));
    expect(notices).toHaveLength(1);
    // Another plan to the same repository is its own subject.
    emit('job:finished', planJob('j3', 'mail', 'PassphraseWrong'));
    expect(notices.map((n) => n.title)).toEqual(['Backup failed: Documents', 'Backup failed: Mail']);
    // Plans learned through setPlans (the host's seed at start) name the notice too.
    center.setPlans([{ id: 'photos', name: 'Photos' }]);
    emit('job:finished', planJob('j4', 'photos', 'LockTimeout'));
    expect(notices.at(-1)?.title).toBe('Backup failed: Photos');
    expect(notices.at(-1)?.body).toMatch(/"NAS" is locked by another borg process/);
  });

  it('falls back to the job title for a plan it does not know, and keeps a manual job per repository', () => {
    const { notices, emit } = setup();
    emit(
      'job:finished',
      snapshot({
        planId: 'gone',
        title: 'Old plan: back up to NAS',
        status: 'failed',
        finishedAt: '2026-01-10T12:00:00Z',
        error: { code: 'ConnectionClosed', message: 'Connection closed by remote host' },
      }),
    );
    emit(
      'job:finished',
      snapshot({
        id: 'j2',
        status: 'failed',
        finishedAt: '2026-01-10T12:05:00Z',
        error: { code: 'ConnectionClosed', message: 'Connection closed by remote host' },
      }),
    );
    expect(notices.map((n) => n.title)).toEqual([
      'Backup failed: Old plan: back up to NAS',
      'Backup failed: Back up to NAS',
    ]);
  });

  it('shows a backup interrupted before a restart as an error, until a later backup succeeds', () => {
    const { center, notices, states, emit } = setup();
    expect(states.at(-1)?.kind).toBe('idle');
    center.seedFromHistory([
      historyEntryFixture({
        id: 'h2',
        repoId: 'nas',
        title: 'Back up to NAS',
        status: 'interrupted',
        finishedAt: '2024-05-02T10:00:00.000Z',
        error: { code: 'BorgdeskStopped', message: 'Borgdesk stopped while it ran.' },
      }),
      historyEntryFixture({ id: 'h1', repoId: 'nas', finishedAt: '2024-05-01T10:00:00.000Z' }),
    ]);
    expect(states.at(-1)).toMatchObject({ kind: 'error' });
    expect(states.at(-1)?.tooltip).toMatch(/Back up to NAS failed: backup interrupted/);
    // Seeding announces nothing: the user was told when it happened, or the app was not running.
    expect(notices).toEqual([]);
    emit('job:finished', snapshot({ id: 'j9', status: 'succeeded', finishedAt: '2024-05-03T10:00:00.000Z' }));
    expect(states.at(-1)?.kind).toBe('idle');
  });
});
