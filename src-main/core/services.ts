/**
 * What a host (Electron or the plain-Node browser host) hands the core. The core never imports
 * electron; everything platform-specific arrives through these interfaces.
 */
import type { EventName, EventPayload, RequestHandlers, TestRequestHandlers } from '../ipc/contract.js';
import type { SecretStorage } from '../model/secret-storage.js';
import type { Settings } from '../model/settings.js';
import type { Logger } from './logging/logger.js';
import type { Clock, EnvironmentState, SchedulerTimers } from './schedule/scheduler-types.js';

// Declared beside the timers, the other injected time source, so neither file imports the other.
export type { Clock } from './schedule/scheduler-types.js';

/** Where the app keeps its files; the host decides (XDG / Application Support / AppData). */
export interface AppPaths {
  readonly configDir: string;
  readonly cacheDir: string;
  readonly homeDir: string;
}

/**
 * Where remembered passphrases live between runs: the OS keychain, the Secret Service, or memory
 * only. Asynchronous because a keychain may be slow or locked: every call is bounded in time by its
 * implementation and rejects with a plain reason. Implementations never write a passphrase in plain
 * text. The core keeps its own memory copy (PassphraseKeeper); this is only the lasting one.
 */
export interface SecretStore {
  /** Where secrets are kept right now (a keyring may become locked), as Settings states it. */
  describe(): SecretStorage;
  /** The remembered passphrase of `repoId`, or undefined when none is stored. */
  get(repoId: string): Promise<string | undefined>;
  /** Remember `passphrase` for `repoId`, replacing any earlier one; `repositoryName` labels the entry. */
  set(repoId: string, passphrase: string, repositoryName: string): Promise<void>;
  /** Forget the stored passphrase of `repoId` (nothing happens when none is stored). */
  delete(repoId: string): Promise<void>;
  /** Releases connections on quit. */
  close?(): Promise<void>;
}

/** Native folder chooser; only the Electron host has one. */
export interface FolderDialog {
  chooseFolders(title: string, multiple: boolean): Promise<readonly string[]>;
}

/** Opens a folder in the system file manager; only the Electron host has one. */
export interface FileManager {
  openPath(path: string): Promise<boolean>;
}

/** OS power events; the Electron host reports resume from suspend so missed schedules catch up promptly. */
export interface PowerEvents {
  /** Call `listener` after each resume; returns the unsubscribe function. */
  onResume(listener: () => void): () => void;
}

/**
 * Power and network state for schedule conditions (not on battery, not on a metered connection).
 * Best effort: a field the platform cannot tell stays undefined and never holds a run back.
 */
export interface EnvironmentSource {
  current(): EnvironmentState;
  /** Call `listener` when the state may have changed; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/** Desktop integration only the Electron host has: start at login and the tray host check. */
export interface DesktopIntegration {
  /** Register or unregister Borgdesk as a login item (the setting is applied through this). */
  setStartAtLogin(enabled: boolean): void;
  /** Why the tray icon cannot be shown here, or undefined when it can. */
  trayProblem(): string | undefined;
}

export interface Services {
  readonly host: 'electron' | 'browser';
  /** The host's `process.platform`: path rules, install hints and file lookups depend on it. */
  readonly platform: NodeJS.Platform;
  /** The host's `process.env` (the live object): PATH to find borg, USER, borg's cache variables. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  readonly paths: AppPaths;
  readonly secrets: SecretStore;
  readonly folderDialog?: FolderDialog;
  readonly fileManager?: FileManager;
  readonly clock: Clock;
  /** Timers for the scheduler; real (unref'd) timers when absent. */
  readonly timers?: SchedulerTimers;
  /** Resume-from-sleep events; absent in the browser host (the scheduler notices late timers itself). */
  readonly power?: PowerEvents;
  /** Battery / metered state for schedule conditions; absent: conditions never hold a run back. */
  readonly environment?: EnvironmentSource;
  /** Start at login and tray status; only the Electron host provides it. */
  readonly desktop?: DesktopIntegration;
  /** A hand-driven clock for end-to-end tests; enables the `test:advance-clock` request. */
  readonly testTime?: TestTime;
  /** Where the core logs (stderr when absent). The only place log lines go: no console calls. */
  readonly logger?: Logger;
  /** The folder of the log file, when the host writes one (the desktop app); Settings opens it. */
  readonly logDir?: string;
  /**
   * The system's preferred languages, most preferred first (BCP 47 tags), for Settings → Language
   * "system": Electron's app.getPreferredSystemLanguages(), or Intl / LANG in the browser host.
   */
  readonly systemLocales?: () => readonly string[];
  /** The first wait before a monitoring delivery is retried (2 s when absent; tests shorten it). */
  readonly monitoringBackoffMs?: number;
}

/** What `test:advance-clock` drives (the browser host's ManualTime in test mode). */
export interface TestTime {
  advance(ms: number): void;
  now(): number;
}

export type CoreEventListener = <N extends EventName>(event: N, payload: EventPayload<N>) => void;

/** The composed core: request handlers plus a push channel, used identically by both hosts. */
export interface Core {
  /** One handler per request; the test-mode ones answer NotFound unless `testMode` is on. */
  readonly handlers: RequestHandlers & TestRequestHandlers;
  /** True when the core runs on a hand-driven clock (Services.testTime): hosts route the test requests too. */
  readonly testMode: boolean;
  /** The current settings, read synchronously (hosts consult the notification level at each notice). */
  settings(): Settings;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: CoreEventListener): () => void;
  /** Cancel running jobs and release resources (on quit). */
  dispose(): Promise<void>;
}
