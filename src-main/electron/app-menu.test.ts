import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { desktopWords } from '../core/i18n/desktop-words.js';
import { appMenuTemplate } from './app-menu.js';

const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((i) => i.label ?? i.role ?? '?');
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

function build(platform: NodeJS.Platform, packaged: boolean) {
  const opened: string[] = [];
  const template = appMenuTemplate({
    platform,
    packaged,
    actions: {
      openLogFolder: () => opened.push('logs'),
      openHomepage: () => opened.push('home'),
      openSettings: () => opened.push('settings'),
    },
  });
  return { template, opened };
}

describe('application menu', () => {
  it('has the macOS app menu first, then Edit, View, Window and Help', () => {
    const { template } = build('darwin', true);
    expect(labels(template)).toEqual(['Borgdesk', 'Edit', 'View', 'windowMenu', 'Help']);
    const appMenu = submenu(template[0]);
    expect(appMenu.map((i) => i.role ?? i.label)).toEqual(
      expect.arrayContaining(['about', 'Settings…', 'hide', 'quit']),
    );
  });

  it('opens Settings from the app menu on macOS and from File elsewhere, with Cmd/Ctrl+,', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const { template, opened } = build(platform, true);
      const item = submenu(template[0]).find((i) => i.label?.includes('Settings…') === true);
      expect(item?.accelerator, platform).toBe('CommandOrControl+,');
      (item?.click as () => void)();
      expect(opened, platform).toEqual(['settings']);
    }
  });

  it('has File with Quit instead on Linux and Windows', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { template } = build(platform, true);
      expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(submenu(template[0]).map((i) => i.role ?? i.label ?? i.type)).toEqual([
        '&Settings…',
        'separator',
        'quit',
      ]);
    }
  });

  it('offers copy and paste in Edit (text fields on macOS rely on these roles)', () => {
    const edit = submenu(build('darwin', true).template[1]).map((i) => i.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(edit).toContain(role);
  });

  it('shows developer tools only in an unpackaged app', () => {
    const roles = (packaged: boolean) => submenu(build('linux', packaged).template[2]).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });

  it('opens the log folder and the project page from Help', () => {
    const { template, opened } = build('linux', true);
    const help = submenu(template[4]);
    expect(help.map((i) => i.label)).toEqual(['Open Log Folder', 'Borgdesk on the Web']);
    for (const item of help) (item.click as () => void)();
    expect(opened).toEqual(['logs', 'home']);
  });
});

describe('application menu in German', () => {
  it('words its own items in German; Electron words the role items itself', () => {
    const template = appMenuTemplate({
      platform: 'linux',
      packaged: true,
      words: desktopWords('de'),
      actions: {
        openLogFolder: () => undefined,
        openHomepage: () => undefined,
        openSettings: () => undefined,
      },
    });
    expect(labels(template)).toEqual(['&Datei', '&Bearbeiten', '&Ansicht', '&Fenster', '&Hilfe']);
    expect(labels(submenu(template[0]))).toEqual(['&Einstellungen…', '?', 'Borgdesk beenden']);
    expect(labels(submenu(template[4]))).toEqual(['Protokollordner öffnen', 'Borgdesk im Web']);
  });
});
