/**
 * Plans and their schedule state in `configDir/plans.json`: versioned, read plan by plan (one bad
 * plan is set aside alone, see ConfigFile), written atomically. The state (last run / last attempt
 * per target) lives beside the plans so a restart neither repeats nor forgets a run. Keys a newer
 * Borgdesk added to a plan (same file version) are kept when the plan is written again.
 */
import { planSchema, type Plan } from '../../model/plan.js';
import { runStateSchema, type RunState } from '../schedule/run-state.js';
import { ConfigFile, type Decoded } from '../settings/config-file.js';
import { ConfigNotices } from '../settings/config-notices.js';
import { decodeList, decodeRecord, extraKeys, stringField } from '../settings/entry-decode.js';

const PLANS_VERSION = 1;

interface PlansData {
  readonly plans: readonly Plan[];
  /** Keyed by targetKey(planId, repoId). */
  readonly state: Readonly<Record<string, RunState>>;
  /** Unknown keys per plan id, written back with the plan. */
  readonly planExtras: ReadonlyMap<string, Record<string, unknown>>;
  /** Unknown top-level keys of the file. */
  readonly fileExtras: Record<string, unknown>;
}

/** The scheduler id of one plan target. */
export function targetKey(planId: string, repoId: string): string {
  return `${planId}|${repoId}`;
}

/** Splits a targetKey back into its plan and repository. */
export function parseTargetKey(key: string): { planId: string; repoId: string } {
  const bar = key.indexOf('|');
  return { planId: key.slice(0, bar), repoId: key.slice(bar + 1) };
}

function decode(raw: Readonly<Record<string, unknown>>): Decoded<PlansData> {
  const plans = decodeList(raw['plans'], planSchema, {
    at: 'plans',
    label: (p) => stringField(p, 'name'),
    idOf: (p) => p.id,
  });
  const state = decodeRecord(raw['state'], runStateSchema, 'state');
  return {
    value: {
      plans: plans.items,
      state: state.value,
      planExtras: new Map(plans.items.map((p, i) => [p.id, plans.extras[i] ?? {}])),
      fileExtras: extraKeys(raw, {}, ['plans', 'state']),
    },
    setAside: [...plans.setAside, ...state.setAside],
  };
}

function encode(data: PlansData): Record<string, unknown> {
  return {
    ...data.fileExtras,
    plans: data.plans.map((p) => ({ ...data.planExtras.get(p.id), ...p })),
    state: data.state,
  };
}

/** The saved copy of plans.json; every change resolves once it is on disk, and not before. */
export class PlanStore {
  private constructor(private readonly file: ConfigFile<PlansData>) {}

  /** Load (or start empty); bad plans are set aside and reported through `notices`. */
  static async open(configDir: string, notices = new ConfigNotices()): Promise<PlanStore> {
    const file = await ConfigFile.open<PlansData>({
      dir: configDir,
      name: 'plans',
      version: PLANS_VERSION,
      empty: () => ({ plans: [], state: {}, planExtras: new Map(), fileExtras: {} }),
      decode,
      encode,
      notices,
    });
    return new PlanStore(file);
  }

  private get data(): PlansData {
    return this.file.value;
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
    await this.file.update((data) => {
      const index = data.plans.findIndex((p) => p.id === plan.id);
      const plans = [...data.plans];
      if (index < 0) plans.push(plan);
      else plans[index] = plan;
      return { next: { ...data, plans }, result: undefined };
    });
  }

  /** Remove a plan and its targets' state; false when it was unknown. */
  remove(planId: string): Promise<boolean> {
    return this.file.update((data) => {
      if (!data.plans.some((p) => p.id === planId)) return { result: false };
      const state = Object.fromEntries(
        Object.entries(data.state).filter(([key]) => parseTargetKey(key).planId !== planId),
      );
      const planExtras = new Map(data.planExtras);
      planExtras.delete(planId);
      return {
        next: { ...data, plans: data.plans.filter((p) => p.id !== planId), state, planExtras },
        result: true,
      };
    });
  }

  /**
   * Take `repoId` out of every plan's targets (its repository left Borgdesk), with those targets'
   * state; a plan left without targets stays, with no destination. Resolves to the changed plans' names.
   */
  dropRepository(repoId: string): Promise<string[]> {
    return this.file.update((data) => {
      const changed = data.plans.filter((p) => p.targets.some((t) => t.repoId === repoId));
      if (changed.length === 0) return { result: [] };
      const plans = data.plans.map((p) =>
        changed.includes(p) ? { ...p, targets: p.targets.filter((t) => t.repoId !== repoId) } : p,
      );
      const state = Object.fromEntries(
        Object.entries(data.state).filter(([key]) => parseTargetKey(key).repoId !== repoId),
      );
      return { next: { ...data, plans, state }, result: changed.map((p) => p.name) };
    });
  }

  /** The recorded state of a target. */
  stateOf(key: string): RunState {
    return this.data.state[key] ?? {};
  }

  /** Merge `patch` into a target's state and persist it. */
  async noteState(key: string, patch: RunState): Promise<void> {
    await this.file.update((data) => ({
      next: { ...data, state: { ...data.state, [key]: { ...data.state[key], ...patch } } },
      result: undefined,
    }));
  }
}
