/**
 * The composition root of the host-neutral core: loads settings and the repository list, wires the
 * services together and exposes one handler per contract request plus the event stream. Both hosts
 * (Electron and the browser host) call this with their own Services.
 */
import os from 'node:os';
import type { RequestHandlers, RequestName } from '../ipc/contract.js';
import { AppError } from './app-error.js';
import { AppStatusService } from './app-status.js';
import { ArchiveIndexService } from './archive-index/archive-index-service.js';
import { checkHandlers } from './checks/check-handlers.js';
import { CheckStore } from './checks/check-store.js';
import { PeriodicChecks } from './checks/periodic-checks.js';
import { EventBus } from './event-bus.js';
import { createNetworkReadiness } from './environment/network-readiness.js';
import { listFolder } from './fs/folder-listing.js';
import { historyDir } from './history/history-files.js';
import { historyHandlers } from './history/history-handlers.js';
import { DEFAULT_MAX_ENTRIES, HistoryStore } from './history/history-store.js';
import { prepareBackupJob } from './jobs/backup-job.js';
import { JobManager } from './jobs/job-manager.js';
import { checkJob } from './maintenance/maintenance-jobs.js';
import { SerialLanes } from './jobs/serial-lanes.js';
import { isLocalAndAbsent } from './repositories/location.js';
import { RepositoryRegistry } from './repositories/repository-registry.js';
import { RepositoryService } from './repositories/repository-service.js';
import { PlanRunner } from './plan-runs/plan-runner.js';
import { planHandlers } from './plan-runs/plan-handlers.js';
import { PlanSchedule } from './plan-runs/plan-schedule.js';
import { PlanStore } from './plan-runs/plan-store.js';
import { systemTimers } from './schedule/scheduler-types.js';
import { parseBorgVersion } from '../borg/version.js';
import { findStalePlans } from './notifications/stale-plans.js';
import { MountManager } from './restore/mount-manager.js';
import { restoreHandlers } from './restore/restore-handlers.js';
import { isKnownError, INTERNAL_ERROR } from './serialize-error.js';
import type { Core, Services } from './services.js';
import { ConfigNotices } from './settings/config-notices.js';
import { openSettingsStore } from './settings/settings-store.js';
import { removeStaleTempFiles } from './settings/stale-temp-files.js';

