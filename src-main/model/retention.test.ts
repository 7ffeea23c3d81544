import { describe, expect, it } from 'vitest';
import {
  describeRetention,
  pruneKeepArgs,
  RETENTION_PRESETS,
  retentionPolicySchema,
  retentionPresetOf,
} from './retention.js';

describe('retention policies', () => {
  it('has a sensible preset of 24 hourly / 7 daily / 4 weekly / 12 monthly / 2 yearly', () => {
    expect(RETENTION_PRESETS.sensible).toEqual({
      keepHourly: 24,
      keepDaily: 7,
      keepWeekly: 4,
      keepMonthly: 12,
      keepYearly: 2,
    });
    expect(retentionPresetOf({ ...RETENTION_PRESETS.sensible })).toBe('sensible');
    expect(retentionPresetOf({ ...RETENTION_PRESETS.sensible, keepWithin: '2d' })).toBe('custom');
    for (const preset of Object.values(RETENTION_PRESETS)) {
      expect(retentionPolicySchema.safeParse(preset).success).toBe(true);
    }
  });

  it('validates keep-within like borg (<int><H|d|w|m|y>) and requires at least one rule', () => {
    expect(retentionPolicySchema.safeParse({ keepWithin: '2d' }).success).toBe(true);
    expect(retentionPolicySchema.safeParse({ keepWithin: '36H' }).success).toBe(true);
    expect(retentionPolicySchema.safeParse({ keepWithin: '0d' }).success).toBe(false);
    expect(retentionPolicySchema.safeParse({ keepWithin: '2 days' }).success).toBe(false);
    expect(retentionPolicySchema.safeParse({ keepDaily: 0 }).success).toBe(false);
    expect(retentionPolicySchema.safeParse({ keepDaily: 1.5 }).success).toBe(false);
    const empty = retentionPolicySchema.safeParse({});
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toMatch(/Keep at least something/);
  });

  it('builds borg prune --keep-* arguments and a description', () => {
    const policy = { keepWithin: '2d', keepDaily: 7, keepMonthly: 6 };
    expect(pruneKeepArgs(policy)).toEqual([
      '--keep-within',
      '2d',
      '--keep-daily',
      '7',
      '--keep-monthly',
      '6',
    ]);
    expect(describeRetention(policy)).toBe('everything within 2d, 7 daily, 6 monthly');
    expect(describeRetention(undefined)).toBe('Keep every archive');
  });
});
