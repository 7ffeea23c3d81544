import { describe, expect, it } from 'vitest';
import { planDraftSchema } from '../../../src-main/core/plans/plan.js';
import { emptyForm, fieldErrors, formFromPlan, newTarget, retentionOf, toDraft } from './plan-form.js';

describe('plan form', () => {
  it('turns a filled form into a draft the core schema accepts, and back', () => {
    const form = {
      ...emptyForm('zstd,3', 'r1'),
      name: 'Home',
      sourcePaths: ['~/Documents'],
      excludesText: '  sh:**/*.tmp \n\n pp:/home/me/Downloads',
      targets: [{ ...newTarget('r1'), kind: 'weekly' as const, at: '09:30', days: [1, 3] }],
      retention: 'custom' as const,
      keep: { ...emptyForm('lz4', undefined).keep, keepDaily: '7', keepWithin: '2d' },
      before: { command: 'pg_dump db', timeoutSeconds: '120' },
    };
    const draft = toDraft(form);
    expect(draft.excludes).toEqual(['sh:**/*.tmp', 'pp:/home/me/Downloads']);
    expect(draft.targets).toEqual([
      { repoId: 'r1', schedule: { kind: 'weekly', days: [1, 3], at: '09:30' } },
    ]);
    expect(draft.retention).toEqual({ keepDaily: 7, keepWithin: '2d' });
    expect(draft.excludeIfPresent).toEqual(['.nobackup']);
    expect(draft.afterCommand).toBeUndefined();
    const parsed = planDraftSchema.parse(draft);
    const back = formFromPlan({ ...parsed, id: 'p1', archivePrefix: 'home' });
    expect(back.targets[0]).toMatchObject({ kind: 'weekly', at: '09:30', days: [1, 3] });
    expect(back.retention).toBe('custom');
    expect(back.keep.keepDaily).toBe('7');
    expect(back.before).toEqual({ command: 'pg_dump db', timeoutSeconds: '120' });
  });

  it('maps presets to their policy and recognises them again', () => {
    expect(retentionOf({ retention: 'none', keep: emptyForm('lz4', undefined).keep })).toBeUndefined();
    const light = retentionOf({ retention: 'light', keep: emptyForm('lz4', undefined).keep });
    expect(light).toEqual({ keepDaily: 14, keepWeekly: 4, keepMonthly: 3 });
  });

  it('groups schema messages by the section that shows them', () => {
    const draft = toDraft({
      ...emptyForm('lz4', 'r1'),
      targets: [newTarget('r1'), newTarget('r1')],
      excludesText: 're:(unclosed',
    });
    const result = planDraftSchema.safeParse(draft);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error?.issues ?? []);
    expect(errors['name']).toBe('Give the plan a name.');
    expect(errors['sourcePaths']).toBe('Choose at least one folder to back up.');
    expect(errors['targets.1']).toBe('This repository is already a target.');
    expect(errors['excludes']).toMatch(/^Pattern 1: /);
  });
});
