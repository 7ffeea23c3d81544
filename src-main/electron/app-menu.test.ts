import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './app-menu.js';

const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((i) => i.label ?? i.role ?? '?');
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

function build(platform: NodeJS.Platform, packaged: boolean) {
  const opened: string[] = [];
  const template = appMenuTemplate({
    platform,
    packaged,
    actions: { openLogFolder: () => opened.push('logs'), openHomepage: () => opened.push('home') },
  });
  return { template, opened };
}

describe('application menu', () => {
  it('has the macOS app menu first, then Edit, View, Window and Help', () => {
    const { template } = build('darwin', true);
    expect(labels(template)).toEqual(['Borgdesk', 'Edit', 'View', 'windowMenu', 'Help']);
    expect(submenu(template[0]).map((i) => i.role)).toContain('quit');
  });

  it('has File with Quit instead on Linux and Windows', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { template } = build(platform, true);
      expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(submenu(template[0]).map((i) => i.role)).toEqual(['quit']);
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
