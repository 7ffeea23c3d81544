import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayHostProblem, trayIconPath, trayTitle } from './tray-support.js';

const assets = path.resolve(__dirname, '../../assets');

describe('trayIconPath', () => {
  it('points at images that exist in assets/ for every platform and state', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const kind of ['idle', 'running', 'error', 'warning'] as const) {
        const file = trayIconPath(kind, platform, assets);
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(file.replace(/\.png$/, '@2x.png')), file).toBe(true);
      }
    }
  });

  it('uses template images on macOS, 16 px on Windows and 32 px on Linux', () => {
    expect(path.basename(trayIconPath('running', 'darwin', assets))).toBe('tray-runningTemplate.png');
    expect(path.basename(trayIconPath('idle', 'win32', assets))).toBe('tray-idle.png');
    expect(path.basename(trayIconPath('warning', 'linux', assets))).toBe('tray-warning-32.png');
  });

  it('draws a warning image of its own, not the error image again', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const warning = readFileSync(trayIconPath('warning', platform, assets));
      const error = readFileSync(trayIconPath('error', platform, assets));
      expect(warning.equals(error), platform).toBe(false);
    }
  });
});

describe('trayHostProblem', () => {
  it('believes the session bus on Linux over the desktop name', () => {
    const gnome = { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland' };
    // GNOME with the AppIndicator extension: the watcher has a host.
    expect(trayHostProblem('linux', gnome, 'present')).toBeUndefined();
    // A KDE name but no host registered (e.g. plasmashell not running).
    expect(trayHostProblem('linux', { XDG_CURRENT_DESKTOP: 'KDE' }, 'absent')).toMatch(
      /no StatusNotifier host/,
    );
    expect(trayHostProblem('linux', { BORGDESK_TRAY: '1' }, 'absent')).toBeUndefined();
    expect(trayHostProblem('linux', { BORGDESK_TRAY: '0' }, 'present')).toMatch(/turned off/);
    // X11 has the older XEmbed tray as well: no watcher there leaves it to the desktop's name.
    expect(
      trayHostProblem('linux', { XDG_CURRENT_DESKTOP: 'XFCE', XDG_SESSION_TYPE: 'x11' }, 'absent'),
    ).toBeUndefined();
    expect(trayHostProblem('linux', { ...gnome, XDG_SESSION_TYPE: 'x11' }, 'absent')).toMatch(/AppIndicator/);
    // Only an unanswerable bus falls back to the name.
    expect(trayHostProblem('linux', gnome, 'unknown')).toMatch(/AppIndicator/);
  });

  it('flags stock GNOME (Wayland or X11), unless the user says a tray host is there', () => {
    const gnome = { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland' };
    expect(trayHostProblem('linux', gnome)).toMatch(/AppIndicator/);
    expect(trayHostProblem('linux', { ...gnome, XDG_SESSION_TYPE: 'x11' })).toMatch(/AppIndicator/);
    expect(trayHostProblem('linux', { ...gnome, BORGDESK_TRAY: '1' })).toBeUndefined();
  });

  it('trusts Ubuntu, other desktops and platforms, and honours BORGDESK_TRAY=0 everywhere', () => {
    expect(
      trayHostProblem('linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' }),
    ).toBe(undefined);
    expect(
      trayHostProblem('linux', { XDG_CURRENT_DESKTOP: 'KDE', XDG_SESSION_TYPE: 'wayland' }),
    ).toBeUndefined();
    expect(trayHostProblem('darwin', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBeUndefined();
    expect(trayHostProblem('win32', { BORGDESK_TRAY: '0' })).toMatch(/turned off/);
  });

  it('titles the macOS menu bar with the percent only while known', () => {
    expect(trayTitle(42)).toBe('42%');
    expect(trayTitle(undefined)).toBe('');
  });
});
