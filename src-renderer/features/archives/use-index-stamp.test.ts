import { describe, expect, it } from 'vitest';
import { refreshDelay, stampOf } from './use-index-stamp.js';

describe('index stamp', () => {
  it('changes with the status and the count', () => {
    expect(stampOf(undefined)).toBe('none');
    const state = {
      repoId: 'r',
      archiveName: 'a',
      fromCache: false,
      status: 'loading' as const,
      entryCount: 12,
    };
    expect(stampOf(state)).toBe('loading:12');
    expect(stampOf({ ...state, status: 'ready' })).toBe('ready:12');
  });

  it('refreshes a growing index at most once per interval, however often it reports', () => {
    // Last refresh at t=1000: a report at 1300 waits until 1900, one at 2500 goes at once.
    expect(refreshDelay(true, 1000, 1300)).toBe(600);
    expect(refreshDelay(true, 1000, 1850)).toBe(50);
    expect(refreshDelay(true, 1000, 2500)).toBe(0);
    // A finished or failed index refreshes immediately.
    expect(refreshDelay(false, 1000, 1001)).toBe(0);
  });
});
