/**
 * The built desktop bundle under the stand-in `electron` module, on a German system: with Settings →
 * Language left at "system", the application menu and the tray start in German (the language switch
 * while running is in electron-standin.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { startDesktopHost } from './support/desktop-host.js';
import { GERMAN_APP_MENU, GERMAN_TRAY_MENU } from './support/desktop-words.js';

describe('a German system (Settings → Language "system")', () => {
  it('starts with the application menu and the tray in German', async () => {
    const german = await startDesktopHost({ env: { BORGDESK_STANDIN_LANGUAGES: 'de-DE,en-US' } });
    try {
      expect(german.calls('standin:missing')).toEqual([]);
      const menus = german
        .calls('Menu.buildFromTemplate')
        .map((call) => (call.args[0] as { label?: string; role?: string }[]).map((i) => i.label ?? i.role));
      expect(menus).toContainEqual(GERMAN_APP_MENU);
      const setMenus = german.calls('Menu.setApplicationMenu');
      const lastAppMenu = german
        .calls('Menu.buildFromTemplate')
        .filter((call) => call.seq < (setMenus.at(-1)?.seq ?? 0))
        .at(-1);
      expect(JSON.stringify(lastAppMenu?.args)).toContain('&Hilfe');
      const trayMenu = german.calls('tray.setContextMenu').at(-1);
      expect((trayMenu?.args[0] as { label: string }[]).map((item) => item.label)).toEqual(GERMAN_TRAY_MENU);
    } finally {
      await german.stop();
    }
  });
});
