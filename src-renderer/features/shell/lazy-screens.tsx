/**
 * Screens and dialogs the first screen does not show, loaded on demand so the first screen's script stays small
 * (issue 16): the archive browser, the history, the plans, the overview with its charts, and every dialog.
 * Each one renders inside its own Suspense with no fallback, so while its chunk loads the place stays empty,
 * as the main area already is while the repositories load; nothing flickers. Once the first screen is up, the
 * chunks are fetched in the background when the browser is next idle, so opening one later does not wait.
 */
import { lazy, Suspense, type ComponentType, type JSX } from 'react';

type Loader<P> = () => Promise<ComponentType<P>>;

const loaders: Array<() => Promise<unknown>> = [];

// Why not React.lazy alone: our modules have named exports, and each caller would need its own Suspense.
function lazyComponent<P extends object>(load: Loader<P>): (props: P) => JSX.Element {
  loaders.push(load);
  const Lazy = lazy(async () => ({ default: await load() }));
  const Deferred = (props: P) => (
    <Suspense fallback={null}>
      <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
    </Suspense>
  );
  return Deferred;
}

export const RepositoryScreen = lazyComponent(
  async () => (await import('../archives/RepositoryScreen.js')).RepositoryScreen,
);
export const HistoryScreen = lazyComponent(
  async () => (await import('../history/HistoryScreen.js')).HistoryScreen,
);
export const PlansScreen = lazyComponent(async () => (await import('../plans/PlansScreen.js')).PlansScreen);
export const Dashboard = lazyComponent(async () => (await import('../dashboard/Dashboard.js')).Dashboard);
export const VersionsDialog = lazyComponent(
  async () => (await import('../archives/VersionsDialog.js')).VersionsDialog,
);
export const BackupDialog = lazyComponent(async () => (await import('../jobs/BackupDialog.js')).BackupDialog);
export const AddRepositoryDialog = lazyComponent(
  async () => (await import('../repositories/AddRepositoryDialog.js')).AddRepositoryDialog,
);
export const UnlockDialog = lazyComponent(
  async () => (await import('../repositories/UnlockDialog.js')).UnlockDialog,
);
export const RestoreDialog = lazyComponent(
  async () => (await import('../restore/RestoreDialog.js')).RestoreDialog,
);
export const SaveCopyDialog = lazyComponent(
  async () => (await import('../restore/SaveCopyDialog.js')).SaveCopyDialog,
);
export const SettingsDialog = lazyComponent(
  async () => (await import('../settings/SettingsDialog.js')).SettingsDialog,
);

let preloaded = false;

/** Fetches every deferred chunk once the browser is idle, so the first screen is not slowed by them. */
function preloadLaterScreens(): void {
  if (preloaded || typeof window === 'undefined') return;
  preloaded = true;
  const start = () => void Promise.all(loaders.map((load) => load().catch(() => undefined)));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}

preloadLaterScreens();
