/**
 * The application menu (pure: a template builder, unit-tested; index.ts hands it to Menu). Without
 * one, Electron shows its default menu with DevTools. The platform's usual menus: on macOS the app
 * menu, and everywhere Edit (the shortcuts for copy and paste in text fields come from these roles on
 * macOS), View, Window and Help.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { ENGLISH_WORDS, type DesktopWords } from '../core/i18n/desktop-words.js';

export interface AppMenuActions {
  /** Open the folder with Borgdesk's log files in the file manager. */
  readonly openLogFolder: () => void;
  /** Open the project's page in the browser. */
  readonly openHomepage: () => void;
  /** Bring the window forward with its Settings dialog open. */
  readonly openSettings: () => void;
}

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform;
  /** A packaged app has no developer tools in its menu. */
  readonly packaged: boolean;
  readonly actions: AppMenuActions;
  /** The menu's language; English when absent. Electron words the role items (Undo, Copy…) itself. */
  readonly words?: DesktopWords;
}

/** The menu template for `options.platform`. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const { t } = options.words ?? ENGLISH_WORDS;
  // Cmd+, is the macOS convention for Settings; Ctrl+, is what Linux and Windows apps commonly use.
  const settings: MenuItemConstructorOptions = {
    label: mac ? t('menu.settings') : t('menu.settingsMnemonic'),
    accelerator: 'CommandOrControl+,',
    click: () => options.actions.openSettings(),
  };
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(options.packaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac
      ? [
          {
            role: 'appMenu',
            label: 'Borgdesk',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : [
          {
            label: t('menu.file'),
            submenu: [settings, { type: 'separator' }, { role: 'quit', label: t('menu.quit') }],
          } satisfies MenuItemConstructorOptions,
        ]),
    {
      label: mac ? t('menu.edit') : t('menu.editMnemonic'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: mac ? t('menu.view') : t('menu.viewMnemonic'), submenu: view },
    { role: 'windowMenu', ...(mac ? {} : { label: t('menu.windowMnemonic') }) },
    {
      role: 'help',
      label: mac ? t('menu.help') : t('menu.helpMnemonic'),
      submenu: [
        { label: t('menu.openLogFolder'), click: () => options.actions.openLogFolder() },
        { label: t('menu.homepage'), click: () => options.actions.openHomepage() },
      ],
    },
  ];
}
