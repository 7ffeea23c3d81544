/**
 * Keeps Borgdesk useful while its window is closed: the tray icon, desktop notifications, and the
 * core's events feeding both through the host-neutral notification center.
 */
import path from 'node:path';
import {
  createNotificationCenter,
  type NotificationCenter,
} from '../core/notifications/notification-center.js';
import type { StatusNotifierHost } from '../core/environment/status-notifier-host.js';
import type { Logger } from '../core/logging/logger.js';
import type { NotificationLevel } from '../core/notifications/notification-policy.js';
import { staleItemFromRow } from '../core/notifications/stale-plans.js';
import type { Core } from '../core/services.js';
import type { EventPayload } from '../ipc/contract.js';
import { createElectronNotifier } from './notifier.js';
import type { DesktopWords } from '../core/i18n/desktop-words.js';
import { createAppTray, type AppTray, type TrayPlanItem } from './tray.js';

/** What the background needs from the Electron entry. */
export interface BackgroundOptions {
  /** `dist/assets`. */
  readonly assetsDir: string;
  readonly showWindow: () => void;
  readonly quit: () => void;
  /** The user's notification level (from settings), read at each decision. */
  readonly level?: () => NotificationLevel;
  readonly clock: { now(): number };
  readonly logger: Logger;
  /** What the session bus said about a StatusNotifier host (Linux; see tray-support.ts). */
  readonly statusNotifierHost?: StatusNotifierHost;
  /** The desktop words of the moment (Settings → Language); English when absent. */
  readonly words?: () => DesktopWords;
}

/** The running background: whether a tray exists, the center (for stale checks), and cleanup. */
export interface Background {
  /** True while a visible tray icon exists, so closing the window may hide it. */
  hasTray(): boolean;
  /** Why there is no tray icon (for app:status and Settings), or undefined while one shows. */
  trayProblem(): string | undefined;
  readonly center: NotificationCenter;
  /** Word the tray menu and tooltip again (the language changed). */
  reword(): void;
  dispose(): void;
}

// A request the core may not implement yet must not take the tray down with it.
function attempter(logger: Logger): (what: string, run: () => Promise<unknown>) => void {
  return (what, run) => {
    try {
      run().catch((error: unknown) => logger.warn(`${what} failed`, error));
    } catch (error) {
      logger.warn(`${what} failed`, error);
    }
  };
}

// Staleness grows by the hour; history:added also triggers a check, so a fixed backup clears at once.
const STALE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

const planItems = (plans: EventPayload<'plans:changed'>): TrayPlanItem[] =>
  plans.map((plan) => ({ id: plan.id, label: plan.name }));

/** Create tray + notifier and subscribe them to the core. */
export function startBackground(core: Core, options: BackgroundOptions): Background {
  const attempt = attempter(options.logger);
  const created = createAppTray({
    assetsDir: options.assetsDir,
    ...(options.statusNotifierHost === undefined ? {} : { statusNotifierHost: options.statusNotifierHost }),
    ...(options.words === undefined ? {} : { words: options.words }),
    actions: {
      backUpNow: (planId) => attempt('Back up now', () => core.handlers['plans:run-now']({ planId })),
      openWindow: options.showWindow,
      setSchedulesPaused: (paused) =>
        attempt('Pausing schedules', () =>
          core.handlers[paused ? 'schedules:pause' : 'schedules:resume']({}),
        ),
      quit: options.quit,
    },
  });
  const tray: AppTray | undefined = 'tray' in created ? created.tray : undefined;
  const missingTray = 'problem' in created ? created.problem : undefined;
  if (missingTray !== undefined)
    options.logger.warn(`no tray icon: ${missingTray}. Closing the window minimises it instead.`);
  const notifier = createElectronNotifier({
    ...(process.platform !== 'darwin' ? { icon: path.join(options.assetsDir, 'icon-256.png') } : {}),
    onClick: options.showWindow,
    log: (line) => options.logger.warn(line),
  });
  const center = createNotificationCenter({
    subscribe: (listener) => core.subscribe(listener),
    clock: options.clock,
    level: options.level ?? (() => 'problems'),
    notifier,
    ...(options.words === undefined ? {} : { words: options.words }),
    ...(tray !== undefined ? { onTrayState: (state) => tray.update(state) } : {}),
  });
  const checkStale = (): void =>
    attempt('Checking for stale backups', async () =>
      center.setStale((await core.handlers['app:stale']({})).map(staleItemFromRow)),
    );
  const unsubscribe = core.subscribe((event, payload) => {
    if (event === 'history:added') checkStale();
    if (event === 'plans:changed') tray?.setPlans(planItems(payload as EventPayload<'plans:changed'>));
    if (event === 'schedules:changed') {
      const { paused } = payload as EventPayload<'schedules:changed'>;
      tray?.setPaused(paused);
      center.setSchedulesPaused(paused);
    }
  });
  attempt('Listing plans', async () => {
    // Later lists arrive with plans:changed; the center subscribes to those itself.
    const plans = await core.handlers['plans:list']({});
    tray?.setPlans(planItems(plans));
    center.setPlans(plans);
  });
  attempt('Listing repositories', async () => {
    // The center learns local vs remote repositories from repos:changed; seed it once at start.
    const repos = await core.handlers['repos:list']({});
    center.setRepositories(repos);
  });
  attempt('Reading the history', async () => {
    // The last results of earlier runs: a backup interrupted by a crash must not read "up to date".
    const { entries } = await core.handlers['history:list']({ limit: 100 });
    center.seedFromHistory(entries);
  });
  checkStale();
  const staleTimer = setInterval(checkStale, STALE_CHECK_INTERVAL_MS);

  return {
    hasTray: () => tray?.isAlive() ?? false,
    trayProblem: () => {
      if (tray === undefined) return missingTray;
      return tray.isAlive() ? undefined : 'the desktop removed it';
    },
    center,
    reword() {
      tray?.reword();
      center.reword();
    },
    dispose() {
      clearInterval(staleTimer);
      unsubscribe();
      center.dispose();
      tray?.destroy();
    },
  };
}
