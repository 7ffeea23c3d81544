import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../model/history.js';
import { planSchema, type Plan } from '../../model/plan.js';
import { targetKey } from '../plan-runs/plan-store.js';
import { DAY_MS, findStalePlans, staleItemFromRow, staleRecords, type StaleSource } from './stale-plans.js';
import { historyEntryFixture } from '../test-support/history-entry-fixture.js';
import { describeCause } from '../../model/failure-cause.js';

const now = Date.UTC(2026, 2, 10, 12);
const iso = (ms: number): string => new Date(ms).toISOString();

function plan(id: string, name: string, repoIds: readonly string[], scheduled = true): Plan {
  return planSchema.parse({
    id,
    name,
    archivePrefix: id,
    targets: repoIds.map((repoId) => ({
      repoId,
      schedule: scheduled ? { kind: 'daily', at: '12:00' } : { kind: 'off' },
    })),
    sourcePaths: ['/home/me/Documents'],
  });
}

let seq = 0;
function entry(
  repoId: string,
  status: HistoryEntry['status'],
  at: number,
  extra: Partial<HistoryEntry> = {},
) {
  return historyEntryFixture({
    id: `job-${seq++}`,
    repoId,
    repoName: `${repoId} (then)`,
    title: 'Back up',
    trigger: 'schedule',
    status,
    finishedAt: iso(at),
    durationMs: 1000,
    ...extra,
  });
}

const repos = [
  { id: 'usb', name: 'USB drive', location: '/media/me/usb/repo' },
  { id: 'srv', name: 'Server', location: 'ssh://me@host/./repo' },
];

describe('staleRecords', () => {
  it('takes the latest success and failure of each repository, ignoring other kinds and cancelled runs', () => {
    const source: StaleSource = {
      plans: [plan('p1', 'Documents', ['usb', 'srv'])],
      repos,
      history: [
        entry('usb', 'succeeded', now - 9 * DAY_MS),
        entry('usb', 'warning', now - 5 * DAY_MS),
        entry('usb', 'succeeded', now - 1 * DAY_MS, { kind: 'check' }),
        entry('usb', 'cancelled', now - 1 * DAY_MS),
        entry('usb', 'failed', now - 2 * DAY_MS, { error: { code: 'PassphraseWrong', message: 'wrong' } }),
        entry('usb', 'failed', now - 3 * DAY_MS, { error: { code: 'LockTimeout', message: 'lock' } }),
      ],
    };
    const [usb, srv] = staleRecords(source);
    expect(usb).toEqual({
      id: targetKey('p1', 'usb'),
      label: 'Documents',
      repoName: 'USB drive',
      localRepository: true,
      scheduled: true,
      lastSuccessAt: now - 5 * DAY_MS,
      lastFailure: { at: now - 2 * DAY_MS, code: 'PassphraseWrong', message: 'wrong' },
    });
    // No history at all: nothing to measure from yet.
    expect(srv).toEqual({
      id: targetKey('p1', 'srv'),
      label: 'Documents',
      repoName: 'Server',
      localRepository: false,
      scheduled: true,
    });
  });
});

describe('staleRecords with plan ids', () => {
  it("measures each plan by its own backups, not another plan's to the same repository", () => {
    const source: StaleSource = {
      plans: [plan('docs', 'Documents', ['usb']), plan('photos', 'Photos', ['usb'])],
      repos,
      history: [
        entry('usb', 'succeeded', now - 8 * DAY_MS, { planId: 'docs' }),
        entry('usb', 'succeeded', now - DAY_MS, { planId: 'photos' }),
        entry('usb', 'failed', now - 2 * DAY_MS, {
          planId: 'photos',
          error: { code: 'LockTimeout', message: 'lock' },
        }),
        // Without a plan id (older history, a backup outside plans): ignored once a plan has its own.
        entry('usb', 'succeeded', now - 3 * DAY_MS),
      ],
    };
    const [docs, photos] = staleRecords(source);
    expect(docs).toMatchObject({ label: 'Documents', lastSuccessAt: now - 8 * DAY_MS });
    expect(docs).not.toHaveProperty('lastFailure');
    expect(photos).toMatchObject({
      label: 'Photos',
      lastSuccessAt: now - DAY_MS,
      lastFailure: { at: now - 2 * DAY_MS, code: 'LockTimeout' },
    });
    expect(findStalePlans(source, now, 5).map((i) => i.label)).toEqual(['Documents']);
  });

  it('falls back to entries without a plan id for a target with none of its own', () => {
    const source: StaleSource = {
      plans: [plan('docs', 'Documents', ['usb']), plan('new', 'New plan', ['usb'])],
      repos,
      history: [
        entry('usb', 'succeeded', now - 2 * DAY_MS, { planId: 'docs' }),
        entry('usb', 'succeeded', now - 6 * DAY_MS),
        entry('usb', 'failed', now - 7 * DAY_MS, { error: { code: 'LockTimeout', message: 'lock' } }),
      ],
    };
    const [docs, fresh] = staleRecords(source);
    expect(docs).toMatchObject({ lastSuccessAt: now - 2 * DAY_MS });
    expect(fresh).toMatchObject({
      label: 'New plan',
      lastSuccessAt: now - 6 * DAY_MS,
      lastFailure: { at: now - 7 * DAY_MS, code: 'LockTimeout' },
    });
  });
});

