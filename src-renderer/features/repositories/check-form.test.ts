import { describe, expect, it } from 'vitest';
import type { CheckScheduleRow } from '../../../src-main/model/check.js';
import {
  checkFormFromRow,
  checkFromForm,
  isFormChanged,
  lastCheckText,
  nextCheckText,
} from './check-form.js';

const weekly: CheckScheduleRow = {
  repoId: 'r1',
  schedule: { kind: 'weekly', days: [6], at: '04:30' },
  mode: 'verify-data',
  dueAt: '2026-03-14T04:30:00.000Z',
};

describe('check form', () => {
  it('starts from the defaults, off, when nothing is saved', () => {
    const form = checkFormFromRow(undefined);
    expect(form.kind).toBe('off');
    expect(checkFromForm('r1', form)).toEqual({
      repoId: 'r1',
      schedule: { kind: 'off' },
      mode: 'repository',
    });
  });

  it('round-trips a saved schedule and notices an edit', () => {
    const form = checkFormFromRow(weekly);
    expect(checkFromForm('r1', form)).toEqual({
      repoId: 'r1',
      schedule: weekly.schedule,
      mode: 'verify-data',
    });
    expect(isFormChanged(form, weekly)).toBe(false);
    expect(isFormChanged({ ...form, at: '05:00' }, weekly)).toBe(true);
    expect(isFormChanged({ ...form, mode: 'repository' }, weekly)).toBe(true);
    expect(checkFromForm('r1', { ...form, kind: 'daily' }).schedule).toEqual({ kind: 'daily', at: '04:30' });
  });

  it('keeps an every-N-hours schedule saved elsewhere', () => {
    const row: CheckScheduleRow = {
      repoId: 'r1',
      schedule: { kind: 'every-hours', hours: 6 },
      mode: 'archives',
    };
    expect(checkFromForm('r1', checkFormFromRow(row))).toEqual({
      repoId: 'r1',
      schedule: { kind: 'every-hours', hours: 6 },
      mode: 'archives',
    });
  });

  it('says when the next check runs, or why it waits', () => {
    expect(nextCheckText(undefined)).toBe('Not scheduled');
    expect(nextCheckText({ ...weekly, schedule: { kind: 'off' } })).toBe('Not scheduled');
    expect(nextCheckText({ ...weekly, waitingFor: 'target' })).toBe(
      'Waiting for the repository to be reachable',
    );
    expect(nextCheckText(weekly)).toMatch(/2026/);
    expect(lastCheckText(weekly)).toBe('Never');
    expect(lastCheckText({ ...weekly, lastRunAt: '2026-03-07T04:31:00.000Z' })).toMatch(/2026/);
  });
});
