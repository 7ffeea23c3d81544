/**
 * Browser host entry (`dist/main/server.js`): builds the core with plain-Node services, serves the
 * renderer and the WebSocket transport on loopback, and prints the one URL to open.
 */
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './core/create-core.js';
import { createStderrLogger, parseLogLevel } from './core/logging/logger.js';
import { createNodeEnvironmentSource } from './core/environment/node-environment.js';
import { ManualTime } from './core/schedule/manual-time.js';
import { resolveAppPaths } from './core/settings/app-paths.js';
import { startBrowserHost } from './node/browser-host.js';
import { HostOptionsError, parseHostOptions } from './node/host-options.js';
import { installProcessSafetyNet } from './node/process-safety.js';
import { chooseBrowserSecretStore } from './node/secret-service/secret-service-store.js';
import { nodeSystemLocales } from './node/system-locales.js';

// The bundle lives in dist/main, the built renderer in dist/renderer; tests may point elsewhere.
const staticDir =
  process.env['BORGDESK_STATIC_DIR'] ?? fileURLToPath(new URL('../renderer/', import.meta.url));

async function writeUrlFile(file: string, url: string): Promise<void> {
  // Write then rename, so a test polling the file never reads half a URL.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${url}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host.startsWith('127.');

async function main(): Promise<void> {
  const options = parseHostOptions(process.argv.slice(2), process.env);
  // A bug in one handler must not end the process, and with it every running backup.
  installProcessSafetyNet(process);
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(
      `The user interface is not built (no ${path.join(staticDir, 'index.html')}). Run "npm run build" first.`,
    );
  }
  // End-to-end tests drive schedules by hand (test:advance-clock); never enabled otherwise.
  const testTime = process.env['BORGDESK_TEST_CLOCK'] === '1' ? new ManualTime(Date.now()) : undefined;
  // The browser host logs to stderr: stdout carries only the line with the address.
  const logger = createStderrLogger(parseLogLevel(process.env['BORGDESK_LOG_LEVEL'], 'info'));
  const core = await createCore({
    logger,
    host: 'browser',
    platform: process.platform,
    env: process.env,
    paths: resolveAppPaths(process.platform, process.env, os.homedir()),
    // The Secret Service on the session bus when one answers; memory only (and Settings says why) otherwise.
    secrets: await chooseBrowserSecretStore(process.env),
    clock: testTime ?? { now: () => Date.now() },
    environment: createNodeEnvironmentSource({
      platform: process.platform,
      systemBusAddress: process.env['DBUS_SYSTEM_BUS_ADDRESS'],
    }),
    systemLocales: () => nodeSystemLocales(process.env),
    ...(testTime === undefined ? {} : { timers: testTime, testTime }),
  });
  if (testTime !== undefined) logger.warn('Test clock enabled: time moves only through test:advance-clock.');
  const host = await startBrowserHost({
    core,
    staticDir,
    host: options.host,
    port: options.port,
    portFallback: !options.portExplicit,
    validateResults: process.env['NODE_ENV'] !== 'production',
  }).catch(async (error: unknown) => {
    await core.dispose();
    throw error;
  });

  if (!isLoopback(options.host)) {
    // stderr, so the one stdout line stays the URL.
    logger.warn(`listening on ${options.host}, not only on this computer; keep the link private.`);
  }
  if (options.urlFile !== undefined) await writeUrlFile(options.urlFile, host.url);
  // The host's one line of output (scripts read it), not a log line.
  if (options.printJson)
    process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, token: host.token })}\n`);
  else process.stdout.write(`Borgdesk is running at ${host.url}\n`);

  let stopping = false;
  const stop = (): void => {
    // A second Ctrl-C while shutting down means "now".
    if (stopping) process.exit(130);
    stopping = true;
    void Promise.allSettled([host.close(), core.dispose()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof HostOptionsError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Borgdesk could not start: ${message}\n`);
  process.exit(error instanceof HostOptionsError ? 2 : 1);
});
