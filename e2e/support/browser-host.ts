/**
 * Starts the real browser host (`dist/main/server.js`, built by `npm run build`) as a child process,
 * the way a user on a headless machine would, in a sandbox of temporary folders.
 */
import { execa, type ResultPromise } from 'execa';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A running browser host and the temporary folders it lives in. */
export interface RunningHost {
  readonly url: string;
  /** Stands in for the user's home folder. */
  readonly homeDir: string;
  readonly borgBaseDir: string;
  readonly root: string;
  stop(): Promise<void>;
  /**
   * Stop this host, keeping its folders, and start a new one on them (a restart of Borgdesk);
   * 'SIGKILL' kills it instead, as a crash would, so it cannot tidy up.
   */
  restart(signal?: 'SIGTERM' | 'SIGKILL'): Promise<RunningHost>;
  /** Everything this host (and the hosts it replaced by restarting) wrote to stdout and stderr so far. */
  output(): string;
}

const serverScript = path.resolve('dist/main/server.js');

/**
 * The PATH the host gets: with BORGDESK_TEST_BORG set (the version matrix, e.g. a borg 2 from
 * scripts/ci/install-borgs.sh), a folder whose `borg` is that binary comes first, so the host finds it
 * the way it finds a user's borg.
 */
async function testBorgFirstOnPath(root: string, pathEnv: string): Promise<string> {
  const testBorg = process.env.BORGDESK_TEST_BORG;
  if (testBorg === undefined || testBorg === '') return pathEnv;
  const bin = path.join(root, 'test-borg-bin');
  await mkdir(bin, { recursive: true });
  await rm(path.join(bin, 'borg'), { force: true });
  await symlink(path.resolve(testBorg), path.join(bin, 'borg'));
  return `${bin}${path.delimiter}${pathEnv}`;
}

/** Start the browser host; `env` adds to (or overrides) the sandbox environment. */
export async function startBrowserHost(
  env: Record<string, string> = {},
  reuseRoot?: string,
  earlierOutput: string[] = [],
): Promise<RunningHost> {
  if (!existsSync(serverScript)) throw new Error('dist/main/server.js is missing: run "npm run build" first');
  const root = reuseRoot ?? (await mkdtemp(path.join(os.tmpdir(), 'borgdesk-e2e-')));
  const homeDir = path.join(root, 'home');
  const borgBaseDir = path.join(root, 'borg');
  const urlFile = path.join(root, 'url.txt');
  await mkdir(homeDir, { recursive: true });
  await rm(urlFile, { force: true });
  const pathEnv = await testBorgFirstOnPath(root, env.PATH ?? process.env.PATH ?? '');
  const child: ResultPromise = execa(process.execPath, [serverScript, '--port', '0'], {
    env: {
      HOME: homeDir,
      BORGDESK_CONFIG_DIR: path.join(root, 'config'),
      XDG_CACHE_HOME: path.join(root, 'cache'),
      BORG_BASE_DIR: borgBaseDir,
      BORGDESK_URL_FILE: urlFile,
      // Never the user's own keyring: a spec that wants one passes its private bus.
      DBUS_SESSION_BUS_ADDRESS: '',
      ...env,
      PATH: pathEnv,
    },
    reject: false,
    all: true,
    buffer: { all: true },
  });
  // Kept as it arrives, so a spec can read the host's log while the host runs (leak checks).
  const output = earlierOutput;
  child.all?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const url = await waitForUrl(urlFile, child);
  return {
    url,
    homeDir,
    borgBaseDir,
    root,
    async stop() {
      child.kill('SIGTERM');
      await child;
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
    },
    async restart(signal = 'SIGTERM') {
      child.kill(signal);
      await child;
      return startBrowserHost(env, root, output);
    },
    output: () => output.join(''),
  };
}

async function waitForUrl(urlFile: string, child: ResultPromise): Promise<string> {
  let exited = false;
  void child.then(() => (exited = true));
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (exited) throw new Error(`the browser host exited early:\n${String((await child).all)}`);
    const text = await readFile(urlFile, 'utf8').catch(() => '');
    if (text.trim().startsWith('http')) return text.trim();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the browser host did not print its URL within 20 s');
}
