import { describe, expect, it } from 'vitest';
import { planDraftSchema } from '../../../src-main/model/plan.js';
import {
  emptyForm,
  fieldErrors,
  formFromPlan,
  newTarget,
  patternLines,
  retentionOf,
  rowOfLine,
  toDraft,
} from './plan-form.js';
import { describeHooks } from './hook-form.js';

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
      hooks: {
        ...emptyForm('lz4', undefined).hooks,
        beforeCommand: { command: 'pg_dump db', timeoutSeconds: '120' },
        afterFailureCommand: { command: ' notify-send failed ', timeoutSeconds: '30' },
        alwaysCommand: { command: '   ', timeoutSeconds: '30' },
      },
    };
    const draft = toDraft(form);
    expect(draft.excludes).toEqual(['sh:**/*.tmp', 'pp:/home/me/Downloads']);
    expect(draft.targets).toEqual([
      { repoId: 'r1', schedule: { kind: 'weekly', days: [1, 3], at: '09:30' } },
    ]);
    expect(draft.retention).toEqual({ keepDaily: 7, keepWithin: '2d' });
    expect(draft.excludeIfPresent).toEqual(['.nobackup']);
    expect(draft.afterCommand).toBeUndefined();
    expect(draft.afterFailureCommand).toEqual({ command: 'notify-send failed', timeoutSeconds: 30 });
    // A blank command is no hook at all.
    expect(draft.alwaysCommand).toBeUndefined();
    const parsed = planDraftSchema.parse(draft);
    const back = formFromPlan({ ...parsed, id: 'p1', archivePrefix: 'home' });
    expect(back.targets[0]).toMatchObject({ kind: 'weekly', at: '09:30', days: [1, 3] });
    expect(back.retention).toBe('custom');
    expect(back.keep.keepDaily).toBe('7');
    expect(back.hooks.beforeCommand).toEqual({ command: 'pg_dump db', timeoutSeconds: '120' });
    expect(back.hooks.afterFailureCommand).toEqual({ command: 'notify-send failed', timeoutSeconds: '30' });
    expect(back.hooks.alwaysCommand.command).toBe('');
    expect(describeHooks(parsed)).toBe('before, after failure');
    expect(describeHooks({})).toBeUndefined();
  });

  it('keeps the restore test setting, leaving it out of the draft when off', () => {
    const form = { ...emptyForm('lz4', 'r1'), name: 'Home', sourcePaths: ['/home/me'] };
    expect(form.restoreTest).toBe('off');
    expect(toDraft(form)).not.toHaveProperty('restoreTest');
    const parsed = planDraftSchema.parse(toDraft({ ...form, restoreTest: 'monthly' }));
    expect(parsed.restoreTest).toBe('monthly');
    expect(formFromPlan({ ...parsed, id: 'p1', archivePrefix: 'home' }).restoreTest).toBe('monthly');
  });

  it('turns the pattern lines textarea into --pattern lines, and back', () => {
    const form = {
      ...emptyForm('lz4', 'r1'),
      name: 'Home',
      sourcePaths: ['/home/me'],
      patternsText: '  - **/*.tmp \n\n+ /home/me/keep\n! /home/me/.cache',
    };
    const draft = toDraft(form);
    expect(draft.patterns).toEqual(['- **/*.tmp', '+ /home/me/keep', '! /home/me/.cache']);
    const parsed = planDraftSchema.parse(draft);
    expect(parsed.patterns).toEqual(draft.patterns);
    const back = formFromPlan({ ...parsed, id: 'p1', archivePrefix: 'home' });
    expect(back.patternsText).toBe('- **/*.tmp\n+ /home/me/keep\n! /home/me/.cache');
    expect(toDraft(emptyForm('lz4', 'r1')).patterns).toEqual([]);
    expect(patternLines(' \n ')).toEqual([]);
  });

  it('names every bad pattern line by the textarea row it is on', () => {
    const form = {
      ...emptyForm('lz4', 'r1'),
      name: 'Home',
      sourcePaths: ['/home/me'],
      patternsText: '- **/*.tmp\n\nx /home/me/oops\n+ /home/me/keep\nP nosuchstyle',
    };
    const result = planDraftSchema.safeParse(toDraft(form));
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error?.issues ?? [], form);
    expect(errors['patterns']?.split('\n')).toEqual([
      expect.stringMatching(/^Line 3: A pattern line starts with \+/),
      expect.stringMatching(/^Line 5: Unknown pattern style "nosuchstyle"/),
    ]);
    // Bad pattern lines are not mistaken for exclude patterns.
    expect(errors['excludes']).toBeUndefined();
    // Without the form, lines are counted among the non-blank ones.
    expect(fieldErrors(result.error?.issues ?? [])['patterns']).toMatch(/^Line 2: .*\nLine 4: /);
  });

  it('finds the textarea row of a non-blank line', () => {
    expect(rowOfLine('a\n\n  \nb\nc', 0)).toBe(1);
    expect(rowOfLine('a\n\n  \nb\nc', 1)).toBe(4);
    expect(rowOfLine('a\n\n  \nb\nc', 2)).toBe(5);
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

describe('plan form: schedule conditions', () => {
  const withTarget = (target: Partial<ReturnType<typeof newTarget>>) => ({
    ...emptyForm('lz4', 'r1'),
    name: 'Laptop',
    sourcePaths: ['~/Documents'],
    targets: [{ ...newTarget('r1'), ...target }],
  });

  it('saves the chosen conditions with the schedule and reads them back', () => {
    const draft = toDraft(withTarget({ kind: 'daily', at: '12:00', notOnBattery: true, notOnMetered: true }));
    expect(draft.targets).toEqual([
      {
        repoId: 'r1',
        schedule: { kind: 'daily', at: '12:00', conditions: { notOnBattery: true, notOnMetered: true } },
      },
    ]);
    const parsed = planDraftSchema.parse(draft);
    const back = formFromPlan({ ...parsed, id: 'p1', archivePrefix: 'laptop' });
    expect(back.targets[0]).toMatchObject({ kind: 'daily', notOnBattery: true, notOnMetered: true });
  });

  it('saves only the conditions that are set, and none for a schedule that is off', () => {
    const metered = toDraft(withTarget({ kind: 'every-hours', hours: '6', notOnMetered: true }));
    expect(metered.targets[0]?.schedule).toEqual({
      kind: 'every-hours',
      hours: 6,
      conditions: { notOnMetered: true },
    });
    const none = toDraft(withTarget({ kind: 'weekly', days: [2], at: '08:00' }));
    expect(none.targets[0]?.schedule).toEqual({ kind: 'weekly', days: [2], at: '08:00' });
    const off = toDraft(withTarget({ kind: 'off', notOnBattery: true }));
    expect(off.targets[0]?.schedule).toEqual({ kind: 'off' });
    expect(newTarget('r2')).toMatchObject({ notOnBattery: false, notOnMetered: false });
  });
});