/** Build the core for one app run. Resolves once settings and repositories are loaded. */
export async function createCore(services: Services): Promise<Core> {
  const { configDir, homeDir } = services.paths;
  // Before any store writes: temp files of a run killed mid-save are ours to remove.
  await removeStaleTempFiles(configDir);
  const configNotices = new ConfigNotices();
  const settings = await openSettingsStore(configDir, configNotices);
  const registry = await RepositoryRegistry.open(configDir, configNotices);
  const bus = new EventBus();
  const history = await HistoryStore.open({
    dir: historyDir(configDir),
    emit: (entry) => bus.emit('history:added', entry),
    now: () => services.clock.now(),
  });
  const lanes = new SerialLanes();
  const shutdown = new AbortController();
  const status = new AppStatusService({
    host: services.host,
    homeDir,
    borgPathSetting: () => settings.get().borgPath,
    hasRepositories: () => registry.list().length > 0,
    configNotices: () => configNotices.list(),
    platform: services.platform,
    pathEnv: () => services.env['PATH'],
    now: () => services.clock.now(),
    ...(services.desktop !== undefined ? { desktop: services.desktop } : {}),
  });
  const repos = new RepositoryService({
    registry,
    secrets: services.secrets,
    lanes,
    homeDir,
    borgPath: () => status.requireBorgPath(),
    shutdown: shutdown.signal,
    onChanged: (list) => {
      bus.emit('repos:changed', list);
      checks.onRepositoriesChanged();
    },
    onRemoved: (repoId) => {
      void checks.onRepositoryRemoved(repoId).catch((e: unknown) => {
        console.warn('[borgdesk] could not drop the check schedule of a removed repository', e);
      });
    },
    // The listing names every live archive: opens can use cached indexes, deleted archives' go.
    onArchivesListed: async (repoId, listing) => {
      await index.noteArchives(repoId, {
        repositoryId: listing.repositoryId,
        archives: [...listing.archives],
      });
      await index.prune(
        repoId,
        listing.archives.map((a) => a.id),
      );
    },
  });
  const jobs = new JobManager({
    clock: services.clock,
    lanes,
    emit: (event, payload) => bus.emit(event, payload),
    // On disk from the start: a job Borgdesk is stopped in the middle of is listed as interrupted.
    onStarted: (job) => history.started(job, registry.get(job.snapshot.repoId)?.name ?? job.snapshot.repoId),
    // The name as it is now: the entry keeps it even if the repository is renamed or removed later.
    onFinished: (job) => {
      void history.record(job, registry.get(job.snapshot.repoId)?.name ?? job.snapshot.repoId);
      runner.onJobFinished(job);
      checks.onJobFinished(job);
    },
  });
  // Every borg run for a repository, jobs or not, shares its lane: borg locks per repository.
  const inLane = async <T>(repoId: string, task: () => Promise<T>): Promise<T> =>
    lanes.run(repos.laneOf(repos.require(repoId)), task, shutdown.signal);
  const resolve = async (repoId: string) => {
    const repo = repos.require(repoId);
    return { location: repo.location, name: repo.name, ctx: await repos.contextFor(repo) };
  };
  const index = new ArchiveIndexService({
    cacheDir: services.paths.cacheDir,
    resolve,
    runInLane: inLane,
    emit: (state) => bus.emit('archive-index:updated', state),
  });
  const mounts = new MountManager({
    resolve,
    runInLane: inLane,
    borgPath: () => status.requireBorgPath(),
    hasActiveJob: (repoId) => jobs.hasActive(repoId),
    emit: (mountStatus) => bus.emit('mount:changed', mountStatus),
  });
  const plans = await PlanStore.open(configDir, configNotices);
  const assertWritable = (repoId: string): void => mounts.assertUnmounted(repoId);
  const runner = new PlanRunner({
    repos,
    homeDir,
    platform: services.platform,
    env: services.env,
    now: () => services.clock.now(),
    assertWritable,
    borgVersion: async () => {
      const borg = (await status.status()).borg;
      return borg.state === 'ok' ? parseBorgVersion(`borg ${borg.version}`) : undefined;
    },
    store: plans,
    jobs,
    onRunsChanged: () => emitSchedules(),
  });
  // One readiness check for every scheduler that runs remote repositories (backups and checks).
  const networkReady = createNetworkReadiness();
  const schedule = new PlanSchedule({
    clock: services.clock,
    timers: services.timers ?? systemTimers,
    store: plans,
    repos,
    runner,
    onChanged: () => emitSchedules(),
    ...(services.power !== undefined ? { power: services.power } : {}),
    ...(services.environment !== undefined ? { environment: services.environment } : {}),
    networkReady,
  });
  const checks = new PeriodicChecks({
    clock: services.clock,
    timers: services.timers ?? systemTimers,
    store: await CheckStore.open(configDir, configNotices),
    repos,
    jobs,
    checkJob: (repo, mode) => checkJob(repo, mode, 'schedule', { repos, assertWritable }),
    onChanged: (rows) => bus.emit('checks:changed', rows),
    ...(services.power !== undefined ? { power: services.power } : {}),
    ...(services.environment !== undefined ? { environment: services.environment } : {}),
    networkReady,
  });
  const emitSchedules = (): void =>
    bus.emit('schedules:changed', { paused: schedule.scheduler.isPaused(), upcoming: schedule.upcoming() });
  const username = safeUsername(services.env);
  let disposed = false;

  const handlers: RequestHandlers = guardAll(() => disposed, {
    'app:status': () => status.status(),
    'app:dismiss-config-notice': async ({ id }) => ({ dismissed: configNotices.dismiss(id) }),
    'app:stale': async () =>
      findStalePlans(
        {
          plans: plans.list(),
          history: history.list({ limit: DEFAULT_MAX_ENTRIES }).entries,
          repos: repos.list(),
          isAbsent: isLocalAndAbsent,
        },
        services.clock.now(),
        settings.get().staleAfterDays,
      ),
    'settings:get': async () => settings.get(),
    'settings:update': async (patch) => {
      const before = settings.get().borgPath;
      const next = await settings.update(patch);
      if (next.borgPath !== before) status.invalidateBorg();
      if (patch.startAtLogin !== undefined) services.desktop?.setStartAtLogin(next.startAtLogin);
      return next;
    },
    'repos:list': async () => repos.list(),
    'repos:create': (params) => repos.create(params),
    'repos:add-existing': (params) => repos.addExisting(params),
    'repos:unlock': (params) => repos.unlock(params),
    'repos:remove': (params) => repos.remove(params),
    'repos:details': (params) => repos.details(params),
    'jobs:start-backup': async (request) => {
      const spec = await prepareBackupJob(request, {
        repos,
        homeDir,
        env: services.env,
        now: () => services.clock.now(),
        assertWritable: (repoId) => mounts.assertUnmounted(repoId),
      });
      return { jobId: jobs.submit(spec).id };
    },
    'jobs:cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'jobs:list': async () => jobs.list(),
    'jobs:log': async ({ jobId }) => jobs.log(jobId),
    'fs:list-folder': (params) => listFolder(params, { homeDir, platform: services.platform, username }),
    'dialog:choose-folders': async ({ title, multiple }) => {
      if (services.folderDialog === undefined) return { supported: false, paths: [] };
      return { supported: true, paths: [...(await services.folderDialog.chooseFolders(title, multiple))] };
    },
    ...restoreHandlers({
      repos,
      jobs,
      index,
      mounts,
      lane: { resolve, runInLane: inLane },
      fileManager: services.fileManager,
      now: () => services.clock.now(),
    }),
    ...historyHandlers(history),
    ...checkHandlers(checks),
    ...planHandlers({
      store: plans,
      runner,
      schedule,
      repos,
      jobs,
      homeDir,
      platform: services.platform,
      assertWritable,
      runInLane: inLane,
      resolve,
      onPlansChanged: (list) => bus.emit('plans:changed', list),
      onPausedChanged: (paused) => checks.setPaused(paused),
      onClockAdvanced: (now) => bus.emit('app:clock', { now }),
      ...(services.testTime === undefined ? {} : { testTime: services.testTime }),
    }),
  });
  schedule.start();
  checks.start();
  // A run that was killed while mounted leaves the mount (holding a repository lock) and its folder.
  void mounts.cleanUpLeftovers();

  return {
    handlers,
    settings: () => settings.get(),
    subscribe: (listener) => bus.subscribe(listener),
    async dispose() {
      if (disposed) return;
      disposed = true;
      schedule.stop();
      checks.stop();
      shutdown.abort();
      await jobs.dispose();
      // Jobs cancelled just now were handed to the history; let their entries reach the disk.
      await history.idle();
      // Mounts hold a repository lock and a folder in /tmp: never leave them behind on quit.
      await mounts.dispose();
      await index.dispose();
      // Repository calls (info, unlock...) are not jobs; wait for their borg to exit too.
      await lanes.idle();
      bus.clear();
    },
  };
}

/**
 * Wrap every handler so that only BorgErrors and AppErrors leave the core: anything unexpected is
 * logged here with its stack and replaced by a generic error.
 */
function guardAll(isDisposed: () => boolean, handlers: RequestHandlers): RequestHandlers {
  const guarded: Partial<Record<RequestName, unknown>> = {};
  for (const name of Object.keys(handlers) as RequestName[]) {
    const handler = handlers[name] as (params: unknown) => Promise<unknown>;
    guarded[name] = async (params: unknown) => {
      if (isDisposed()) throw new AppError('Disposed', 'Borgdesk is shutting down.');
      try {
        return await handler(params);
      } catch (e) {
        if (isKnownError(e)) throw e;
        console.error(`[borgdesk] ${name} failed unexpectedly`, e);
        throw new AppError('Internal', INTERNAL_ERROR.message, INTERNAL_ERROR.remedy);
      }
    };
  }
  return guarded as RequestHandlers;
}

function safeUsername(env: Services['env']): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers); mounted media lookup just finds nothing.
    return env['USER'] ?? '';
  }
}
