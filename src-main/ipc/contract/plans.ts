/** The plans domain of the contract: saving, running and testing backup plans. */
import { z } from 'zod';
import { draftRulesSchema, pathTestSchema, planDraftSchema, planSchema } from '../../model/plan.js';
import { importPreviewSchema, importRequestSchema, importResultSchema } from '../../model/plan-transfer.js';
import { retentionPolicySchema } from '../../model/retention.js';
import { empty } from './shared.js';

const planRef = z.object({ planId: z.string().min(1) });

/** Requests about backup plans. */
export const planRequests = {
  'plans:list': { params: empty, result: z.array(planSchema) },
  /** Create (no id) or update (id) a plan from a draft; invalid drafts fail with InvalidInput naming each field. */
  'plans:save': {
    params: z.object({ id: z.string().min(1).optional(), draft: planDraftSchema }),
    result: planSchema,
  },
  'plans:delete': { params: planRef, result: z.object({ deleted: z.boolean() }) },
  /** Back up now: every target of the plan, or only `repoId`. */
  'plans:run-now': {
    params: planRef.extend({ repoId: z.string().optional() }),
    result: z.object({ jobIds: z.array(z.string()) }),
  },
  /** Whether `borg create` would exclude `path` under a saved plan's rules or under draft rules. */
  'plans:test-path': {
    params: z.object({
      planId: z.string().optional(),
      rules: draftRulesSchema.optional(),
      path: z.string().min(1),
    }),
    result: pathTestSchema,
  },
  /** What a retention policy would keep and delete (`borg prune --dry-run --list`), newest first. */
  'plans:preview-prune': {
    params: z.object({
      repoId: z.string(),
      planId: z.string().optional(),
      glob: z.string().optional(),
      retention: retentionPolicySchema,
    }),
    result: z.object({ kept: z.array(z.string()), pruned: z.array(z.string()) }),
  },
} as const;

/** Moving plans between computers (and from Vorta or borgmatic): see core/plan-transfer. */
export const planTransferRequests = {
  /** The plans (all, or `planIds`) and their repositories as a Borgdesk plans file; never a secret. */
  'plans:export': {
    params: z.object({ planIds: z.array(z.string()).optional() }),
    result: z.object({ text: z.string(), fileName: z.string(), plans: z.number().int() }),
  },
  /** What importing the file's text would create; changes nothing and runs no borg. */
  'plans:preview-import': { params: importRequestSchema, result: importPreviewSchema },
  /** Imports the previewed plans the user kept (`planKeys`), adding their repositories locked. */
  'plans:import': {
    params: importRequestSchema.extend({ planKeys: z.array(z.string()).min(1) }),
    result: importResultSchema,
  },
} as const;

/** Events about backup plans. */
export const planEvents = {
  /** The plan list changed (saved or deleted). */
  'plans:changed': z.array(planSchema),
} as const;
