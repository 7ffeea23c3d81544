/**
 * The composition root of the host-neutral core: opens the stores, builds every service in
 * dependency order — a later service subscribes to the CoreHub instead of an earlier one calling it —
 * and composes the handlers and the event stream. Both hosts (Electron and the browser host) call
 * this with their own Services.
 */
import os from 'node:os';
import path from 'node:path';
import { AppStatusService } from './app-status.js';
import { ArchiveIndexService } from './archive-index/archive-index-service.js';
import { indexAfterPlanRuns } from './archive-index/background-indexing.js';
import { composeHandlers } from './core-handlers.js';
import { followPlanRunsWithDrills } from './drills/drill-wiring.js';
import { CoreHub } from './core-hub.js';
import { createSchedulers } from './core-schedulers.js';
import { openCoreStores } from './core-stores.js';
import { EventBus } from './event-bus.js';
import { guardAll } from './guard-handlers.js';
import { useCoreLogger } from './logging/log.js';
import { createStderrLogger } from './logging/logger.js';
import { createRedactingLogger } from './logging/redacting-logger.js';
import { JobManager } from './jobs/job-manager.js';
import { operationRecorder } from './history/operation-record.js';
import { startMetricsTextfile } from './metrics/metrics-wiring.js';
import { KeyService } from './keys/key-service.js';
import { SerialLanes } from './jobs/serial-lanes.js';
import { RepositoryEdits } from './repositories/repository-edits.js';
import { RepositoryService } from './repositories/repository-service.js';
import { MONITORING_FILE, MonitoringService } from './monitoring/monitoring-service.js';
import { MountManager } from './restore/mount-manager.js';
import { PassphraseKeeper } from './secrets/passphrase-keeper.js';
import { SshKeyService } from './ssh-keys/ssh-key-service.js';
import { QuestionBook } from './questions/question-book.js';
import { KNOWN_HOSTS_FILE, KnownHosts } from './ssh/known-hosts.js';
import type { Core, Services } from './services.js';

