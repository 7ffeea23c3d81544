import { describe, expect, it } from 'vitest';
import { createPlan, findPrefixClashes, planPatternRules } from './plan.js';
import { planDraftSchema, planSchema, type PlanDraft } from '../../model/plan.js';
import { testPath } from './patterns.js';

const draft: PlanDraft = {
  name: 'Documents',
  targets: [
    { repoId: 'usb', schedule: { kind: 'daily', at: '02:30' } },
    { repoId: 'nas', schedule: { kind: 'every-hours', hours: 6, conditions: { notOnMetered: true } } },
  ],
  sourcePaths: ['~/Documents', '/srv/shared'],
};

describe('plan schema', () => {
  it('fills defaults for a minimal draft and picks a unique archive prefix', () => {
    const plan = createPlan(draft, 'p1', ['documents']);
    expect(plan).toEqual({
      id: 'p1',
      archivePrefix: 'documents_2',
      name: 'Documents',
      targets: draft.targets,
      sourcePaths: ['~/Documents', '/srv/shared'],
      excludes: [],
      patterns: [],
      presets: [],
      excludeCaches: true,
      excludeIfPresent: ['.nobackup'],
      oneFileSystem: false,
      compression: 'lz4',
      archiveNameTemplate: '{hostname}-{now}',
    });
    expect(planSchema.parse(plan)).toEqual(plan); // a stored plan round-trips
  });

  it('gives a target without a schedule the off schedule, and hooks a default timeout', () => {
    const plan = createPlan(
      { ...draft, targets: [{ repoId: 'usb' }], beforeCommand: { command: ' pg_dump db > /tmp/db.sql ' } },
      'p2',
      [],
    );
    expect(plan.targets).toEqual([{ repoId: 'usb', schedule: { kind: 'off' } }]);
    expect(plan.beforeCommand).toEqual({ command: 'pg_dump db > /tmp/db.sql', timeoutSeconds: 600 });
  });

  it('rejects bad plans with every message at the right field', () => {
    const bad = planDraftSchema.safeParse({
      ...draft,
      name: ' ',
      targets: [
        { repoId: 'usb', schedule: { kind: 'weekly', days: [], at: '25:00' } },
        { repoId: 'usb', schedule: { kind: 'every-hours', hours: 0 } },
      ],
      sourcePaths: ['relative/dir'],
      excludes: ['ok', 'zz:bad'],
      patterns: ['oops'],
      archiveNameTemplate: '{host}',
      excludeIfPresent: ['a/b'],
      beforeCommand: { command: 'x', timeoutSeconds: 0 },
      retention: {},
    });
    expect(bad.success).toBe(false);
    const issues = (bad.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues.map((i) => i.split(':')[0]).sort()).toEqual(
      [
        'name',
        'targets.0.schedule.days',
        'targets.0.schedule.at',
        'targets.1.schedule.hours',
        'targets.1.repoId',
        'sourcePaths.0',
        'excludes.1',
        'patterns.0',
        'archiveNameTemplate',
        'excludeIfPresent.0',
        'beforeCommand.timeoutSeconds',
        'retention',
      ].sort(),
    );
    expect(issues).toContain('targets.1.repoId: This repository is already a target.');
    expect(issues.find((i) => i.startsWith('excludes.1'))).toMatch(/Unknown pattern style "zz:"/);
    expect(issues.find((i) => i.startsWith('archiveNameTemplate'))).toMatch(/Unknown placeholder "\{host\}"/);
  });

  it('reports wrong types without running the cross-field checks on them', () => {
    const wrong = planDraftSchema.safeParse({ name: 'x', targets: 'usb', sourcePaths: ['/a'], excludes: 5 });
    expect((wrong.error?.issues ?? []).map((i) => i.path.join('.'))).toEqual(['targets', 'excludes']);
  });

  it('finds plans whose prune would touch each other', () => {
    const a = createPlan(draft, 'a', []);
    const b = { ...createPlan({ ...draft, targets: [{ repoId: 'nas' }] }, 'b', []) };
    const c = createPlan({ ...draft, targets: [{ repoId: 'other' }] }, 'c', []);
    expect(findPrefixClashes([a, b, c])).toEqual([['a', 'b']]);
  });

  it('feeds presets, excludes and expanded sources to the pattern tester', () => {
    const plan = createPlan({ ...draft, presets: ['node-modules'], excludes: ['*.tmp'] }, 'p', []);
    const rules = planPatternRules(plan, { homeDir: '/home/ann', platform: 'linux' });
    expect(rules).toEqual({
      excludes: ['sh:**/node_modules', '*.tmp'],
      patterns: [],
      roots: ['/home/ann/Documents', '/srv/shared'],
    });
    expect(testPath('/home/ann/Documents/app/node_modules/x', rules).excluded).toBe(true);
    expect(testPath('/home/ann/Documents/a.tmp', rules)).toMatchObject({ excluded: true, rule: '*.tmp' });
    expect(testPath('/home/ann/Music/a.mp3', rules)).toMatchObject({ excluded: true, outsideRoots: true });
    expect(testPath('/srv/shared/report.pdf', rules).excluded).toBe(false);
  });
});
