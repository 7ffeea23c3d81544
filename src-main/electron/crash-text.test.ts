import { describe, expect, it } from 'vitest';
import { isExpectedExit, rendererGoneText } from './crash-text.js';

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
