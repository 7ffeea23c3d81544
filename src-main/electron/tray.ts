/**
 * The tray icon: its image and tooltip follow the core's tray state; its menu offers "Back up now"
 * per plan, the window, pausing all schedules, and quitting. Where no tray host exists it says why
 * instead, so the caller keeps the window reachable and can tell the user (see tray-support.ts).
 */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { TrayKind, TrayState } from '../core/notifications/tray-state.js';
import type { StatusNotifierHost } from '../core/environment/status-notifier-host.js';
import { ENGLISH_WORDS, type DesktopWords } from '../core/i18n/desktop-words.js';
import { trayHostProblem, trayIconPath, trayTitle } from './tray-support.js';

/** A plan as the menu lists it. */
export interface TrayPlanItem {
  readonly id: string;
  readonly label: string;
}

/** What the menu items do; the host decides. */
export interface TrayActions {
  backUpNow(planId: string): void;
  openWindow(): void;
  setSchedulesPaused(paused: boolean): void;
  quit(): void;
}

/** Where the icons are and what the menu does. */
export interface TrayOptions {
  /** `dist/assets` (the copied `assets/` folder). */
  readonly assetsDir: string;
  readonly actions: TrayActions;
  readonly platform?: NodeJS.Platform;
  readonly env?: NodeJS.ProcessEnv;
  /** What the session bus said about a StatusNotifier host (Linux). */
  readonly statusNotifierHost?: StatusNotifierHost;
  /** The words of the moment (Settings → Language); English when absent. */
  readonly words?: () => DesktopWords;
}

/** A live tray icon. */
export interface AppTray {
  update(state: TrayState): void;
  setPlans(plans: readonly TrayPlanItem[]): void;
  setPaused(paused: boolean): void;
  /** Word the menu again (the language changed; the tooltip follows with the next update). */
  reword(): void;
  /** False once the platform destroyed the icon (the caller should then stop hiding the window). */
  isAlive(): boolean;
  destroy(): void;
}

/** A tray icon, or why this desktop cannot show one (a sentence fragment for "No tray icon: …"). */
export type AppTrayResult = { readonly tray: AppTray } | { readonly problem: string };

/** Create the tray, or say why this desktop cannot show one. */
export function createAppTray(options: TrayOptions): AppTrayResult {
  const platform = options.platform ?? process.platform;
  const problem = trayHostProblem(platform, options.env ?? process.env, options.statusNotifierHost);
  if (problem !== undefined) return { problem };
  const images = new Map<TrayKind, NativeImage>();
  const imageFor = (kind: TrayKind): NativeImage => {
    let image = images.get(kind);
    if (image === undefined) {
      image = nativeImage.createFromPath(trayIconPath(kind, platform, options.assetsDir));
      images.set(kind, image);
    }
    return image;
  };

  let tray: Tray;
  try {
    tray = new Tray(imageFor('idle'));
  } catch (error) {
    return { problem: `the desktop refused it (${error instanceof Error ? error.message : String(error)})` };
  }
  if (tray.isDestroyed()) return { problem: 'the desktop refused it' };

  let plans: readonly TrayPlanItem[] = [];
  let paused = false;
  let kind: TrayKind = 'idle';
  const words = options.words ?? (() => ENGLISH_WORDS);
  const rebuildMenu = (): void => {
    const { t } = words();
    const backUp: MenuItemConstructorOptions =
      plans.length === 0
        ? { label: t('tray.menu.backUpNow'), enabled: false }
        : {
            label: t('tray.menu.backUpNow'),
            submenu: plans.map((plan) => ({
              label: plan.label,
              click: () => options.actions.backUpNow(plan.id),
            })),
          };
    const template: MenuItemConstructorOptions[] = [
      backUp,
      { label: t('tray.menu.openWindow'), click: () => options.actions.openWindow() },
      { type: 'separator' },
      {
        label: t('tray.menu.pauseSchedules'),
        type: 'checkbox',
        checked: paused,
        click: (item) => options.actions.setSchedulesPaused(item.checked),
      },
      { type: 'separator' },
      { label: t('tray.menu.quit'), click: () => options.actions.quit() },
    ];
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  rebuildMenu();
  tray.setToolTip(words().t('tray.name'));
  // Windows and Linux users expect a left click to open the window; macOS opens the menu instead.
  if (platform !== 'darwin') tray.on('click', () => options.actions.openWindow());

  return {
    tray: {
      update(state) {
        if (tray.isDestroyed()) return;
        if (state.kind !== kind) {
          kind = state.kind;
          tray.setImage(imageFor(kind));
        }
        tray.setToolTip(state.tooltip);
        if (platform === 'darwin') tray.setTitle(trayTitle(state.percent));
      },
      setPlans(next) {
        plans = next;
        if (!tray.isDestroyed()) rebuildMenu();
      },
      setPaused(value) {
        if (value === paused) return;
        paused = value;
        if (!tray.isDestroyed()) rebuildMenu();
      },
      reword() {
        if (!tray.isDestroyed()) rebuildMenu();
      },
      isAlive: () => !tray.isDestroyed(),
      destroy() {
        if (!tray.isDestroyed()) tray.destroy();
      },
    },
  };
}
