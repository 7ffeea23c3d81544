/**
 * The desktop host's BUILT bundle (dist/main/index.cjs) under a stand-in `electron` module: the real
 * Electron binary cannot be installed on this machine, so this is the closest run of the desktop host
 * we can make (see e2e/support/desktop-host.ts). The core behind it is the real one with the system
 * borg; what the stand-in records is what the bundle asked of Electron.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopHost, type DesktopHostRun, type RecordedCall } from './support/desktop-host.js';
import { GERMAN_APP_MENU, GERMAN_TRAY_MENU } from './support/desktop-words.js';

let run: DesktopHostRun;

beforeAll(async () => {
  run = await startDesktopHost();
});

afterAll(async () => {
  await run?.stop();
});

function first(name: string, match: (call: RecordedCall) => boolean = () => true): RecordedCall {
  const call = run.calls(name).find(match);
  if (call === undefined) {
    throw new Error(
      `${name} was never called; recorded: ${run
        .calls()
        .map((c) => c.name)
        .join(', ')}`,
    );
  }
  return call;
}

const appOn = (event: string): RecordedCall => first('app.on', (call) => call.args[0] === event);

interface WindowOptions {
  readonly show?: boolean;
  readonly webPreferences?: Record<string, unknown>;
}

describe('desktop host start-up (under the electron stand-in)', () => {
  it('uses no Electron API the stand-in lacks and calls none out of order', () => {
    expect(run.calls('standin:load-error')).toEqual([]);
    expect(run.calls('standin:missing')).toEqual([]);
    expect(run.calls('standin:misuse')).toEqual([]);
  });

  it('registers app:// as privileged, sandboxes and takes the single-instance lock before ready', () => {
    const ready = first('lifecycle:ready').seq;
    const schemes = first('protocol.registerSchemesAsPrivileged');
    expect(schemes.seq).toBeLessThan(ready);
    expect(schemes.args[0]).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(first('app.enableSandbox').seq).toBeLessThan(ready);
    expect(first('app.requestSingleInstanceLock').seq).toBeLessThan(ready);
    // Every web contents is hardened from its creation on, so the hook must exist before any window.
    expect(appOn('web-contents-created').seq).toBeLessThan(first('BrowserWindow.new').seq);
  });

  it('sets the permission handlers and serves app:// before the window loads', () => {
    const windowCreated = first('BrowserWindow.new').seq;
    expect(first('session.setPermissionRequestHandler').seq).toBeLessThan(windowCreated);
    expect(first('session.setPermissionCheckHandler').seq).toBeLessThan(windowCreated);
    expect(first('protocol.handle', (call) => call.args[0] === 'app').seq).toBeLessThan(
      first('window.loadURL').seq,
    );
    // The window-open handler is set on the new web contents before it loads anything.
    expect(first('webContents.setWindowOpenHandler').seq).toBeLessThan(first('window.loadURL').seq);
  });

  it('opens one hardened window on app://borgdesk/index.html and shows it once ready', async () => {
    expect(run.calls('BrowserWindow.new')).toHaveLength(1);
    const options = first('BrowserWindow.new').args[0] as WindowOptions;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    const preload = String(options.webPreferences?.preload);
    expect(preload).toBe(path.resolve('dist/main/preload.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(first('window.loadURL').args).toEqual(['app://borgdesk/index.html']);
    await run.waitFor('window.show');
  });
});

describe('the app:// protocol handler', () => {
  it('serves the built renderer with its content security policy', async () => {
    const page = await run.fetchApp('app://borgdesk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<div id="root">');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await run.fetchApp(`app://borgdesk/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://borgdesk/../../etc/passwd',
    'app://borgdesk/%2e%2e/%2e%2e/etc/passwd',
    'app://borgdesk/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    // One level up from dist/renderer is dist/main: a broken guard would hand out the bundle itself.
    'app://borgdesk/..%2fmain%2findex.cjs',
    'app://borgdesk/%2e%2e%5cmain%5cindex.cjs',
    'app://borgdesk/index.html%00.png',
    'app://elsewhere/index.html',
  ])('refuses %s', async (url) => {
    const answer = await run.fetchApp(url);
    expect(answer.status).toBe(404);
    expect(answer.body).toBe('Not found');
  });

  it('answers only GET', async () => {
    expect((await run.fetchApp('app://borgdesk/index.html', 'POST')).status).toBe(404);
  });
});

describe('the window and its session', () => {
  it('denies permissions to pages that are not ours', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write']) {
      expect(await run.permission('request', permission, 'https://example.com/')).toBe(false);
      expect(await run.permission('check', permission, 'https://example.com/')).toBe(false);
    }
    // Not even our own page may use the camera or the location.
    expect(await run.permission('request', 'media', 'app://borgdesk/index.html')).toBe(false);
    expect(await run.permission('check', 'geolocation', 'app://borgdesk/index.html')).toBe(false);
  });

  it('lets our main frame write to the clipboard (the Copy buttons), and nothing else', async () => {
    for (const kind of ['request', 'check'] as const) {
      expect(await run.permission(kind, 'clipboard-sanitized-write', 'app://borgdesk/index.html')).toBe(true);
      expect(
        await run.permission(kind, 'clipboard-sanitized-write', 'app://borgdesk/index.html', 'sub'),
      ).toBe(false);
      expect(await run.permission(kind, 'clipboard-read', 'app://borgdesk/index.html')).toBe(false);
    }
  });

  it("sets the platform's menu with Edit and Help, without developer tools when packaged", () => {
    const ready = first('lifecycle:ready').seq;
    const setMenu = first('Menu.setApplicationMenu');
    expect(setMenu.seq).toBeGreaterThan(ready);
    const template = first('Menu.buildFromTemplate', (call) => {
      const items = call.args[0] as { label?: string }[];
      return items.some((item) => item.label === '&Help');
    }).args[0] as { label?: string; role?: string; submenu?: { label?: string; role?: string }[] }[];
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Window',
      '&Help',
    ]);
    expect(template[1]?.submenu?.map((item) => item.role)).toEqual(
      expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']),
    );
    expect(template[4]?.submenu?.map((item) => item.label)).toContain('Open Log Folder');
    expect(template[0]?.submenu?.map((item) => item.label)).toContain('&Settings…');
    // The stand-in plays an unpackaged app, which keeps the developer tools.
    expect(template[2]?.submenu?.map((item) => item.role)).toContain('toggleDevTools');
  });

  it('registers second-instance before the app is ready, so an early second start is not lost', () => {
    expect(appOn('second-instance').seq).toBeLessThan(first('lifecycle:ready').seq);
  });

  it('offers Reload when the page crashes, and reloads app://', async () => {
    const loadsBefore = run.calls('window.loadURL').length;
    await run.windowEvent('render-process-gone', 'crashed');
    const box = await run.waitFor('dialog.showMessageBox');
    const options = box.args[1] as { buttons: string[]; detail: string };
    expect(options.buttons[0]).toBe('Reload');
    expect(options.detail).toContain('Backups and schedules keep running');
    const reload = await run.waitFor('window.loadURL', undefined, { after: box.seq });
    expect(reload.args[0]).toBe('app://borgdesk/index.html');
    expect(run.calls('window.loadURL')).toHaveLength(loadsBefore + 1);
    // A page that ended on purpose (a reload) says nothing.
    await run.windowEvent('render-process-gone', 'clean-exit');
    await run.settle();
    expect(run.calls('dialog.showMessageBox')).toHaveLength(1);
  });

  it('keeps navigation on app:// and sends https links to the browser, never a new window', async () => {
    expect(await run.windowEvent('will-navigate', 'https://example.com/')).toEqual({
      defaultPrevented: true,
    });
    expect(await run.windowEvent('will-redirect', 'file:///etc/passwd')).toEqual({ defaultPrevented: true });
    expect(await run.windowEvent('will-navigate', 'app://borgdesk/index.html#/plans')).toEqual({
      defaultPrevented: false,
    });
    expect(await run.windowEvent('will-attach-webview')).toEqual({ defaultPrevented: true });
    expect(await run.windowEvent('window-open', 'https://borgbackup.readthedocs.io/')).toEqual({
      action: 'deny',
    });
    expect(await run.windowEvent('window-open', 'file:///etc/passwd')).toEqual({ action: 'deny' });
    await run.settle();
    expect(run.calls('shell.openExternal').map((call) => call.args[0])).toEqual([
      'https://borgbackup.readthedocs.io/',
    ]);
  });
});

describe('IPC', () => {
  it.each([
    ['a page elsewhere', { url: 'https://evil.example/' }],
    ['a file page', { url: 'file:///tmp/index.html' }],
    ['a look-alike host', { url: 'app://borgdesk.evil/index.html' }],
    ['a sub-frame of our page', { url: 'app://borgdesk/index.html', isSubFrame: true }],
  ])('refuses requests from %s', async (_what, sender) => {
    const reply = await run.invoke('app:status', {}, sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
  });

  it('answers our own page', async () => {
    const reply = await run.invoke('app:status', {});
    if (!reply.ok) throw new Error(`app:status failed: ${reply.error.message}`);
    expect(reply.result).toMatchObject({ host: 'electron', homeDir: run.homeDir, firstRun: true });
    // The system borg was found on PATH.
    expect(reply.result).toHaveProperty('borg.version');
  });
});

interface JobRow {
  readonly id: string;
  readonly status: string;
}

async function invokeOk<T>(method: Parameters<DesktopHostRun['invoke']>[0], params: unknown): Promise<T> {
  const reply = await run.invoke(method, params as never);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.message}`);
  return reply.result as T;
}

async function jobsDone(count: number): Promise<JobRow[]> {
  for (let i = 0; i < 600; i++) {
    const jobs = await invokeOk<JobRow[]>('jobs:list', {});
    const finished = jobs.filter((j) => ['succeeded', 'warning', 'failed', 'cancelled'].includes(j.status));
    if (finished.length >= count && finished.length === jobs.length) return jobs;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the backups did not finish');
}

describe('tray and notifications (a real borg behind them)', () => {
  it('offers the tray menu with the plans, and shows a warning once however often it repeats', async () => {
    const tray = first('Tray.new');
    expect((tray.args[0] as { image: string }).image).toBe(path.resolve('dist/assets/tray-idle-32.png'));
    expect(existsSync(path.resolve('dist/assets/tray-idle-32.png'))).toBe(true);
    for (const kind of ['running', 'warning', 'error'])
      expect(existsSync(path.resolve(`dist/assets/tray-${kind}-32.png`))).toBe(true);

    const source = path.join(run.root, 'home', 'documents');
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, 'note.txt'), 'kept\n');
    const repo = await invokeOk<{ id: string }>('repos:create', {
      name: 'Tray repo',
      location: path.join(run.root, 'repo'),
      encryption: 'repokey-blake2',
      passphrase: 'tray smoke passphrase 41',
    });
    // A source that is gone: borg backs up the rest and ends with a warning.
    const plan = await invokeOk<{ id: string }>('plans:save', {
      draft: {
        name: 'Documents',
        targets: [{ repoId: repo.id }],
        sourcePaths: [source, path.join(run.root, 'home', 'gone')],
      },
    });
    const menu = await run.waitFor('tray.setContextMenu', (call) =>
      JSON.stringify(call.args).includes('"Documents"'),
    );
    const labels = (menu.args[0] as { label: string }[]).map((item) => item.label);
    expect(labels).toEqual(['Back up now', 'Open Borgdesk', '', 'Pause all schedules', '', 'Quit Borgdesk']);

    // Run it from the tray, then again at once (within the second the first ended: the default name,
    // to the second, is taken, and the run waits for the next second): the same warning is told once.
    await run.clickTrayItem('Back up now', 'Documents');
    const firstRun = await jobsDone(1);
    expect(firstRun.map((job) => job.status)).toEqual(['warning']);
    await invokeOk('plans:run-now', { planId: plan.id });
    const secondRun = await jobsDone(2);
    expect(
      secondRun.map((job) => job.status),
      JSON.stringify(secondRun),
    ).toEqual(['warning', 'warning']);
    await run.settle();
    const shown = run.calls('notification.show').map((call) => String(call.args[0]));
    expect(shown.filter((title) => title.startsWith('Backup finished with warnings'))).toEqual([
      'Backup finished with warnings: Documents',
    ]);
    // The icon shows each run and returns to idle: files that could not be read are a notice, not a red icon.
    expect(
      run.calls('tray.setImage').map((call) => path.basename((call.args[0] as { image: string }).image)),
    ).toEqual(['tray-running-32.png', 'tray-idle-32.png', 'tray-running-32.png', 'tray-idle-32.png']);
  });
});

describe('the desktop words follow Settings → Language', () => {
  const menuLabels = (call: RecordedCall): (string | undefined)[] =>
    (call.args[0] as { label?: string; role?: string }[]).map((item) => item.label ?? item.role);

  it('re-words the application menu and the tray menu in German at once, and back in English', async () => {
    const before = run.calls().length;
    const asked = first('lifecycle:ready').seq;
    await invokeOk('settings:update', { language: 'de' });
    // waitFor looks at calls after this seq: the last one recorded before the update.
    const after = run.calls().at(before - 1)?.seq ?? asked;
    const appMenu = await run.waitFor(
      'Menu.buildFromTemplate',
      (call) => menuLabels(call).includes('&Hilfe'),
      { after },
    );
    expect(menuLabels(appMenu)).toEqual(GERMAN_APP_MENU);
    const help = (appMenu.args[0] as { submenu?: { label?: string }[] }[])[4];
    expect(help?.submenu?.map((item) => item.label)).toEqual(['Protokollordner öffnen', 'Borgdesk im Web']);
    const trayMenu = await run.waitFor(
      'tray.setContextMenu',
      (call) => JSON.stringify(call.args).includes('Jetzt sichern'),
      { after },
    );
    expect((trayMenu.args[0] as { label: string }[]).map((item) => item.label)).toEqual(GERMAN_TRAY_MENU);
    const tooltip = await run.waitFor(
      'tray.setToolTip',
      (call) => String(call.args[0]).startsWith('Borgdesk: Sicherungen'),
      {
        after,
      },
    );
    expect(tooltip.args[0]).toBe('Borgdesk: Sicherungen aktuell');

    // Back to English (the stand-in's system is en-US), which the quit below clicks by name.
    const german = run.calls().at(-1)?.seq ?? after;
    await invokeOk('settings:update', { language: 'system' });
    const english = await run.waitFor(
      'tray.setContextMenu',
      (call) => JSON.stringify(call.args).includes('Quit Borgdesk'),
      { after: german },
    );
    expect((english.args[0] as { label: string }[])[0]?.label).toBe('Back up now');
  });
});

// Last: it ends the run.
describe('quitting', () => {
  it('holds the first quit, disposes tray, transport and core, then quits for real', async () => {
    await run.clickTrayItem('Quit Borgdesk');
    expect(await run.exited).toBe(0);
    const beforeQuits = run.calls('lifecycle:before-quit');
    expect(beforeQuits).toHaveLength(2);
    // Held exactly once, by before-quit.
    expect(run.calls('lifecycle:quit-prevented').map((call) => call.args[0])).toEqual(['before-quit']);
    const held = first('lifecycle:quit-prevented').seq;
    const trayGone = first('tray.destroy').seq;
    const transportGone = first('ipcMain.removeHandler', (call) => call.args[0] === 'borgdesk:invoke').seq;
    const quits = run.calls('app.quit').map((call) => call.seq);
    expect(quits).toHaveLength(2);
    // The tray and the transport go while the quit is held, ...
    for (const disposed of [trayGone, transportGone]) {
      expect(beforeQuits[0]?.seq).toBeLessThan(disposed);
      expect(disposed).toBeLessThan(held);
    }
    // ... the second app.quit() waits for the core's dispose(), and then the quit goes through.
    expect(held).toBeLessThan(quits[1] ?? 0);
    expect(quits[1]).toBeLessThan(beforeQuits[1]?.seq ?? 0);
    expect(beforeQuits[1]?.seq).toBeLessThan(first('lifecycle:will-quit').seq);
    expect(run.calls('window.destroy')).toHaveLength(1);
    expect(run.calls('standin:missing')).toEqual([]);
    // Closing the window saved where it was, for the next start.
    const saved = JSON.parse(
      await readFile(path.join(run.root, 'config/borgdesk/window-state.json'), 'utf8'),
    ) as unknown;
    expect(saved).toMatchObject({ version: 1, bounds: { width: 1200, height: 800 }, maximized: false });
    // The crash played above went to the desktop log file, not the console.
    expect(await readFile(path.join(run.root, 'config/Borgdesk/logs/borgdesk.log'), 'utf8')).toMatch(
      /ERROR the window's page stopped: crashed \(exit code 139\)/,
    );
  });
});
