/**
 * One handler per contract request, composed from each domain's handlers the way the contract is
 * composed from each domain's requests (ipc/contract.ts).
 */
import { withStoredSizes } from './history/stored-sizes.js';
import type { HistoryStore } from './history/history-store.js';
import type { RequestHandlers, TestRequestHandlers } from '../ipc/contract.js';
import { appHandlers } from './app-handlers.js';
import type { AppStatusService } from './app-status.js';
import { archiveHandlers, type ArchiveHandlerDeps } from './archive-index/archive-handlers.js';
import { checkHandlers } from './checks/check-handlers.js';
import type { PeriodicChecks } from './checks/periodic-checks.js';
import type { CoreStores } from './core-stores.js';
import type { EventBus } from './event-bus.js';
import { drillHandlers } from './drills/drill-handlers.js';
import { folderHandlers } from './fs/folder-handlers.js';
import { historyHandlers } from './history/history-handlers.js';
import { jobHandlers } from './jobs/job-handlers.js';
import { keyHandlers } from './keys/key-handlers.js';
import { spaceHandlers } from './maintenance/space-handlers.js';
import { borg2MaintenanceHandlers } from './maintenance/borg2-maintenance-handlers.js';
import { parseBorgVersion } from '../borg/version.js';
import { lockHandlers } from './locks/lock-handlers.js';
import { metricsHandlers } from './metrics/metrics-handlers.js';
import type { MetricsTextfile } from './metrics/metrics-textfile.js';
import { migrationHandlers } from './migration/migration-handlers.js';
import { monitoringHandlers } from './monitoring/monitoring-handlers.js';
import type { MonitoringService } from './monitoring/monitoring-service.js';
import { sshHandlers } from './ssh/ssh-handlers.js';
import type { KnownHosts } from './ssh/known-hosts.js';
import type { KeyService } from './keys/key-service.js';
import type { JobManager } from './jobs/job-manager.js';
import { planHandlers } from './plan-runs/plan-handlers.js';
import { planTransferHandlers } from './plan-transfer/transfer-handlers.js';
import type { QuestionBook } from './questions/question-book.js';
import { questionHandlers, watchDetails } from './questions/question-handlers.js';
import type { PlanRunner } from './plan-runs/plan-runner.js';
import type { PlanSchedule } from './plan-runs/plan-schedule.js';
import { scheduleHandlers } from './plan-runs/schedule-handlers.js';
import { repositoryHandlers } from './repositories/repository-handlers.js';
import type { RepositoryEdits } from './repositories/repository-edits.js';
import type { RepositoryService } from './repositories/repository-service.js';
import type { MountManager } from './restore/mount-manager.js';
import { restoreHandlers } from './restore/restore-handlers.js';
import { settingsHandlers } from './settings/settings-handlers.js';
import { sshKeyHandlers } from './ssh-keys/ssh-key-handlers.js';
import type { SshKeyService } from './ssh-keys/ssh-key-service.js';
import { testClockHandlers } from './schedule/test-clock-handlers.js';
import type { Services } from './services.js';

/** Every service the handlers reach, as create-core built them. */
export interface HandlerWiring extends Omit<ArchiveHandlerDeps, 'jobs'> {
  readonly services: Services;
  readonly stores: CoreStores;
  readonly bus: EventBus;
  readonly status: AppStatusService;
  readonly repos: RepositoryService;
  readonly edits: RepositoryEdits;
  readonly jobs: JobManager;
  readonly mounts: MountManager;
  readonly runner: PlanRunner;
  readonly schedule: PlanSchedule;
  readonly metrics: MetricsTextfile;
  readonly checks: PeriodicChecks;
  readonly keys: KeyService;
  readonly sshKeys: SshKeyService;
  readonly questions: QuestionBook;
  readonly knownHosts: KnownHosts;
  readonly monitoring: MonitoringService;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly username: string;
  /** Where restore drills make their temporary folder (the core's TMPDIR); os.tmpdir() when absent. */
  readonly tmpDir?: string;
}

