/**
 * A plan's four hooks as the editor edits them: each a command and its timeout, typed as text. An
 * empty command means "no hook"; the timeout is checked by the core's schema on save.
 */
import i18next from 'i18next';
import type { HookCommand } from '../../../src-main/model/plan.js';

/** The plan fields that hold a hook, in the order they run. */
export const HOOK_FIELDS = ['beforeCommand', 'afterCommand', 'afterFailureCommand', 'alwaysCommand'] as const;
export type HookField = (typeof HOOK_FIELDS)[number];

/** A hook command as edited. */
export interface HookForm {
  readonly command: string;
  readonly timeoutSeconds: string;
}

/** Every hook of a plan as edited. */
export type HooksForm = Readonly<Record<HookField, HookForm>>;

/** When a hook runs, in plain words, with what happens around it. */
export function hookLabel(field: HookField): { readonly label: string; readonly hint: string } {
  return {
    label: i18next.t(`hooks.${field}.label`, { ns: 'plans' }),
    hint: i18next.t(`hooks.${field}.hint`, { ns: 'plans' }),
  };
}

const emptyHook: HookForm = { command: '', timeoutSeconds: '600' };

/** No hooks. */
export const emptyHooks: HooksForm = {
  beforeCommand: emptyHook,
  afterCommand: emptyHook,
  afterFailureCommand: emptyHook,
  alwaysCommand: emptyHook,
};

/** The hooks of a stored plan, as edited. */
export function hooksForm(plan: Partial<Record<HookField, HookCommand>>): HooksForm {
  const one = (h: HookCommand | undefined): HookForm =>
    h ? { command: h.command, timeoutSeconds: String(h.timeoutSeconds) } : emptyHook;
  return {
    beforeCommand: one(plan.beforeCommand),
    afterCommand: one(plan.afterCommand),
    afterFailureCommand: one(plan.afterFailureCommand),
    alwaysCommand: one(plan.alwaysCommand),
  };
}

/** The draft's hook fields: a blank command leaves its hook out. */
export function hooksDraft(hooks: HooksForm): Record<HookField, HookCommand | undefined> {
  const one = (hook: HookForm): HookCommand | undefined =>
    hook.command.trim() === ''
      ? undefined
      : { command: hook.command.trim(), timeoutSeconds: Number(hook.timeoutSeconds) };
  return {
    beforeCommand: one(hooks.beforeCommand),
    afterCommand: one(hooks.afterCommand),
    afterFailureCommand: one(hooks.afterFailureCommand),
    alwaysCommand: one(hooks.alwaysCommand),
  };
}

/** Which hooks a plan has, for its card ("before, at the end"); undefined when it has none. */
export function describeHooks(plan: Partial<Record<HookField, HookCommand>>): string | undefined {
  const set = HOOK_FIELDS.filter((field) => plan[field] !== undefined).map((field) =>
    i18next.t(`hooks.${field}.short`, { ns: 'plans' }),
  );
  return set.length === 0 ? undefined : set.join(', ');
}
