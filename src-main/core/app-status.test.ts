import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBorg } from '../borg/version.js';
import { cachedExtraBorg } from '../borg/test-borg2.js';
import { AppStatusService } from './app-status.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-status-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The real locateBorg, counting how often it runs. */
function countingLocate() {
  const calls: string[] = [];
  const locate: typeof locateBorg = (configured, pathEnv) => {
    calls.push(configured);
    return locateBorg(configured, pathEnv);
  };
  return { calls, locate };
}

describe('AppStatusService', () => {
  it('on Windows says borg runs only in WSL, searches nothing, and refuses to run borg with that reason', async () => {
    const { calls, locate } = countingLocate();
    const service = new AppStatusService({
      host: 'electron',
      homeDir: 'C:\\Users\\ann',
      platform: 'win32',
      borgPathSetting: () => '',
      hasRepositories: () => false,
      pathEnv: () => 'C:\\Windows\\system32',
      locate,
    });
    const status = await service.status();
    expect(status.borg).toMatchObject({ state: 'platform-unsupported', platform: 'win32' });
    expect(status.installHints.map((h) => h.command)).toContain('wsl --install');
    expect(calls).toEqual([]);
    await expect(service.requireBorgPath()).rejects.toMatchObject({
      code: 'PlatformUnsupported',
      message: expect.stringContaining('WSL'),
    });
  });

  it("tells the core's clock and the desktop facts the host supplies", async () => {
    const service = new AppStatusService({
      host: 'electron',
      homeDir: '/home/ann',
      platform: process.platform,
      borgPathSetting: () => '',
      hasRepositories: () => true,
      pathEnv: () => '/usr/bin',
      locate: countingLocate().locate,
      now: () => Date.UTC(2031, 0, 2, 3, 4, 5),
      desktop: { trayProblem: () => 'GNOME shows no tray icons' },
    });
    const status = await service.status();
    expect(status.now).toBe('2031-01-02T03:04:05.000Z');
    expect(status.startAtLoginSupported).toBe(true);
    expect(status.trayProblem).toBe('GNOME shows no tray icons');
    expect(status.userBorgRsh).toBeUndefined();
  });

  it('says when the user set BORG_RSH, which borg then uses instead of Borgdesk’s ssh command', async () => {
    const base = {
      ...{ host: 'browser' as const, homeDir: '/home/ann', platform: process.platform },
      ...{ borgPathSetting: () => '', hasRepositories: () => true, pathEnv: () => '/usr/bin' },
      locate: countingLocate().locate,
    };
    const set = new AppStatusService({ ...base, borgRshEnv: () => 'ssh -J jump.example.org' });
    expect((await set.status()).userBorgRsh).toBe('ssh -J jump.example.org');
    const blank = new AppStatusService({ ...base, borgRshEnv: () => '  ' });
    expect((await blank.status()).userBorgRsh).toBeUndefined();
  });

  it('reports the real borg, the host details and first-run defaults', async () => {
    const { locate } = countingLocate();
    const service = new AppStatusService({
      host: 'browser',
      homeDir: '/home/ann',
      platform: 'freebsd',
      borgPathSetting: () => '',
      hasRepositories: () => false,
      pathEnv: () => '/usr/bin',
      locate,
    });
    const status = await service.status();
    expect(status.borg).toMatchObject({ state: 'ok', path: '/usr/bin/borg' });
    expect(status).toMatchObject({
      host: 'browser',
      // The host's platform, not this process's: the host passes it in.
      platform: 'freebsd',
      homeDir: '/home/ann',
      firstRun: true,
      defaults: {
        repositoryPath: '/home/ann/Backups/borgdesk-repo',
        sourcePaths: ['/home/ann'],
        archiveNameTemplate: '{hostname}-{now}',
      },
    });
    expect(status.installHints.length).toBeGreaterThan(0);
    expect(status.hostname).toBe(os.hostname());
    // The browser host offers no start at login; without an injected clock, now is the system's.
    expect(status.startAtLoginSupported).toBe(false);
    expect(Math.abs(Date.parse(status.now) - Date.now())).toBeLessThan(5_000);
  });

  it.each([
    ['/usr/bin/borg', 'init'],
    [cachedExtraBorg('borg-1.4'), 'init'],
    [cachedExtraBorg('borg-2'), 'repo-create'],
  ])('hands out the capability table of the borg at %s', async (borg, createCommand) => {
    try {
      await fs.access(borg);
    } catch {
      console.log(`skipped: ${borg} is not on this machine (scripts/ci/install-borgs.sh puts it there)`);
      return;
    }
    const service = new AppStatusService({
      host: 'browser',
      homeDir: dir,
      platform: process.platform,
      borgPathSetting: () => borg,
      hasRepositories: () => false,
      pathEnv: () => '',
    });
    const caps = await service.requireBorgCapabilities();
    expect(caps.repositoryCommands.create).toBe(createCommand);
    const status = await service.borgStatus();
    expect(status.state === 'ok' && caps.version).toBe(status.state === 'ok' ? status.version : false);
  });

  it('caches a working borg until the configured path changes', async () => {
    const { calls, locate } = countingLocate();
    let setting = '';
    const service = new AppStatusService({
      host: 'electron',
      homeDir: dir,
      platform: process.platform,
      borgPathSetting: () => setting,
      hasRepositories: () => true,
      pathEnv: () => '/usr/bin',
      locate,
    });
    expect(await service.requireBorgPath()).toBe('/usr/bin/borg');
    await service.status();
    expect(calls).toEqual(['']);
    setting = '/usr/bin/borg';
    service.invalidateBorg();
    await service.status();
    expect(calls).toEqual(['', '/usr/bin/borg']);
  });

  it('re-checks a missing borg every time and explains how to install it', async () => {
    const { calls, locate } = countingLocate();
    const service = new AppStatusService({
      host: 'browser',
      homeDir: dir,
      platform: process.platform,
      borgPathSetting: () => path.join(dir, 'no-borg'),
      hasRepositories: () => false,
      pathEnv: () => dir,
      locate,
    });
    const error = await service.requireBorgPath().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BorgNotFound',
      remedy: expect.stringContaining('Install BorgBackup'),
    });
    expect((await service.status()).borg.state).toBe('missing');
    expect(calls.length).toBe(2);
  });

  it("suggests the install command of the host's platform", async () => {
    const service = new AppStatusService({
      host: 'electron',
      homeDir: dir,
      platform: 'darwin',
      borgPathSetting: () => path.join(dir, 'no-borg'),
      hasRepositories: () => false,
      pathEnv: () => dir,
    });
    await expect(service.requireBorgPath()).rejects.toMatchObject({
      remedy: expect.stringContaining('brew install borgbackup'),
    });
  });

  it('explains a borg that does not run', async () => {
    const fake = path.join(dir, 'borg');
    await fs.writeFile(fake, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const service = new AppStatusService({
      host: 'browser',
      homeDir: dir,
      platform: process.platform,
      borgPathSetting: () => fake,
      hasRepositories: () => false,
      pathEnv: () => undefined,
    });
    await expect(service.requireBorgPath()).rejects.toMatchObject({ code: 'BorgNotFound' });
  });
});
