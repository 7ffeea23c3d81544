/**
 * A core for integration tests: the browser host's services with every folder inside the test's own
 * (the index cache beside the config, never the user's ~/.cache), passphrases in memory, and either
 * the system clock or a hand-driven one that also drives the schedulers and `test:advance-clock`.
 */
import type { BackupRequest } from '../../model/job.js';
import { createCore } from '../create-core.js';
import type { ManualTime } from '../schedule/manual-time.js';
import { createMemorySecretStore } from '../secrets/memory-secret-store.js';
import type { Core, Services } from '../services.js';

export interface TestCoreOptions {
  readonly configDir: string;
  readonly homeDir: string;
  /** Default: `<configDir>-cache`. */
  readonly cacheDir?: string;
  /** A hand-driven clock; the system clock when absent. */
  readonly time?: ManualTime;
  /** Whatever else a test sets (host, clock, timers, fileManager…); wins over the above. */
  readonly services?: Partial<Services>;
}

/** Build a core as the browser host would, for one test's folders. */
export function startTestCore(options: TestCoreOptions): Promise<Core> {
  const { configDir, homeDir, time } = options;
  return createCore({
    host: 'browser',
    platform: process.platform,
    env: process.env,
    paths: { configDir, cacheDir: options.cacheDir ?? `${configDir}-cache`, homeDir },
    secrets: createMemorySecretStore(),
    clock: time ?? { now: () => Date.now() },
    ...(time !== undefined && { timers: time, testTime: time }),
    ...options.services,
  });
}

/** A backup of one folder without compression, exclusions or cache tags: what the kill tests run. */
export function plainBackup(repoId: string, source: string, archiveName: string): BackupRequest {
  return {
    repoId,
    sourcePaths: [source],
    archiveName,
    compression: 'none',
    excludeCaches: false,
    excludePatterns: [],
  };
}
