/**
 * `app:status`: what the welcome and settings screens need to know about this machine and borg.
 * Finding borg runs `borg --version`, so a good result is cached until the configured path changes.
 */
import os from 'node:os';
import path from 'node:path';
import type { BorgStatus } from '../model/app.js';
import {
  capabilitiesFor,
  installHints,
  locateBorg,
  parseBorgVersion,
  wellKnownBorgDirs,
} from '../borg/version.js';
import type { BorgCapabilities } from '../borg/capabilities.js';
import type { AppStatus, ConfigNotice } from '../model/app.js';
import type { SecretStorage } from '../model/secret-storage.js';
import { AppError } from './app-error.js';

/** What AppStatusService reads; injected so the composition root decides where it comes from. */
export interface AppStatusDeps {
  readonly host: AppStatus['host'];
  readonly homeDir: string;
  /** The host's platform, reported to the UI and used to pick an install hint. */
  readonly platform: NodeJS.Platform;
  readonly borgPathSetting: () => string;
  readonly hasRepositories: () => boolean;
  /** What happened to the config files (see ConfigNotices); none when absent. */
  readonly configNotices?: () => readonly ConfigNotice[];
  readonly pathEnv: () => string | undefined;
  /** BORG_RSH in the host's environment, which borg's runs then use as it is (borg/ssh-run.ts). */
  readonly borgRshEnv?: () => string | undefined;
  readonly locate?: typeof locateBorg;
  /** Folders searched after PATH (default: wellKnownBorgDirs of the platform, e.g. Homebrew's). */
  readonly extraBorgDirs?: readonly string[];
  /** The core's clock (a hand-driven one in test mode). Default: the system clock. */
  readonly now?: () => number;
  /** Desktop-only facts: whether start at login works here and why the tray may be missing. */
  readonly desktop?: { readonly trayProblem: () => string | undefined };
  /** Where remembered passphrases are kept right now (the one statement Settings shows). */
  readonly secretStorage?: () => SecretStorage;
}

/** Answers `app:status` and hands out the borg binary path for every borg run. */
export class AppStatusService {
  private cached: { forSetting: string; status: Promise<BorgStatus> } | undefined;

  constructor(private readonly deps: AppStatusDeps) {}

  /** Forget the cached borg lookup (after `settings:update` changed borgPath). */
  invalidateBorg(): void {
    this.cached = undefined;
  }

  /** The borg status, cached while it is 'ok' and the setting is unchanged. */
  borgStatus(): Promise<BorgStatus> {
    const setting = this.deps.borgPathSetting();
    if (this.cached !== undefined && this.cached.forSetting === setting) return this.cached.status;
    const locate = this.deps.locate ?? locateBorg;
    const extraDirs = this.deps.extraBorgDirs ?? wellKnownBorgDirs(this.deps.platform, this.deps.homeDir);
    const status =
      this.deps.platform === 'win32'
        ? Promise.resolve(windowsStatus())
        : locate(setting, this.deps.pathEnv(), extraDirs);
    this.cached = { forSetting: setting, status };
    // Only a working borg is worth remembering: after an install the next check should find it.
    status.then(
      (s) => {
        if (s.state !== 'ok' && this.cached?.status === status) this.cached = undefined;
      },
      () => {
        if (this.cached?.status === status) this.cached = undefined;
      },
    );
    return status;
  }

  /** The path of a usable borg, or an AppError saying why there is none. */
  async requireBorgPath(): Promise<string> {
    const status = await this.borgStatus();
    switch (status.state) {
      case 'ok':
        return status.path;
      case 'missing':
        throw new AppError(
          'BorgNotFound',
          'BorgBackup is not installed (or Borgdesk cannot find it).',
          installRemedy(this.deps.platform),
          { reason: 'notInstalled', params: { remedy: installRemedy(this.deps.platform) } },
        );
      case 'too-old':
        throw new AppError(
          'BorgNotFound',
          `BorgBackup ${status.version} is too old; Borgdesk needs ${status.minimum} or newer.`,
          installRemedy(this.deps.platform),
          {
            reason: 'tooOld',
            params: {
              version: status.version,
              minimum: status.minimum,
              remedy: installRemedy(this.deps.platform),
            },
          },
        );
      case 'unsupported':
        throw new AppError(
          'BorgNotFound',
          status.reason,
          'Install borg 1.4 (or 1.2) beside it and choose that one under Settings → Path to borg.',
          // The one unsupported kind today (capabilities.ts commandLineMismatch): an early borg 2 beta.
          { reason: 'unsupportedVersion', params: { version: status.version } },
        );
      case 'broken':
        throw new AppError(
          'BorgNotFound',
          `BorgBackup at ${status.path} does not work: ${status.detail}`,
          'Reinstall BorgBackup, or set the path to a working borg in Settings.',
          { reason: 'borgbackupWork', params: { path: status.path, detail: status.detail } },
        );
      case 'platform-unsupported':
        throw new AppError('PlatformUnsupported', status.reason, WSL_REMEDY, {
          reason: 'windows',
        });
    }
  }

