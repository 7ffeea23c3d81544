/**
 * App-wide state: what the host told us (app:status, settings), the connection to the core, which
 * repository is selected, and which dialog is open. One dialog at a time keeps focus handling simple.
 */
import { create } from 'zustand';
import type { AppStatus } from '../../src-main/model/app.js';
import type { Settings } from '../../src-main/model/settings.js';
import { getApi, type ConnectionState } from '../api/select-client.js';
import { applyLanguageSetting } from '../i18n/i18n.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';
import { syncHostClock } from '../lib/host-clock.js';

/** The dialog on top of the app, if any. */
export type DialogState =
  | { readonly kind: 'add-repository'; readonly mode: 'create' | 'existing' }
  | { readonly kind: 'unlock'; readonly repoId: string; readonly thenBackup?: boolean }
  | { readonly kind: 'backup'; readonly repoId: string }
  | { readonly kind: 'settings' }
  | {
      readonly kind: 'restore';
      readonly repoId: string;
      readonly archiveName: string;
      readonly archiveId?: string;
      /** Archive paths to restore; empty means the whole archive. */
      readonly paths: readonly string[];
    }
  | {
      readonly kind: 'save-copy';
      readonly repoId: string;
      readonly archiveName: string;
      readonly archiveId?: string;
      readonly path: string;
    }
  | { readonly kind: 'versions'; readonly repoId: string; readonly path: string };

/** The top-level screen of the main area: the dashboard, the job history, the plans, or one repository. */
export type Section = 'overview' | 'history' | 'plans' | 'repository';

/** App-level state and its actions. */
export interface AppState {
  readonly status?: AppStatus;
  readonly statusError?: ErrorInfo;
  readonly settings?: Settings;
  readonly connection: ConnectionState;
  readonly selectedRepoId?: string;
  readonly section: Section;
  /** Set once the user leaves the welcome screen ("Skip" or after creating a repository). */
  readonly welcomeDismissed: boolean;
  readonly dialog?: DialogState;
  readonly logPanelOpen: boolean;

  loadStatus(): Promise<void>;
  /** Dismisses a config notice and reloads the status; never rejects (dismissing is cosmetic). */
  dismissConfigNotice(id: string): Promise<void>;
  loadSettings(): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  setConnection(state: ConnectionState): void;
  /** Shows a repository's screen (or, with undefined, forgets the selection). */
  selectRepository(repoId: string | undefined): void;
  showSection(section: Section): void;
  dismissWelcome(): void;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  setLogPanelOpen(open: boolean): void;
}

/** The app store. */
export const useAppStore = create<AppState>()((set, get) => ({
  connection: 'connecting',
  welcomeDismissed: false,
  logPanelOpen: false,
  section: 'overview',

  async loadStatus() {
    try {
      const status = await getApi().invoke('app:status', {});
      syncHostClock(status.now);
      set({ status, statusError: undefined });
    } catch (error) {
      set({ statusError: toErrorInfo(error, 'Borgdesk could not read its status.') });
    }
  },

  async dismissConfigNotice(id) {
    try {
      await getApi().invoke('app:dismiss-config-notice', { id });
    } catch {
      // The notice simply stays.
    }
    await get().loadStatus();
  },

  async loadSettings() {
    try {
      const settings = await getApi().invoke('settings:get', {});
      applyLanguageSetting(settings.language);
      set({ settings });
    } catch {
      // Settings only supply defaults (compression); the dialogs fall back to their own.
    }
  },

  async updateSettings(patch) {
    const settings = await getApi().invoke('settings:update', patch);
    applyLanguageSetting(settings.language);
    set({ settings });
    return settings;
  },

  setConnection(connection) {
    set({ connection });
  },

  selectRepository(selectedRepoId) {
    set(selectedRepoId === undefined ? { selectedRepoId } : { selectedRepoId, section: 'repository' });
  },

  showSection(section) {
    set({ section });
  },

  dismissWelcome() {
    set({ welcomeDismissed: true });
  },

  openDialog(dialog) {
    set({ dialog });
  },

  closeDialog() {
    set({ dialog: undefined });
  },

  setLogPanelOpen(logPanelOpen) {
    set({ logPanelOpen });
  },
}));
