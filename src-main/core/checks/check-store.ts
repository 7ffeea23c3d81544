/**
 * Periodic checks in `configDir/checks.json`: each repository's check schedule and when its check
 * last ran, read schedule by schedule (one bad schedule is set aside alone, see ConfigFile) and
 * written atomically. The last run is kept beside the schedule so a restart neither repeats a check
 * nor forgets one that was missed (one catch-up, as for plans). Keys a newer Borgdesk added to a
 * schedule (same file version) are kept when it is written again.
 */
import { checkScheduleSchema, type CheckSchedule } from '../../model/check.js';
import { runStateSchema, type RunState } from '../schedule/run-state.js';
import { ConfigFile, type Decoded } from '../settings/config-file.js';
import { ConfigNotices } from '../settings/config-notices.js';
import { decodeList, decodeRecord, extraKeys } from '../settings/entry-decode.js';

const CHECKS_VERSION = 1;

interface ChecksData {
  /** Only repositories with a schedule other than off are stored. */
  readonly checks: readonly CheckSchedule[];
  /** Keyed by repository id. */
  readonly state: Readonly<Record<string, RunState>>;
  /** Unknown keys per repository id, written back with its schedule. */
  readonly checkExtras: ReadonlyMap<string, Record<string, unknown>>;
  readonly fileExtras: Record<string, unknown>;
}

function decode(raw: Readonly<Record<string, unknown>>): Decoded<ChecksData> {
  const checks = decodeList(raw['checks'], checkScheduleSchema, { at: 'checks', idOf: (c) => c.repoId });
  const state = decodeRecord(raw['state'], runStateSchema, 'state');
  return {
    value: {
      checks: checks.items,
      state: state.value,
      checkExtras: new Map(checks.items.map((c, i) => [c.repoId, checks.extras[i] ?? {}])),
      fileExtras: extraKeys(raw, {}, ['checks', 'state']),
    },
    setAside: [...checks.setAside, ...state.setAside],
  };
}

function encode(data: ChecksData): Record<string, unknown> {
  return {
    ...data.fileExtras,
    checks: data.checks.map((c) => ({ ...data.checkExtras.get(c.repoId), ...c })),
    state: data.state,
  };
}

/** The saved copy of checks.json; every change resolves once it is on disk, and not before. */
export class CheckStore {
  private constructor(private readonly file: ConfigFile<ChecksData>) {}

  /** Load (or start empty); bad schedules are set aside and reported through `notices`. */
  static async open(configDir: string, notices = new ConfigNotices()): Promise<CheckStore> {
    const file = await ConfigFile.open<ChecksData>({
      dir: configDir,
      name: 'checks',
      version: CHECKS_VERSION,
      empty: () => ({ checks: [], state: {}, checkExtras: new Map(), fileExtras: {} }),
      decode,
      encode,
      notices,
    });
    return new CheckStore(file);
  }

  private get data(): ChecksData {
    return this.file.value;
  }

  /** Every saved schedule (none is off). */
  list(): CheckSchedule[] {
    return [...this.data.checks];
  }

  /** The saved schedule of a repository, or undefined when its checks are off. */
  get(repoId: string): CheckSchedule | undefined {
    return this.data.checks.find((c) => c.repoId === repoId);
  }

  /** Save a repository's schedule; an off schedule is forgotten, its run state kept. */
  async put(check: CheckSchedule): Promise<void> {
    await this.file.update((data) => {
      const others = data.checks.filter((c) => c.repoId !== check.repoId);
      const checks = check.schedule.kind === 'off' ? others : [...others, check];
      return { next: { ...data, checks }, result: undefined };
    });
  }

  /** The recorded runs of a repository's check. */
  stateOf(repoId: string): RunState {
    return this.data.state[repoId] ?? {};
  }

  /** Merge `patch` into a repository's run state and persist it. */
  async noteState(repoId: string, patch: RunState): Promise<void> {
    await this.file.update((data) => ({
      next: { ...data, state: { ...data.state, [repoId]: { ...data.state[repoId], ...patch } } },
      result: undefined,
    }));
  }

  /** Forget the schedule and state of `repoId`; false when there was none. */
  forget(repoId: string): Promise<boolean> {
    return this.file.update((data) => {
      const checks = data.checks.filter((c) => c.repoId !== repoId);
      if (checks.length === data.checks.length && !Object.hasOwn(data.state, repoId))
        return { result: false };
      const state = Object.fromEntries(Object.entries(data.state).filter(([id]) => id !== repoId));
      return { next: { ...data, checks, state }, result: true };
    });
  }
}
