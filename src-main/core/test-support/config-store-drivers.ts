/**
 * The four config stores behind one small interface, so the config tests run the same cases
 * (bad entries, a truncated file, a newer version, a full or read-only disk) against each store
 * on real files.
 */
import { CheckStore } from '../checks/check-store.js';
import { PlanStore } from '../plan-runs/plan-store.js';
import { planSchema } from '../../model/plan.js';
import { RepositoryRegistry } from '../repositories/repository-registry.js';
import type { ConfigNotices } from '../settings/config-notices.js';
import { openSettingsStore } from '../settings/settings-store.js';

/** One store as the config tests drive it. */
export interface StoreDriver {
  readonly name: 'plans' | 'repositories' | 'checks' | 'settings';
  /** A file holding `entries` (a list entry each; for settings, fields merged into one object). */
  fileWith(entries: readonly Record<string, unknown>[], version?: number): unknown;
  /** Two valid entries, and bad ones that must be set aside alone. */
  readonly valid: readonly [Record<string, unknown>, Record<string, unknown>];
  readonly bad: readonly { readonly why: string; readonly entry: Record<string, unknown> }[];
  open(dir: string, notices: ConfigNotices): Promise<OpenStore>;
}

/** What the tests read and change through a driver. */
export interface OpenStore {
  /** What the store holds, comparable with toEqual. */
  snapshot(): unknown;
  /** Ids (or, for settings, the non-default field values) of the entries in use. */
  keys(): string[];
  /** One ordinary user change. */
  save(): Promise<unknown>;
}

const plan = (id: string, name: string): Record<string, unknown> => ({
  id,
  archivePrefix: id,
  name,
  targets: [{ repoId: 'r1', schedule: { kind: 'daily', at: '02:00' } }],
  sourcePaths: ['/home/me/Documents'],
});

const plans: StoreDriver = {
  name: 'plans',
  fileWith: (entries, version = 1) => ({ version, plans: entries, state: { 'p1|r1': { lastRunAt: 5 } } }),
  valid: [plan('p1', 'Documents'), plan('p2', 'Photos')],
  bad: [
    { why: 'a name one character too long', entry: plan('p3', 'x'.repeat(81)) },
    { why: 'an unknown compression', entry: { ...plan('p3', 'Music'), compression: 'brotli,9' } },
    { why: 'no source folders', entry: { ...plan('p3', 'Music'), sourcePaths: undefined } },
  ],
  async open(dir, notices) {
    const store = await PlanStore.open(dir, notices);
    let n = 0;
    return {
      snapshot: () => ({ plans: store.list(), state: store.stateOf('p1|r1') }),
      keys: () => store.list().map((p) => p.id),
      save: () =>
        store.put({ ...(store.list()[0] ?? planSchema.parse(plan('new', 'New'))), name: `Renamed ${++n}` }),
    };
  },
};

const repo = (id: string, name: string): Record<string, unknown> => ({
  id,
  name,
  location: `/srv/${id}`,
  needsPassphrase: true,
  consentedPrompts: [],
});

const repositories: StoreDriver = {
  name: 'repositories',
  fileWith: (entries, version = 1) => ({ version, repositories: entries }),
  valid: [repo('r1', 'Laptop'), repo('r2', 'USB drive')],
  bad: [
    { why: 'no location', entry: { ...repo('r3', 'NAS'), location: undefined } },
    { why: 'needsPassphrase as text', entry: { ...repo('r3', 'NAS'), needsPassphrase: 'yes' } },
    { why: 'a duplicate id', entry: repo('r1', 'Laptop again') },
  ],
  async open(dir, notices) {
    const registry = await RepositoryRegistry.open(dir, notices);
    return {
      snapshot: () => registry.list(),
      keys: () => registry.list().map((r) => r.id),
      save: () => registry.add({ name: 'New', location: '/srv/new', needsPassphrase: false }),
    };
  },
};

const check = (repoId: string): Record<string, unknown> => ({
  repoId,
  schedule: { kind: 'weekly', days: [0], at: '03:00' },
  mode: 'repository',
});

const checks: StoreDriver = {
  name: 'checks',
  fileWith: (entries, version = 1) => ({ version, checks: entries, state: { r1: { lastRunAt: 7 } } }),
  valid: [check('r1'), check('r2')],
  bad: [
    { why: 'an unknown check mode', entry: { ...check('r3'), mode: 'deep-scan' } },
    { why: 'an impossible time', entry: { ...check('r3'), schedule: { kind: 'daily', at: '25:00' } } },
    { why: 'no schedule', entry: { repoId: 'r3', mode: 'repository' } },
  ],
  async open(dir, notices) {
    const store = await CheckStore.open(dir, notices);
    return {
      snapshot: () => ({ checks: store.list(), state: store.stateOf('r1') }),
      keys: () => store.list().map((c) => c.repoId),
      save: () => store.put({ repoId: 'r9', schedule: { kind: 'daily', at: '04:00' }, mode: 'verify-data' }),
    };
  },
};

const settings: StoreDriver = {
  name: 'settings',
  fileWith: (entries, version = 1) => Object.assign({ version }, ...entries) as unknown,
  valid: [{ borgPath: '/opt/borg/bin/borg' }, { startAtLogin: true }],
  bad: [
    { why: 'a stale allowance out of range', entry: { staleAfterDays: 0 } },
    { why: 'an unknown compression', entry: { defaultCompression: 'gzip' } },
    { why: 'an unknown notification level', entry: { notificationLevel: 'loud' } },
  ],
  async open(dir, notices) {
    const store = await openSettingsStore(dir, notices);
    let n = 0;
    return {
      snapshot: () => store.get(),
      keys: () => [store.get().borgPath, String(store.get().startAtLogin)],
      save: () => store.update({ borgPath: `/usr/local/bin/borg${++n}` }),
    };
  },
};

/** Every config store. */
export const storeDrivers: readonly StoreDriver[] = [plans, repositories, checks, settings];
