import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src-main/model/history.js';
import { planTargetKey } from '../features/history/history-list.js';
import { useHistoryStore } from './history-store.js';
import { historyEntryFixture } from '../../src-main/core/test-support/history-entry-fixture.js';

function entry(id: string, finishedAt: string, patch: Partial<HistoryEntry> = {}): HistoryEntry {
  return historyEntryFixture({ id, finishedAt, trigger: 'schedule', ...patch });
}

describe('history store: latest backups of plans', () => {
  beforeEach(() => {
    useHistoryStore.setState({
      entries: [],
      loaded: true,
      repoFilter: undefined,
      latest: {},
      latestByPlan: {},
    });
  });

  it('keeps each plan target’s newest backup apart from the repository’s', () => {
    const { addEntries } = useHistoryStore.getState();
    addEntries([
      entry('docs', '2024-01-01T10:00:00Z', { planId: 'docs' }),
      entry('photos', '2024-01-01T11:00:00Z', { planId: 'photos', status: 'failed' }),
    ]);
    const state = useHistoryStore.getState();
    expect(state.latest['r1']?.id).toBe('photos');
    expect(state.latestByPlan[planTargetKey('docs', 'r1')]?.id).toBe('docs');
    expect(state.latestByPlan[planTargetKey('photos', 'r1')]?.status).toBe('failed');
  });

  it('lets a late, older entry replace nothing, and ignores other kinds', () => {
    const { addEntries } = useHistoryStore.getState();
    addEntries([entry('new', '2024-02-01T00:00:00Z', { planId: 'docs' })]);
    const before = useHistoryStore.getState().latestByPlan;
    addEntries([
      entry('old', '2024-01-01T00:00:00Z', { planId: 'docs', status: 'failed' }),
      entry('prune', '2024-03-01T00:00:00Z', { planId: 'docs', kind: 'prune' }),
    ]);
    const after = useHistoryStore.getState().latestByPlan;
    expect(after[planTargetKey('docs', 'r1')]?.id).toBe('new');
    // Nothing newer arrived, so the record is the same object (no needless re-render).
    expect(after).toBe(before);
  });
});