describe('findStalePlans', () => {
  it('reports targets older than the allowance in days, with the cause of a later failure', () => {
    const history = [
      entry('usb', 'succeeded', now - 4 * DAY_MS),
      entry('usb', 'failed', now - DAY_MS, { error: { code: 'RepositoryDoesNotExist', message: 'gone' } }),
      entry('srv', 'succeeded', now - 2 * DAY_MS),
    ];
    const source = { plans: [plan('p1', 'Documents', ['usb', 'srv'])], repos, history };
    expect(findStalePlans(source, now, 3)).toEqual([
      {
        id: targetKey('p1', 'usb'),
        label: 'Documents',
        repoName: 'USB drive',
        lastSuccessAt: iso(now - 4 * DAY_MS),
        staleForMs: 4 * DAY_MS,
        cause: 'drive-absent',
        causeMessage: 'gone',
      },
    ]);
    // A longer allowance clears it; a shorter one adds the server too.
    expect(findStalePlans(source, now, 5)).toEqual([]);
    expect(findStalePlans(source, now, 1).map((i) => i.repoName)).toEqual(['USB drive', 'Server']);
  });

  it('never reports an unscheduled target, and measures a never-successful one from its first attempt', () => {
    const history = [
      entry('srv', 'failed', now - 6 * DAY_MS, { error: { code: 'ConnectionClosed', message: 'closed' } }),
      entry('srv', 'failed', now - DAY_MS, { error: { code: 'ConnectionClosed', message: 'reset' } }),
    ];
    const source = {
      plans: [plan('p1', 'Photos', ['srv']), plan('p2', 'Manual', ['usb'], false)],
      repos,
      history: [...history, entry('usb', 'succeeded', now - 30 * DAY_MS)],
    };
    const [item, ...rest] = findStalePlans(source, now, 3);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      label: 'Photos',
      staleForMs: 6 * DAY_MS,
      cause: 'network',
      causeMessage: 'reset',
    });
    expect(item?.lastSuccessAt).toBeUndefined();
  });

  it('never counts an interrupted backup or a checkpoint as the last success, and names the interruption', () => {
    const history = [
      entry('usb', 'succeeded', now - 5 * DAY_MS),
      entry('usb', 'succeeded', now - 2 * DAY_MS, { stats: { archiveName: 'docs-2026-03-08.checkpoint' } }),
      entry('usb', 'interrupted', now - DAY_MS, {
        error: { code: 'BorgdeskStopped', message: 'Borgdesk stopped while it ran.' },
      }),
    ];
    const source = { plans: [plan('p1', 'Documents', ['usb'])], repos, history };
    const [item, ...rest] = findStalePlans(source, now, 3);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      lastSuccessAt: iso(now - 5 * DAY_MS),
      staleForMs: 5 * DAY_MS,
      cause: 'interrupted',
    });
    expect(describeCause('interrupted', 'USB drive')).toMatch(/Borgdesk stopped while it ran/);
  });

  it('round-trips a row back to the notification center item', () => {
    const [row] = findStalePlans(
      {
        plans: [plan('p1', 'Documents', ['usb'])],
        repos,
        history: [entry('usb', 'succeeded', now - 4 * DAY_MS)],
      },
      now,
      3,
    );
    expect(row).toBeDefined();
    if (row === undefined) return;
    expect(staleItemFromRow(row)).toEqual({
      id: row.id,
      label: 'Documents',
      repoName: 'USB drive',
      lastSuccessAt: now - 4 * DAY_MS,
      staleForMs: 4 * DAY_MS,
    });
  });
});
