/**
 * `npm start`: run Borgdesk in Electron when this machine can show a window, otherwise (or with
 * `--browser`) start the browser host and say why in one line. Extra arguments go to the browser host,
 * e.g. `npm start -- --port 8000`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 60_000;

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

// Electron's package downloads its binary in a postinstall step; offline installs skip it, so try once more.
function downloadElectron() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), DOWNLOAD_TIMEOUT_MS);
    child.on('error', () => resolve(false));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && electronBinary() !== undefined);
    });
  });
}

/** Why Electron cannot run here, or undefined when it can (resolves the binary, downloading if needed). */
async function electronUnavailableReason(forceBrowser) {
  if (forceBrowser) return 'browser host requested with --browser';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'no display';
  if (electronBinary() !== undefined) return undefined;
  if (await downloadElectron()) return undefined;
  return 'its binary is not installed and could not be downloaded';
}

function runElectron(binary, args) {
  const child = spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runBrowserHost(args) {
  const server = path.join(root, 'dist', 'main', 'server.js');
  if (!existsSync(server)) {
    console.error('Borgdesk is not built yet: run "npm run build" first.');
    process.exit(1);
  }
  // The server reads its flags from process.argv, so hand it only the arguments meant for it.
  process.argv = [process.argv[0], server, ...args];
  await import(pathToFileURL(server).href);
}

const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const hostArgs = args.filter((arg) => arg !== '--browser');
const reason = await electronUnavailableReason(forceBrowser);
if (reason === undefined) {
  runElectron(electronBinary(), hostArgs);
} else {
  const prefix = forceBrowser ? 'Using the browser host' : `Electron cannot start here (${reason})`;
  console.log(`${prefix} — starting the browser host instead.`);
  await runBrowserHost(hostArgs);
}