  /**
   * The capability table of the borg requireBorgPath hands out, for every BorgContext (command
   * builders read it); rejects like requireBorgPath when there is no usable borg.
   */
  async requireBorgCapabilities(): Promise<BorgCapabilities> {
    await this.requireBorgPath();
    const status = await this.borgStatus();
    const version = status.state === 'ok' ? parseBorgVersion(`borg ${status.version}`) : undefined;
    if (version === undefined)
      throw new AppError('BorgNotFound', 'BorgBackup changed while Borgdesk was reading it.', 'Try again.', {
        reason: 'borgbackupChangedWhileBorgdesk',
      });
    return capabilitiesFor(version);
  }

  /** The full `app:status` answer. */
  async status(): Promise<AppStatus> {
    const home = this.deps.homeDir;
    return {
      host: this.deps.host,
      hostname: os.hostname(),
      platform: this.deps.platform,
      homeDir: home,
      borg: await this.borgStatus(),
      installHints: installHints(this.deps.platform),
      firstRun: !this.deps.hasRepositories(),
      now: new Date(this.deps.now?.() ?? Date.now()).toISOString(),
      startAtLoginSupported: this.deps.desktop !== undefined,
      ...trayProblemField(this.deps.desktop?.trayProblem()),
      ...(this.deps.secretStorage !== undefined && { secretStorage: this.deps.secretStorage() }),
      ...userRshField(this.deps.borgRshEnv?.()),
      configNotices: [...(this.deps.configNotices?.() ?? [])],
      defaults: {
        repositoryPath: path.join(home, 'Backups', 'borgdesk-repo'),
        sourcePaths: [home],
        archiveNameTemplate: '{hostname}-{now}',
      },
    };
  }
}

function userRshField(rsh: string | undefined): { userBorgRsh?: string } {
  return rsh === undefined || rsh.trim() === '' ? {} : { userBorgRsh: rsh };
}

function trayProblemField(problem: string | undefined): { trayProblem?: string } {
  return problem === undefined ? {} : { trayProblem: problem };
}

/**
 * Windows: borg has no native Windows release; it runs inside WSL. Driving it there through
 * `wsl.exe borg …` is not done (yet), on purpose rather than half-way: the passphrase pipe
 * (BORG_PASSPHRASE_FD, an inherited file descriptor) does not cross wsl.exe, so passphrases would
 * need another route (BORG_PASSCOMMAND reading a socket, or the environment, which Borgdesk never
 * uses for secrets); every path (sources, repositories, restore targets, mount points, ssh keys,
 * known_hosts) would need translating between C:\ and /mnt/c; and borg mount needs FUSE in WSL.
 * The browser host runs inside WSL as on any Linux, and its page opens in the Windows browser.
 */
const WINDOWS_REASON =
  'On Windows, BorgBackup runs only inside WSL (Windows Subsystem for Linux), and this Borgdesk app does not drive borg through WSL yet.';
const WSL_REMEDY =
  'Install borg inside WSL (sudo apt install borgbackup) and start Borgdesk’s browser host there (npm run serve), then open the address it prints in your Windows browser.';

function windowsStatus(): BorgStatus {
  return { state: 'platform-unsupported', platform: 'win32', reason: WINDOWS_REASON };
}

function installRemedy(platform: NodeJS.Platform): string {
  const hints = installHints(platform);
  // The hints are labelled for people ("macOS (Homebrew)"), so match the label loosely.
  const hint =
    (platform === 'darwin' ? hints.find((h) => h.platform.includes('macOS')) : undefined) ?? hints[0];
  const install =
    hint === undefined ? 'Install BorgBackup' : `Install BorgBackup (for example: ${hint.command})`;
  return `${install}, or set the path to borg in Settings.`;
}
