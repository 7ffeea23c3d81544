/**
 * Plans and their schedule state in `configDir/plans.json`: versioned, validated with zod, written
 * atomically. The state (last run / last attempt per target) lives beside the plans so a restart
 * neither repeats nor forgets a run.
 */
import path from 'node:path';
import { z } from 'zod';
import { planSchema, type Plan } from '../plans/plan.js';
import { runStateSchema, type RunState } from '../schedule/run-state.js';
import { JsonFile } from '../settings/json-file.js';

const fileSchema = z.object({
  version: z.literal(1),
  plans: z.array(planSchema),
  /** Keyed by targetKey(planId, repoId). */
  state: z.record(z.string(), runStateSchema).default({}),
});
type PlansFile = z.infer<typeof fileSchema>;

/** The scheduler id of one plan target. */
export function targetKey(planId: string, repoId: string): string {
  return `${planId}|${repoId}`;
}

/** Splits a targetKey back into its plan and repository. */
export function parseTargetKey(key: string): { planId: string; repoId: string } {
  const bar = key.indexOf('|');
  return { planId: key.slice(0, bar), repoId: key.slice(bar + 1) };
}

/** The in-memory copy of plans.json; every change is written through. */
export class PlanStore {
  private constructor(
    private readonly file: JsonFile<PlansFile>,
    private data: PlansFile,
  ) {}

  /** Load (or start empty); a corrupt file is moved aside by JsonFile. */
  static async open(configDir: string): Promise<PlanStore> {
    const file = new JsonFile(path.join(configDir, 'plans.json'), fileSchema, () => ({
      version: 1 as const,
      plans: [],
      state: {},
    }));
    return new PlanStore(file, await file.read());
  }

  /** Every plan, in creation order. */
  list(): Plan[] {
    return [...this.data.plans];
  }

  /** One plan, or undefined. */
  get(planId: string): Plan | undefined {
    return this.data.plans.find((p) => p.id === planId);
  }

  /** Insert or replace a plan. */
  async put(plan: Plan): Promise<void> {
    const index = this.data.plans.findIndex((p) => p.id === plan.id);
    const plans = [...this.data.plans];
    if (index < 0) plans.push(plan);
    else plans[index] = plan;
    await this.save({ ...this.data, plans });
  }

  /** Remove a plan and its targets' state; false when it was unknown. */
  async remove(planId: string): Promise<boolean> {
    if (this.get(planId) === undefined) return false;
    const state = Object.fromEntries(
      Object.entries(this.data.state).filter(([key]) => parseTargetKey(key).planId !== planId),
    );
    await this.save({ ...this.data, plans: this.data.plans.filter((p) => p.id !== planId), state });
    return true;
  }

  /** The recorded state of a target. */
  stateOf(key: string): RunState {
    return this.data.state[key] ?? {};
  }

  /** Merge `patch` into a target's state and persist it. */
  async noteState(key: string, patch: RunState): Promise<void> {
    const state = { ...this.data.state, [key]: { ...this.stateOf(key), ...patch } };
    await this.save({ ...this.data, state });
  }

  private async save(next: PlansFile): Promise<void> {
    this.data = next;
    await this.file.write(next);
  }
}