// `borg list` does not say what the repository stored after each archive; the history kept it.
function withHistorySizes(
  details: RequestHandlers['repos:details'],
  history: Pick<HistoryStore, 'storedSizes' | 'idle'>,
): RequestHandlers['repos:details'] {
  return async (params) => {
    const answer = await details(params);
    // A backup that has just finished is on its way to the history: its size belongs in the chart.
    await history.idle();
    return withStoredSizes(answer, history.storedSizes(params.repoId));
  };
}

/** The handlers of every domain, unguarded (create-core wraps them in guardAll). */
export function composeHandlers(w: HandlerWiring): RequestHandlers & TestRequestHandlers {
  const { services, stores, bus, status, repos, jobs, index, mounts, homeDir, platform, assertWritable } = w;
  const now = (): number => services.clock.now();
  const { settings, plans, history } = stores;
  const usableSshKey = (keyFile: string) => w.sshKeys.usableKey(keyFile);
  const repositories = repositoryHandlers(repos, w.edits, usableSshKey);
  return {
    ...appHandlers({
      ...{ status, configNotices: stores.configNotices, plans, history, repos, settings, now },
      logDir: services.logDir,
      fileManager: services.fileManager,
    }),
    ...settingsHandlers({
      ...{ settings, status, desktop: services.desktop },
      onUpdated: (next, before) => {
        if (next.archiveIndexCacheMb < before.archiveIndexCacheMb) void index.trimDisk();
      },
    }),
    ...metricsHandlers(settings, w.metrics),
    ...repositories,
    'repos:details': withHistorySizes(watchDetails(repositories['repos:details'], w.questions), history),
    ...jobHandlers({ jobs, repos, homeDir, env: services.env, now, assertWritable }),
    ...archiveHandlers({ index, jobs, lane: w.lane, repos, assertWritable, record: w.record }),
    ...restoreHandlers({ repos, jobs, index, mounts, fileManager: services.fileManager, now }),
    ...historyHandlers(history),
    ...folderHandlers({ homeDir, platform, username: w.username, folderDialog: services.folderDialog }),
    ...planHandlers({
      ...{ store: plans, runner: w.runner, schedule: w.schedule, repos, homeDir, platform, ...w.lane },
      onPlansChanged: (list) => bus.emit('plans:changed', list),
    }),
    ...planTransferHandlers({
      ...{ plans, registry: stores.registry, repos, schedule: w.schedule, homeDir, now },
      onPlansChanged: (list) => bus.emit('plans:changed', list),
    }),
    ...scheduleHandlers({ schedule: w.schedule, onPausedChanged: (paused) => w.checks.setPaused(paused) }),
    ...checkHandlers({ checks: w.checks, jobs, repos, assertWritable }),
    ...drillHandlers({
      repos,
      jobs,
      plans,
      history,
      ...(w.tmpDir === undefined ? {} : { tmpDir: w.tmpDir }),
    }),
    ...keyHandlers(w.keys, usableSshKey),
    ...spaceHandlers({
      ...{ jobs, repos, assertWritable },
      borgVersion: async () => {
        const borg = (await status.status()).borg;
        return borg.state === 'ok' ? parseBorgVersion(`borg ${borg.version}`) : undefined;
      },
    }),
    ...borg2MaintenanceHandlers({ jobs, repos, lane: w.lane, assertWritable, record: w.record }),
    ...lockHandlers({ repos, jobs, lane: w.lane, assertWritable, record: w.record, platform }),
    ...migrationHandlers({
      ...{ jobs, repos, homeDir, plans },
      onPlansChanged: (list) => bus.emit('plans:changed', list),
    }),
    ...sshKeyHandlers(w.sshKeys),
    ...questionHandlers(w.questions),
    ...sshHandlers(w.knownHosts),
    ...monitoringHandlers(w.monitoring),
    ...testClockHandlers({
      testTime: services.testTime,
      onClockAdvanced: (at) => bus.emit('app:clock', { now: at }),
    }),
  };
}
