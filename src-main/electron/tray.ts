/**
 * The tray icon: its image and tooltip follow the core's tray state; its menu offers "Back up now"
 * per plan, the window, pausing all schedules, and quitting. Returns undefined where no tray host
 * exists, so the caller keeps the window reachable instead (see tray-support.ts).
 */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { TrayKind, TrayState } from '../core/notifications/tray-state.js';
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

/** Where the icons are and how to report a missing tray host. */
export interface TrayOptions {
  /** `dist/assets` (the copied `assets/` folder). */
  readonly assetsDir: string;
  readonly actions: TrayActions;
  readonly platform?: NodeJS.Platform;
  readonly env?: NodeJS.ProcessEnv;
  /** Told once why there is no tray. */
  readonly log?: (line: string) => void;
}

/** A live tray icon. */
export interface AppTray {
  update(state: TrayState): void;
  setPlans(plans: readonly TrayPlanItem[]): void;
  setPaused(paused: boolean): void;
  /** False once the platform destroyed the icon (the caller should then stop hiding the window). */
  isAlive(): boolean;
  destroy(): void;
}

/** Create the tray, or return undefined (with one logged line) when this desktop cannot show one. */
export function createAppTray(options: TrayOptions): AppTray | undefined {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((line: string) => console.warn(line));
  const problem = trayHostProblem(platform, options.env ?? process.env);
  if (problem !== undefined) {
    log(`Borgdesk: no tray icon: ${problem}. Closing the window minimises it instead.`);
    return undefined;
  }
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
    log(`Borgdesk: no tray icon: ${error instanceof Error ? error.message : String(error)}.`);
    return undefined;
  }
  if (tray.isDestroyed()) {
    log('Borgdesk: no tray icon: the desktop refused it. Closing the window minimises it instead.');
    return undefined;
  }

  let plans: readonly TrayPlanItem[] = [];
  let paused = false;
  let kind: TrayKind = 'idle';
  const rebuildMenu = (): void => {
    const backUp: MenuItemConstructorOptions =
      plans.length === 0
        ? { label: 'Back up now', enabled: false }
        : {
            label: 'Back up now',
            submenu: plans.map((plan) => ({
              label: plan.label,
              click: () => options.actions.backUpNow(plan.id),
            })),
          };
    const template: MenuItemConstructorOptions[] = [
      backUp,
      { label: 'Open Borgdesk', click: () => options.actions.openWindow() },
      { type: 'separator' },
      {
        label: 'Pause all schedules',
        type: 'checkbox',
        checked: paused,
        click: (item) => options.actions.setSchedulesPaused(item.checked),
      },
      { type: 'separator' },
      { label: 'Quit Borgdesk', click: () => options.actions.quit() },
    ];
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  rebuildMenu();
  tray.setToolTip('Borgdesk');
  // Windows and Linux users expect a left click to open the window; macOS opens the menu instead.
  if (platform !== 'darwin') tray.on('click', () => options.actions.openWindow());

  return {
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
    isAlive: () => !tray.isDestroyed(),
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
