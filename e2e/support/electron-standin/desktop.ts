/**
 * The stand-in's desktop parts: Tray, Menu, Notification, nativeImage, shell, dialog, safeStorage,
 * powerMonitor, screen and clipboard. Each records what the bundle asks of it; the tray keeps its
 * latest context menu so the test can click an entry as a person would.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { record, SNAPSHOT, strict } from './recorder.js';

class NativeImageStandin {
  constructor(readonly path: string) {}

  [SNAPSHOT](): unknown {
    return { image: this.path };
  }

  isEmpty(): boolean {
    return this.path === '' || !existsSync(this.path);
  }

  getSize(): { width: number; height: number } {
    return this.isEmpty() ? { width: 0, height: 0 } : { width: 32, height: 32 };
  }

  setTemplateImage(flag: boolean): void {
    record('nativeImage.setTemplateImage', this.path, flag);
  }

  resize(): NativeImageStandin {
    return this;
  }
}

const image = (path: string): NativeImageStandin => strict('NativeImage', new NativeImageStandin(path));

const nativeImage = strict('nativeImage', {
  createFromPath(path: string) {
    record('nativeImage.createFromPath', path);
    return image(path);
  },
  createEmpty: () => image(''),
});

interface MenuItemOptions {
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  submenu?: MenuItemOptions[] | MenuStandin;
  click?: (item: MenuItemStandin, window: unknown, event: unknown) => void;
  [key: string]: unknown;
}

class MenuItemStandin {
  label: string;
  type: string;
  checked: boolean;
  enabled: boolean;
  readonly submenu: MenuStandin | undefined;
  readonly click: MenuItemOptions['click'];
  readonly role: unknown;

  constructor(options: MenuItemOptions) {
    this.label = options.label ?? '';
    this.type = options.type ?? (options.submenu !== undefined ? 'submenu' : 'normal');
    this.checked = options.checked ?? false;
    this.enabled = options.enabled ?? true;
    this.role = options.role;
    this.click = options.click;
    const sub = options.submenu;
    this.submenu = sub === undefined ? undefined : sub instanceof MenuStandin ? sub : buildMenu(sub);
  }

  [SNAPSHOT](): unknown {
    return {
      label: this.label,
      type: this.type,
      ...(this.type === 'checkbox' ? { checked: this.checked } : {}),
      ...(this.enabled ? {} : { enabled: false }),
      ...(this.role !== undefined ? { role: this.role } : {}),
      ...(this.submenu !== undefined ? { submenu: this.submenu[SNAPSHOT]() } : {}),
    };
  }
}

class MenuStandin {
  readonly items: MenuItemStandin[];

  constructor(items: MenuItemStandin[] = []) {
    this.items = items;
  }

  [SNAPSHOT](): unknown {
    return this.items.map((item) => item[SNAPSHOT]());
  }

  append(item: MenuItemStandin): void {
    this.items.push(item);
  }

  popup(): void {
    record('menu.popup');
  }

  getMenuItemById(): null {
    return null;
  }
}

function buildMenu(template: readonly MenuItemOptions[]): MenuStandin {
  return strict('Menu instance', new MenuStandin(template.map((options) => new MenuItemStandin(options))));
}

let applicationMenu: MenuStandin | null = null;
const Menu = strict(
  'Menu',
  class extends MenuStandin {
    static buildFromTemplate(template: readonly MenuItemOptions[]): MenuStandin {
      const menu = buildMenu(template);
      record('Menu.buildFromTemplate', menu);
      return menu;
    }

    static setApplicationMenu(menu: MenuStandin | null): void {
      record('Menu.setApplicationMenu', menu);
      applicationMenu = menu;
    }

    static getApplicationMenu(): MenuStandin | null {
      return applicationMenu;
    }
  },
);

let latestTray: TrayStandin | undefined;

class TrayStandin extends EventEmitter {
  private destroyed = false;
  contextMenu: MenuStandin | undefined = undefined;

  constructor(icon: NativeImageStandin | string) {
    super();
    record('Tray.new', icon);
    const self = strict('Tray instance', this);
    latestTray = self;
    return self;
  }

  setImage(icon: NativeImageStandin | string): void {
    record('tray.setImage', icon);
  }

  setToolTip(text: string): void {
    record('tray.setToolTip', text);
  }

  setTitle(text: string): void {
    record('tray.setTitle', text);
  }

  setContextMenu(menu: MenuStandin | null): void {
    record('tray.setContextMenu', menu);
    this.contextMenu = menu ?? undefined;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    record('tray.destroy');
    this.destroyed = true;
  }
}

/** Click the tray menu entry reached by `labels` (a submenu path); a checkbox toggles first, as in Electron. */
export function clickTrayItem(labels: readonly string[]): void {
  let menu = latestTray?.contextMenu;
  let item: MenuItemStandin | undefined;
  for (const label of labels) {
    item = menu?.items.find((candidate) => candidate.label === label);
    if (item === undefined) throw new Error(`The tray menu has no entry "${labels.join(' > ')}"`);
    menu = item.submenu;
  }
  if (item === undefined) throw new Error('Name a tray menu entry to click');
  if (!item.enabled) throw new Error(`The tray menu entry "${labels.join(' > ')}" is disabled`);
  if (item.type === 'checkbox') item.checked = !item.checked;
  item.click?.(item, undefined, {});
}

