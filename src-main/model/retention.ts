/**
 * Retention: which archives `borg prune` keeps. A plan without a policy never prunes.
 * Rules and their order follow `borg prune --help` (borg 1.2): --keep-within keeps everything in a
 * window, then each --keep-<period> keeps the newest archive of that many periods.
 */
import { z } from 'zod';

const count = z.number().int().min(1).max(100_000);

/** A retention policy; at least one rule is required (borg prune refuses none). */
export const retentionPolicySchema = z
  .object({
    /** `<int><unit>`, unit H (hours), d, w, m (31 days), y. */
    keepWithin: z
      .string()
      .regex(/^0*[1-9]\d*[Hdwmy]$/, 'Use a number and a unit: H (hours), d, w, m or y, e.g. 2d.')
      .optional(),
    keepLast: count.optional(),
    keepHourly: count.optional(),
    keepDaily: count.optional(),
    keepWeekly: count.optional(),
    keepMonthly: count.optional(),
    keepYearly: count.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'Keep at least something: choose one rule.');
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/** Named policies offered in the editor. */
export const retentionPresetIdSchema = z.enum(['sensible', 'light', 'long-term']);
export type RetentionPresetId = z.infer<typeof retentionPresetIdSchema>;

/** The policy behind each preset. */
export const RETENTION_PRESETS: Readonly<Record<RetentionPresetId, RetentionPolicy>> = {
  // A day of hourly restores, a week of dailies, a month of weeklies, a year of monthlies.
  sensible: { keepHourly: 24, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, keepYearly: 2 },
  // For small disks: two weeks of dailies and a couple of months.
  light: { keepDaily: 14, keepWeekly: 4, keepMonthly: 3 },
  // For archives people must keep for years.
  'long-term': { keepDaily: 14, keepWeekly: 8, keepMonthly: 24, keepYearly: 10 },
};

const RULES = [
  ['keepWithin', '--keep-within', 'everything within'],
  ['keepLast', '--keep-last', 'last'],
  ['keepHourly', '--keep-hourly', 'hourly'],
  ['keepDaily', '--keep-daily', 'daily'],
  ['keepWeekly', '--keep-weekly', 'weekly'],
  ['keepMonthly', '--keep-monthly', 'monthly'],
  ['keepYearly', '--keep-yearly', 'yearly'],
] as const;

/** The policy's rules in borg prune's order (the editor's fields and the policy in words list them so). */
export const RETENTION_RULE_KEYS: readonly (keyof RetentionPolicy)[] = RULES.map(([key]) => key);

/** The preset a policy equals, or 'custom'. */
export function retentionPresetOf(policy: RetentionPolicy): RetentionPresetId | 'custom' {
  for (const [id, preset] of Object.entries(RETENTION_PRESETS) as [RetentionPresetId, RetentionPolicy][]) {
    if (RULES.every(([key]) => policy[key] === preset[key])) return id;
  }
  return 'custom';
}

/** The `--keep-*` arguments for `borg prune`. */
export function pruneKeepArgs(policy: RetentionPolicy): string[] {
  const args: string[] = [];
  for (const [key, flag] of RULES) {
    const value = policy[key];
    if (value !== undefined) args.push(flag, String(value));
  }
  return args;
}

/** A short description, e.g. "24 hourly, 7 daily, 4 weekly, 12 monthly, 2 yearly". */
export function describeRetention(policy: RetentionPolicy | undefined): string {
  if (policy === undefined) return 'Keep every archive';
  return RULES.flatMap(([key, , label]) => {
    const value = policy[key];
    if (value === undefined) return [];
    return key === 'keepWithin' ? [`${label} ${value}`] : [`${value} ${label}`];
  }).join(', ');
}
