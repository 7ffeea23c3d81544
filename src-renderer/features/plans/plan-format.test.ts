import { describe, expect, it } from 'vitest';
import { nextRunText } from './plan-format.js';

describe('nextRunText', () => {
  const row = { planId: 'p1', repoId: 'r1', dueAt: '2026-03-10T09:00:00.000Z' };

  it('says what a held-back run waits for', () => {
    expect(nextRunText({ ...row, waitingFor: 'network' }, false)).toBe('Waiting for the network');
    expect(nextRunText({ ...row, waitingFor: 'conditions' }, false)).toBe(
      'Waiting: on battery power or a metered connection',
    );
  });

  it('puts pausing and a missing schedule before any date', () => {
    expect(nextRunText({ ...row, waitingFor: 'conditions' }, true)).toBe('Paused');
    expect(nextRunText(undefined, false)).toBe('Not scheduled');
    expect(nextRunText({ planId: 'p1', repoId: 'r1' }, false)).toBe('Not scheduled');
  });
});
