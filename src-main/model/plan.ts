/**
 * A backup plan (what users call a profile): what to back up, what to leave out, where to (one or
 * more repositories, each with its own schedule: the 3-2-1 rule), how to name archives, what to
 * run before and after, and how long to keep archives.
 */
import { z } from 'zod';
import {
  archivePrefixSchema,
  checkArchiveNameTemplate,
  DEFAULT_ARCHIVE_NAME_TEMPLATE,
} from './archive-name.js';
import { compressionSchema } from './compression.js';
import { restoreTestScheduleSchema } from './drill.js';
import { excludePresetIdSchema } from './exclude-presets.js';
import { monitoringSchema } from './monitoring.js';
import { checkPatternRules } from './pattern-rules.js';
import { retentionPolicySchema } from './retention.js';
import { scheduleSchema } from './schedule.js';

/** A command run around the backup (e.g. a database dump), stopped after `timeoutSeconds`. */
export const hookCommandSchema = z.object({
  command: z.string().trim().min(1, 'Enter a command or remove it.'),
  timeoutSeconds: z.number().int().min(1).max(86_400).default(600),
});
export type HookCommand = z.infer<typeof hookCommandSchema>;

/** One repository a plan backs up to, with that repository's own schedule. */
export const planTargetSchema = z.object({
  repoId: z.string().min(1),
  schedule: scheduleSchema.default({ kind: 'off' }),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

const planFields = {
  name: z.string().trim().min(1, 'Give the plan a name.').max(80),
  targets: z.array(planTargetSchema).min(1, 'Choose at least one repository.'),
  sourcePaths: z
    .array(
      z
        .string()
        .trim()
        .refine((p) => p.startsWith('/') || p === '~' || p.startsWith('~/'), {
          message: 'Use a full path such as /home/you/Documents (or ~/Documents).',
        }),
    )
    .min(1, 'Choose at least one folder to back up.'),
  /** `--exclude` patterns (fm: by default). */
  excludes: z.array(z.string()).default([]),
  /** `--pattern` lines (+ - ! R P; sh: by default). */
  patterns: z.array(z.string()).default([]),
  presets: z.array(excludePresetIdSchema).default([]),
  excludeCaches: z.boolean().default(true),
  excludeIfPresent: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .refine((n) => !n.includes('/'), 'A file name, without "/".'),
    )
    .default(['.nobackup']),
  oneFileSystem: z.boolean().default(false),
  compression: compressionSchema.default('lz4'),
  /** Placeholders as borg expands them; the archive name is `<archivePrefix>-<template>`. */
  archiveNameTemplate: z.string().default(DEFAULT_ARCHIVE_NAME_TEMPLATE),
  /** Hooks (core/plan-runs/plan-hooks.ts): a failing "before" command skips the backup. */
  beforeCommand: hookCommandSchema.optional(),
  /** After a successful backup (with or without warnings); the name predates the other hooks. */
  afterCommand: hookCommandSchema.optional(),
  /** After a failed or cancelled backup. */
  afterFailureCommand: hookCommandSchema.optional(),
  /** Last, whatever happened. */
  alwaysCommand: hookCommandSchema.optional(),
  /** Absent: never prune. */
  retention: retentionPolicySchema.optional(),
  /** How often a restore drill follows a successful backup (core/drills/drill-schedule.ts); absent: off. */
  restoreTest: restoreTestScheduleSchema.optional(),
  /** Pings, webhook and ntfy after each run (model/monitoring.ts); absent: none. */
  monitoring: monitoringSchema.optional(),
};

function checkPlan(
  plan: {
    targets: readonly PlanTarget[];
    archiveNameTemplate: string;
    excludes: string[];
    patterns: string[];
    /** Stored plans only; a draft gets its prefix when it is created. */
    archivePrefix?: string;
  },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  plan.targets.forEach((t, i) => {
    if (seen.has(t.repoId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['targets', i, 'repoId'],
        message: 'This repository is already a target.',
      });
    }
    seen.add(t.repoId);
  });
  const templateProblem = checkArchiveNameTemplate(plan.archiveNameTemplate, plan.archivePrefix);
  if (templateProblem !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['archiveNameTemplate'], message: templateProblem });
  }
  for (const p of checkPatternRules({ excludes: plan.excludes, patterns: plan.patterns })) {
    if (p.severity === 'error') ctx.addIssue({ code: 'custom', path: [p.list, p.index], message: p.message });
  }
}

/** A stored plan: `id` and `archivePrefix` are fixed when it is created. */
export const planSchema = z
  .object({
    id: z.string().min(1),
    archivePrefix: archivePrefixSchema,
    ...planFields,
    // A stored plan may have none: its only repository was removed from Borgdesk (it has no destination).
    targets: z.array(planTargetSchema),
  })
  .superRefine(checkPlan);
export type Plan = z.infer<typeof planSchema>;
/** What a caller may pass before defaults are applied. */
export type PlanInput = z.input<typeof planSchema>;

/** A plan as the editor submits it for creation (no id, no prefix yet). */
export const planDraftSchema = z.object(planFields).superRefine(checkPlan);
export type PlanDraft = z.input<typeof planDraftSchema>;

/** Exclusion rules for the pattern tester when no saved plan is named. */
export const draftRulesSchema = z.object({
  excludes: z.array(z.string()),
  patterns: z.array(z.string()),
  presets: z.array(z.string()).optional(),
  sourcePaths: z.array(z.string()).optional(),
});

/** The pattern tester's answer. */
export const pathTestSchema = z.object({
  excluded: z.boolean(),
  rule: z.string().optional(),
  matchedPath: z.string().optional(),
  archivePath: z.string(),
  outsideRoots: z.boolean().optional(),
});
export type PathTest = z.infer<typeof pathTestSchema>;
