/**
 * The application menu (pure: a template builder, unit-tested; index.ts hands it to Menu). Without
 * one, Electron shows its default menu with DevTools. The platform's usual menus: on macOS the app
 * menu, and everywhere Edit (the shortcuts for copy and paste in text fields come from these roles on
 * macOS), View, Window and Help.
 */
import type { MenuItemConstructorOptions } from 'electron';

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
}

/** The menu template for `options.platform`. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  // Cmd+, is the macOS convention for Settings; Ctrl+, is what Linux and Windows apps commonly use.
  const settings: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : '&Settings…',
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
            label: '&File',
            submenu: [settings, { type: 'separator' }, { role: 'quit', label: 'Quit Borgdesk' }],
          } satisfies MenuItemConstructorOptions,
        ]),
    {
      label: mac ? 'Edit' : '&Edit',
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
    { label: mac ? 'View' : '&View', submenu: view },
    { role: 'windowMenu', ...(mac ? {} : { label: '&Window' }) },
    {
      role: 'help',
      label: mac ? 'Help' : '&Help',
      submenu: [
        { label: 'Open Log Folder', click: () => options.actions.openLogFolder() },
        { label: 'Borgdesk on the Web', click: () => options.actions.openHomepage() },
      ],
    },
  ];
}