/** The stand-in Notification class; `supported` is what isSupported() answers. */
function notificationClass(supported: boolean): unknown {
  return strict(
    'Notification',
    class NotificationStandin extends EventEmitter {
      static isSupported(): boolean {
        return supported;
      }

      constructor(private readonly options: { title?: string; body?: string } = {}) {
        super();
        record('Notification.new', options);
        return strict('Notification instance', this);
      }

      show(): void {
        record('notification.show', this.options.title ?? '', this.options.body ?? '');
      }

      close(): void {
        record('notification.close', this.options.title ?? '');
        this.emit('close', {});
      }
    },
  );
}

const recorded =
  <R>(name: string, answer: R) =>
  (...args: unknown[]): R => {
    record(name, ...args);
    return answer;
  };

/** The desktop members of the stand-in module. */
export function createDesktop(notificationsSupported: boolean): Record<string, unknown> {
  const powerMonitor = Object.assign(new EventEmitter(), {
    isOnBatteryPower: () => false,
    getSystemIdleState: () => 'active',
    getSystemIdleTime: () => 0,
  });
  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
  };
  const screen = Object.assign(new EventEmitter(), {
    getPrimaryDisplay: () => display,
    getAllDisplays: () => [display],
    getDisplayMatching: () => display,
    getDisplayNearestPoint: () => display,
    getCursorScreenPoint: () => ({ x: 0, y: 0 }),
  });
  return {
    Tray: strict('Tray', TrayStandin),
    Menu,
    MenuItem: strict('MenuItem', MenuItemStandin),
    Notification: notificationClass(notificationsSupported),
    nativeImage,
    shell: strict('shell', {
      openExternal: recorded('shell.openExternal', Promise.resolve()),
      // Electron answers '' on success, else an error message.
      openPath: recorded('shell.openPath', Promise.resolve('')),
      showItemInFolder: recorded('shell.showItemInFolder', undefined),
      trashItem: recorded('shell.trashItem', Promise.resolve()),
    }),
    dialog: strict('dialog', {
      showErrorBox: recorded('dialog.showErrorBox', undefined),
      showOpenDialog: recorded('dialog.showOpenDialog', Promise.resolve({ canceled: true, filePaths: [] })),
      showSaveDialog: recorded('dialog.showSaveDialog', Promise.resolve({ canceled: true })),
      // The first button: Reload, Keep running… (what a person would most likely click).
      showMessageBox: recorded(
        'dialog.showMessageBox',
        Promise.resolve({ response: 0, checkboxChecked: false }),
      ),
      showMessageBoxSync: recorded('dialog.showMessageBoxSync', 0),
    }),
    // No keychain on this machine: passphrases stay in memory, as on a Linux desktop without one.
    safeStorage: strict('safeStorage', {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => {
        throw new Error('Encryption is not available.');
      },
      decryptString: () => {
        throw new Error('Decryption is not available.');
      },
    }),
    powerMonitor: strict('powerMonitor', powerMonitor),
    screen: strict('screen', screen),
    clipboard: strict('clipboard', {
      writeText: recorded('clipboard.writeText', undefined),
      readText: () => '',
      clear: recorded('clipboard.clear', undefined),
    }),
  };
}
