/**
 * Test support (imported by tests only): a real browser host over a real core, with every directory
 * in a fresh temp folder, and a tiny static site beside a "secret" file for traversal tests.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../core/create-core.js';
import { createMemorySecretStore } from '../core/secrets/memory-secret-store.js';
import type { Core } from '../core/services.js';
import { resolveAppPaths } from '../core/settings/app-paths.js';
import { startBrowserHost, type BrowserHost } from './browser-host.js';
import type { HostLimitOverrides } from './host-limits.js';

/** Text of the file placed outside the static root; must never be served. */
export const SECRET_TEXT = 'not-for-the-browser';
/** Text of the served index.html. */
export const INDEX_TEXT = '<!doctype html><title>Borgdesk test page</title>';

/** A running host plus the temp folder to clean up. */
export interface TestHost {
  readonly host: BrowserHost;
  readonly core: Core;
  readonly dir: string;
  /** Stop the host, dispose the core and delete the temp folder. */
  stop(): Promise<void>;
}

/** How to start a {@link TestHost}. */
export interface TestHostOptions {
  readonly port?: number;
  /** Fixed access token. */
  readonly token?: string;
  /** Use this folder (kept on stop) instead of a fresh temp folder. */
  readonly dir?: string;
  /** Short timeouts and small caps for the fault tests. */
  readonly limits?: HostLimitOverrides;
  /** Told about every throw a host handler caught; fault tests assert there were none. */
  readonly onError?: (context: string, error: unknown) => void;
}

/** Start a host on a free port (or `port`) with a fresh core; `token` fixes the access token. */
export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'borgdesk-host-')));
  const staticDir = path.join(dir, 'static');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), INDEX_TEXT);
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("hi");\n');
  await writeFile(path.join(dir, 'package.json'), SECRET_TEXT);
  await symlink(path.join(dir, 'package.json'), path.join(staticDir, 'escape.json')).catch(() => undefined);
  // borg must never touch the real home from a test.
  process.env['BORG_BASE_DIR'] = path.join(dir, 'borg-base');
  const home = path.join(dir, 'home');
  await mkdir(home, { recursive: true });
  const paths = resolveAppPaths(
    'linux',
    { BORGDESK_CONFIG_DIR: path.join(dir, 'config'), XDG_CACHE_HOME: path.join(dir, 'cache') },
    home,
  );
  const core = await createCore({
    host: 'browser',
    platform: process.platform,
    env: process.env,
    paths,
    secrets: createMemorySecretStore(),
    clock: { now: () => Date.now() },
  });
  const host = await startBrowserHost({
    core,
    staticDir,
    port: options.port ?? 0,
    validateResults: true,
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
    ...(options.onError !== undefined ? { onError: options.onError } : {}),
  });
  return {
    host,
    core,
    dir,
    async stop() {
      await host.close();
      await core.dispose();
      if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}
