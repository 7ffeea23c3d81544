import { describe, expect, it } from 'vitest';
import { desktopWords } from '../core/i18n/desktop-words.js';
import { isExpectedExit, rendererGoneText, startFailedText, uncaughtErrorText } from './crash-text.js';

describe('crash text', () => {
  it('stays quiet for a page that ended on purpose', () => {
    expect(isExpectedExit('clean-exit')).toBe(true);
    expect(isExpectedExit('crashed')).toBe(false);
  });

  it('names the reason, says backups go on and how to continue', () => {
    const oom = rendererGoneText('oom', 0);
    expect(oom.detail).toContain('ran out of memory');
    expect(oom.detail).toContain('Backups and schedules keep running');
    expect(oom.detail).toContain('Reload');
    expect(rendererGoneText('crashed', 139).detail).toContain('crashed, exit code 139');
    expect(rendererGoneText('oom', 0).buttons).toEqual(['Reload', 'Quit Borgdesk']);
  });

  it('says it in German too, buttons included', () => {
    const german = desktopWords('de');
    const gone = rendererGoneText('killed', 9, german);
    expect(gone.message).toBe('Das Fenster von Borgdesk funktioniert nicht mehr');
    expect(gone.detail).toContain('weil sie vom System gestoppt wurde.');
    expect(gone.buttons).toEqual(['Neu laden', 'Borgdesk beenden']);
    expect(uncaughtErrorText('boom', german)).toEqual({
      message: 'In Borgdesk ist ein unerwarteter Fehler aufgetreten',
      detail: 'boom\n\nDie Einzelheiten stehen im Protokollordner (Hilfe → Protokollordner öffnen).',
      buttons: ['Weiterlaufen lassen', 'Borgdesk beenden'],
    });
    expect(uncaughtErrorText('boom').detail).toBe(
      'boom\n\nThe details are in the log folder (Help → Open Log Folder).',
    );
    expect(startFailedText('no disk', '/logs').content).toBe(
      'no disk\n\nThe log folder has the details: /logs',
    );
  });
});

describe('Windows identity', () => {
  it('gives Windows the AppUserModelID of the installer (electron-builder.yml appId), others none', async () => {
    const { appUserModelId } = await import('./app-url.js');
    const { readFileSync } = await import('node:fs');
    const appId = /^appId: (\S+)$/m.exec(readFileSync('electron-builder.yml', 'utf8'))?.[1];
    expect(appUserModelId('win32')).toBe(appId);
    expect(appUserModelId('linux')).toBeUndefined();
    expect(appUserModelId('darwin')).toBeUndefined();
  });
});
