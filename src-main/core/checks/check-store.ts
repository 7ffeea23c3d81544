/**
 * Periodic checks in `configDir/checks.json`: each repository's check schedule and when its check
 * last ran, validated with zod and written atomically. The last run is kept beside the schedule so
 * a restart neither repeats a check nor forgets one that was missed (one catch-up, as for plans).
 */
import path from 'node:path';
import { z } from 'zod';
import { checkScheduleSchema, type CheckSchedule } from '../../ipc/contract.js';
import { runStateSchema, type RunState } from '../schedule/run-state.js';
import { JsonFile } from '../settings/json-file.js';

const fileSchema = z.object({
  version: z.literal(1),
  /** Only repositories with a schedule other than off are stored. */
  checks: z.array(checkScheduleSchema),
  /** Keyed by repository id. */
  state: z.record(z.string(), runStateSchema).default({}),
});
type ChecksFile = z.infer<typeof fileSchema>;

/** The in-memory copy of checks.json; every change is written through. */
export class CheckStore {
  private constructor(
    private readonly file: JsonFile<ChecksFile>,
    private data: ChecksFile,
  ) {}

  /** Load (or start empty); a corrupt file is moved aside by JsonFile. */
  static async open(configDir: string): Promise<CheckStore> {
    const file = new JsonFile(path.join(configDir, 'checks.json'), fileSchema, () => ({
      version: 1 as const,
      checks: [],
      state: {},
    }));
    return new CheckStore(file, await file.read());
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
    const others = this.data.checks.filter((c) => c.repoId !== check.repoId);
    const checks = check.schedule.kind === 'off' ? others : [...others, check];
    await this.save({ ...this.data, checks });
  }

  /** The recorded runs of a repository's check. */
  stateOf(repoId: string): RunState {
    return this.data.state[repoId] ?? {};
  }

  /** Merge `patch` into a repository's run state and persist it. */
  async noteState(repoId: string, patch: RunState): Promise<void> {
    const state = { ...this.data.state, [repoId]: { ...this.stateOf(repoId), ...patch } };
    await this.save({ ...this.data, state });
  }

  /** Forget schedules and state of repositories not in `repoIds`; false when nothing changed. */
  async retainOnly(repoIds: ReadonlySet<string>): Promise<boolean> {
    const checks = this.data.checks.filter((c) => repoIds.has(c.repoId));
    const state = Object.fromEntries(Object.entries(this.data.state).filter(([id]) => repoIds.has(id)));
    const unchanged =
      checks.length === this.data.checks.length &&
      Object.keys(state).length === Object.keys(this.data.state).length;
    if (unchanged) return false;
    await this.save({ ...this.data, checks, state });
    return true;
  }

  private async save(next: ChecksFile): Promise<void> {
    this.data = next;
    await this.file.write(next);
  }
}
