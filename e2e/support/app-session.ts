/**
 * What nearly every spec starts from, set up in one call: the browser host in its sandbox, a folder of
 * files to back up under the sandbox home, the folder a repository will be created in, and Chromium
 * with the app open.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type RunningHost } from './browser-host.js';
import { launchChromium, openPage } from './chromium.js';
import { makeSourceTree } from './source-tree.js';

/** A folder under the sandbox home: either random files (see makeSourceTree) or files a spec writes. */
export type SourceFolder = { readonly folder: string } & (
  | { readonly fileCount: number; readonly fileSize: number }
  | { readonly write: (dir: string) => Promise<void> }
);

export interface AppSessionOptions {
  /** Run the host on its hand-moved clock (BORGDESK_TEST_CLOCK=1), driven by support/test-clock. */
  readonly testClock?: boolean;
  /** More environment for the host, added last so it can override the sandbox's. */
  readonly hostEnv?: Readonly<Record<string, string>>;
  /** Written before the page opens, so the app never sees the folder half-filled. */
  readonly source?: SourceFolder;
  /** Where a spec will create its repository, relative to the sandbox root; its parent is made. */
  readonly repo?: string;
}

export interface AppSession {
  /** The running host (a new one after `restartHost`). */
  readonly host: RunningHost;
  readonly browser: Browser;
  readonly page: Page;
  /** Console and page errors seen so far; specs expect it empty at the end. */
  readonly consoleErrors: string[];
  /** The source folder's absolute path; reading it throws when `source` was not given. */
  readonly sourceDir: string;
  /** The random files written into the source folder (empty when the spec wrote its own). */
  readonly sourceFiles: readonly string[];
  /** The repository's absolute path; reading it throws when `repo` was not given. */
  readonly repoPath: string;
  /** Restart the host on the same folders (config, borg, home) and open the app from the new one. */
  restartHost(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Close the browser and stop the host (removing its sandbox). */
  close(): Promise<void>;
}

/** Start the host, prepare the folders `options` ask for, and open the app in a fresh Chromium. */
export async function openAppSession(options: AppSessionOptions = {}): Promise<AppSession> {
  let host = await startBrowserHost({
    ...(options.testClock ? { BORGDESK_TEST_CLOCK: '1' } : {}),
    ...options.hostEnv,
  });
  let browser: Browser | undefined;
  try {
    let sourceDir: string | undefined;
    let sourceFiles: readonly string[] = [];
    if (options.source) {
      sourceDir = path.join(host.homeDir, options.source.folder);
      sourceFiles = await fillSource(options.source, sourceDir);
    }
    const repoPath = options.repo === undefined ? undefined : path.join(host.root, options.repo);
    if (repoPath !== undefined) await mkdir(path.dirname(repoPath), { recursive: true });
    browser = await launchChromium();
    const { page, consoleErrors } = await openPage(browser, host.url);
    const openedBrowser = browser;
    return {
      get host() {
        return host;
      },
      browser,
      page,
      consoleErrors,
      get sourceDir() {
        return given(sourceDir, 'source');
      },
      sourceFiles,
      get repoPath() {
        return given(repoPath, 'repo');
      },
      async restartHost(signal) {
        host = await host.restart(signal);
        await page.goto(host.url);
      },
      async close() {
        try {
          await openedBrowser.close();
        } finally {
          await host.stop();
        }
      },
    };
  } catch (error) {
    // The spec never receives a session to close, so nothing started here may outlive the failure.
    await browser?.close();
    await host.stop();
    throw error;
  }
}

async function fillSource(source: SourceFolder, dir: string): Promise<readonly string[]> {
  if ('write' in source) {
    await source.write(dir);
    return [];
  }
  return makeSourceTree(dir, source.fileCount, source.fileSize);
}

function given(value: string | undefined, option: string): string {
  if (value === undefined) throw new Error(`this app session was opened without the "${option}" option`);
  return value;
}
