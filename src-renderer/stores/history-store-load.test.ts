import { describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../src-main/model/history.js';
import { historyEntryFixture } from '../../src-main/core/test-support/history-entry-fixture.js';

// The history:list answer is held back until the test releases it, as a slow host would.
let release: (page: { entries: HistoryEntry[]; hasMore: boolean }) => void = () => {};
vi.mock('../api/select-client.js', () => ({
  getApi: () => ({
    invoke: () => new Promise((resolve) => (release = resolve)),
  }),
}));

const { useHistoryStore } = await import('./history-store.js');

function entry(id: string, finishedAt: string): HistoryEntry {
  return historyEntryFixture({ id, finishedAt, trigger: 'schedule' });
}

describe('history store: a load and live entries', () => {
  it('keeps an entry that arrived while the first load was out, though the answer lacks it', async () => {
    const loading = useHistoryStore.getState().load(undefined);
    // The job ended after the host read its history but before the answer arrived.
    useHistoryStore.getState().addEntries([entry('live', '2024-01-02T00:00:00Z')]);
    release({ entries: [entry('old', '2024-01-01T00:00:00Z')], hasMore: false });
    await loading;
    expect(useHistoryStore.getState().entries.map((e) => e.id)).toEqual(['live', 'old']);
  });

  it('does not carry live entries of one load into the next', async () => {
    const loading = useHistoryStore.getState().load(undefined);
    release({ entries: [entry('only', '2024-01-03T00:00:00Z')], hasMore: false });
    await loading;
    expect(useHistoryStore.getState().entries.map((e) => e.id)).toEqual(['only']);
  });
});