/** Build the core for one app run. Resolves once settings and repositories are loaded. */
export async function createCore(services: Services): Promise<Core> {
  const { configDir, homeDir } = services.paths;
  const { platform } = services;
  const bus = new EventBus();
  const hub = new CoreHub();
  const secrets = new PassphraseKeeper(services.secrets);
  // From here on every log line of the core goes to the host's logger, with held passphrases blanked.
  useCoreLogger(
    createRedactingLogger(services.logger ?? createStderrLogger(), () => secrets.heldPassphrases()),
  );
  const stores = await openCoreStores(configDir, bus, () => services.clock.now());
  const { settings, registry, history, configNotices } = stores;
  const lanes = new SerialLanes();
  const shutdown = new AbortController();
  const status = new AppStatusService({
    host: services.host,
    homeDir,
    borgPathSetting: () => settings.get().borgPath,
    hasRepositories: () => registry.list().length > 0,
    configNotices: () => configNotices.list(),
    platform,
    pathEnv: () => services.env['PATH'],
    borgRshEnv: () => services.env['BORG_RSH'],
    now: () => services.clock.now(),
    ...(services.desktop !== undefined ? { desktop: services.desktop } : {}),
    secretStorage: () => secrets.storage(),
  });
  const borgPath = () => status.requireBorgPath();
  // What the borg in use wants on its command line; every BorgContext carries it (borg/capabilities.ts).
  const borgCapabilities = () => status.requireBorgCapabilities();
  // The name as it is now: the history entry keeps it even if the repository is renamed or removed later.
  const repoName = (repoId: string): string => registry.get(repoId)?.name ?? repoId;
  // Borg runs that are not jobs (mount, key commands, break-lock, rename, comment, init) are recorded too.
  const record = operationRecorder({
    now: () => services.clock.now(),
    record: (operation, name) => void history.record(operation, name ?? repoName(operation.snapshot.repoId)),
  });
  // Every borg run's ssh checks server keys against this file only (borg/ssh-command.ts).
  const sshKnownHostsFile = path.join(configDir, KNOWN_HOSTS_FILE);
  const knownHosts = new KnownHosts({ file: sshKnownHostsFile });
  const repos = new RepositoryService({
    ...{ registry, secrets, lanes, homeDir, borgPath, borgCapabilities, shutdown: shutdown.signal, record },
    sshKnownHostsFile,
    onChanged: (list) => void hub.publish('repositories-changed', list),
    onRemoved: (repoId) => hub.publish('repository-removed', repoId),
    onArchivesListed: (repoId, listing) => hub.publish('archives-listed', { repoId, listing }),
  });
  hub.on('repositories-changed', (list) => bus.emit('repos:changed', list));
  const jobs = new JobManager({
    clock: services.clock,
    // The heartbeat that notices a stalled backup runs on the host's timers (a test clock in e2e).
    ...(services.timers !== undefined ? { timers: services.timers } : {}),
    lanes,
    emit: (event, payload) => bus.emit(event, payload),
    // On disk from the start: a job Borgdesk is stopped in the middle of is listed as interrupted.
    onStarted: (job) => {
      history.started(job, repoName(job.snapshot.repoId));
      void hub.publish('job-started', job);
    },
    onFinished: (job) => void hub.publish('job-finished', job),
  });
  hub.on('job-finished', (job) => void history.record(job, repoName(job.snapshot.repoId)));
  // Borg's questions wait here for the user; a yes reaches only the one run it was given for.
  const questions = new QuestionBook({
    now: () => services.clock.now(),
    onChanged: (list) => bus.emit('questions:changed', list),
    repoName: (repoId) => registry.get(repoId)?.name,
    retryWithConsent: (jobId, prompt) =>
      jobs.canRetry(jobId) ? jobs.retryWithConsent(jobId, prompt).id : undefined,
    readWithConsent: async (repoId, prompt) => {
      await repos.details({ repoId }, { consentedPrompts: [prompt] });
    },
  });
  hub.on('job-finished', (job) => questions.noteJob(job));
  hub.on('repository-removed', (repoId) => questions.forgetRepository(repoId));
  // Every borg run for a repository, jobs or not, shares its lane: borg locks per repository.
  const runInLane = async <T>(repoId: string, task: () => Promise<T>): Promise<T> =>
    lanes.run(repos.laneOf(repos.require(repoId)), task, shutdown.signal);
  const resolve = async (repoId: string) => {
    const repo = repos.require(repoId);
    return { location: repo.location, name: repo.name, ctx: await repos.contextFor(repo) };
  };
  const lane = { resolve, runInLane };
  const index = new ArchiveIndexService({
    ...{ cacheDir: services.paths.cacheDir, ...lane },
    runInLaneYielding: (repoId, task) =>
      lanes.runYielding(repos.laneOf(repos.require(repoId)), task, shutdown.signal),
    diskCapBytes: () => settings.get().archiveIndexCacheMb * 1_000_000,
    emit: (state) => bus.emit('archive-index:updated', state),
  });
  indexAfterPlanRuns(hub, index);
  // The listing names every live archive: opens can use cached indexes, deleted archives' go.
  hub.on('archives-listed', async ({ repoId, listing }) => {
    await index.noteArchives(repoId, { repositoryId: listing.repositoryId, archives: [...listing.archives] });
    await index.prune(
      repoId,
      listing.archives.map((a) => a.id),
    );
  });
  // Where os.tmpdir() would look, but from the core's own environment (a test's TMPDIR).
  const tmpDir = services.env['TMPDIR'] || undefined;
  const mounts = new MountManager({
    ...{ ...lane, borgPath, record, platform, hasActiveJob: (repoId: string) => jobs.hasActive(repoId) },
    emit: (mountStatus) => bus.emit('mount:changed', mountStatus),
    ...(tmpDir === undefined ? {} : { tmpDir }),
  });
  const assertWritable = (repoId: string): void => mounts.assertUnmounted(repoId);
  const edits = new RepositoryEdits({
    ...{ registry, repos, lanes, homeDir, env: services.env, shutdown: shutdown.signal, assertWritable },
    hasActiveJob: (repoId) => jobs.hasActive(repoId),
  });
  hub.on('archives-listed', ({ repoId, listing }) =>
    edits.noteBorgRepositoryId(repoId, listing.repositoryId),
  );
  const keys = new KeyService({
    ...{ repos, secrets, borgPath, shutdown: shutdown.signal, homeDir, env: services.env, sshKnownHostsFile },
    borgVersion: async () => {
      const borg = await status.borgStatus();
      return borg.state === 'ok' ? borg.version : '';
    },
    runAt: (location, task) => lanes.run(location, task, shutdown.signal),
    now: () => services.clock.now(),
    record,
  });
  const sshKeys = new SshKeyService({
    ...{ registry, repos, configDir, homeDir, platform, env: services.env },
    hostname: () => os.hostname(),
  });
  const wiring = {
    services,
    hub,
    bus,
    status,
    repos,
    edits,
    jobs,
    homeDir,
    platform,
    assertWritable,
    record,
  };
  const { runner, schedule, checks } = createSchedulers({ ...wiring, ...stores });
  const metrics = startMetricsTextfile({ hub, ...stores, now: () => services.clock.now() });
  followPlanRunsWithDrills({ hub, jobs, repos, history, now: () => services.clock.now(), tmpDir });
  // Pings, webhooks and ntfy follow plan runs in the background: the listeners return at once.
  const monitoring = new MonitoringService({
    now: () => services.clock.now(),
    onChanged: (statuses) => bus.emit('monitoring:changed', statuses),
    file: path.join(configDir, MONITORING_FILE),
    ...(services.monitoringBackoffMs !== undefined
      ? { policy: { backoffMs: services.monitoringBackoffMs } }
      : {}),
  });
  hub.on('plan-run-started', (start) => monitoring.onRunStarted(start));
  hub.on('plan-run-finished', (report) => monitoring.onRunFinished(report));
  await monitoring.load(new Set(stores.plans.list().map((plan) => plan.id)));
  let disposed = false;
  const handlers = guardAll(
    () => disposed,
    composeHandlers({
      ...wiring,
      stores,
      index,
      mounts,
      lane,
      runner,
      schedule,
      checks,
      metrics,
      keys,
      sshKeys,
      questions,
      knownHosts,
      monitoring,
      username: safeUsername(services.env),
      ...(tmpDir === undefined ? {} : { tmpDir }),
    }),
  );
  // Before any schedule: a scheduled backup of an encrypted repository needs its remembered passphrase.
  await secrets.load(registry.list().flatMap((r) => (r.needsPassphrase ? [r.id] : [])));
  schedule.start();
  checks.start();
  // A run that was killed while mounted leaves the mount (holding a repository lock) and its folder.
  void mounts.cleanUpLeftovers();

  return {
    handlers,
    testMode: services.testTime !== undefined,
    settings: () => settings.get(),
    subscribe: (listener) => bus.subscribe(listener),
    async dispose() {
      if (disposed) return;
      disposed = true;
      schedule.stop();
      checks.stop();
      shutdown.abort();
      await jobs.dispose();
      // A run cancelled by the quit reports so (a Healthchecks /fail), but quitting waits 3 s at most.
      await Promise.race([monitoring.idle(), new Promise((r) => setTimeout(r, 3000).unref())]);
      // Jobs cancelled just now were handed to the history; let their entries reach the disk.
      await history.idle();
      // The runs those jobs ended are in the metrics file before the core is gone.
      await metrics.idle();
      // Mounts hold a repository lock and a folder in /tmp: never leave them behind on quit.
      await mounts.dispose();
      await index.dispose();
      // Repository calls (info, unlock...) are not jobs; wait for their borg to exit too.
      await lanes.idle();
      await services.secrets.close?.();
      bus.clear();
    },
  };
}

function safeUsername(env: Services['env']): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers); mounted media lookup just finds nothing.
    return env['USER'] ?? '';
  }
}
