/**
 * Finding borg and knowing what it can do. Borg 1.2 is the oldest supported release (it added
 * `borg compact` and `--glob-archives`); borg 2 renames repository commands (`repo-create`, `-r REPO`),
 * so command builders ask the capability table instead of comparing versions themselves.
 */
import { access, constants as fsConstants, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BorgStatus, InstallHint } from '../model/app.js';
import {
  BORG_1_2_CAPABILITIES,
  capabilitiesFor,
  isAtLeast,
  type BorgCapabilities,
  type BorgVersion,
} from './capabilities.js';
import { featuresOf } from './features.js';
import { runBorgVersion } from './exec.js';
import { openableLocationSchemes } from './location-backends.js';

/** The oldest borg release Borgdesk drives. */
export const MINIMUM_BORG_VERSION = '1.2.0';

export { BORG_1_2_CAPABILITIES, capabilitiesFor, isAtLeast } from './capabilities.js';
export type { BorgCapabilities, BorgVersion } from './capabilities.js';

/** Reads "borg 1.2.4", "borg.exe 1.4.0", "borg 2.0.0b14" or "borg2 2.0.0b5"; undefined if there is no version. */
export function parseBorgVersion(output: string): BorgVersion | undefined {
  const match = /\bborg2?(?:\.exe)?\s+v?(\d+)\.(\d+)\.(\d+)([0-9A-Za-z.+-]*)/.exec(output);
  if (!match) return undefined;
  const [, major = '0', minor = '0', patch = '0', pre = ''] = match;
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    pre,
    text: `${major}.${minor}.${patch}${pre}`,
  };
}

// No borg.exe: on Windows borg runs only inside WSL, which Borgdesk does not drive (app-status.ts).
const EXECUTABLE_NAMES = ['borg'];
// Debian and others ship borg 2 betas as `borg2` beside borg 1.x; found only when no borg is.
const BORG2_NAMES = ['borg2'];

/**
 * Folders searched after PATH, where package managers put borg but a desktop app's PATH often lacks
 * them: an app started from the Finder or the Dock gets only /usr/bin:/bin:/usr/sbin:/sbin, so
 * Homebrew's (/opt/homebrew/bin on Apple silicon, /usr/local/bin on Intel) and MacPorts' borg
 * (/opt/local/bin) would go unseen. On Linux a desktop session's PATH usually has /usr/local/bin,
 * but ~/.local/bin (`pip install --user`, pipx) is added by ~/.profile only when the folder existed
 * at login, so both are searched. Windows gets none: borg runs there only inside WSL (app-status.ts).
 */
export function wellKnownBorgDirs(platform: NodeJS.Platform, homeDir: string): string[] {
  const userBin = path.posix.join(homeDir, '.local', 'bin');
  if (platform === 'darwin') return ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin', userBin];
  if (platform === 'win32') return [];
  return ['/usr/local/bin', userBin];
}

/**
 * The files locateBorg tries, in order: the configured path, then borg in each PATH entry
 * and then in each of `extraDirs` (see wellKnownBorgDirs), then borg2 in the same folders (so a
 * machine with only borg 2 hears why it can't be used).
 */
export function borgCandidates(
  configuredPath: string,
  pathEnv: string | undefined,
  extraDirs: readonly string[] = [],
): string[] {
  const candidates: string[] = [];
  if (configuredPath.trim() !== '') candidates.push(configuredPath.trim());
  const pathDirs = (pathEnv ?? '').split(path.delimiter).filter((dir) => dir.trim() !== '');
  const dirs = [...pathDirs, ...extraDirs];
  for (const names of [EXECUTABLE_NAMES, BORG2_NAMES]) {
    for (const dir of dirs) for (const name of names) candidates.push(path.join(dir, name));
  }
  return [...new Set(candidates)];
}

/** Why a version Borgdesk found can't be driven yet; undefined when it can. */
export function unsupportedReason(v: BorgVersion): string | undefined {
  return capabilitiesFor(v).commandLineMismatch;
}

/** The capability table of the borg at borgPath, asked with `--version`; borg 1.2's when it cannot say. */
export async function capabilitiesOfBorg(borgPath: string): Promise<BorgCapabilities> {
  const run = await runBorgVersion(borgPath);
  const version = run.ok ? parseBorgVersion(run.output) : undefined;
  return version === undefined ? BORG_1_2_CAPABILITIES : capabilitiesFor(version);
}

/**
 * Locate borg: the configured path first, then PATH, then `extraDirs`; run `borg --version`; 1.2.0+
 * is supported. The path handed out is absolute, and borg's own children (ssh) are found on the
 * PATH borg is given, which the folder borg came from does not need to be on: ssh lives in /usr/bin.
 */
export async function locateBorg(
  configuredPath: string,
  pathEnv: string | undefined,
  extraDirs: readonly string[] = [],
): Promise<BorgStatus> {
  const searched = borgCandidates(configuredPath, pathEnv, extraDirs);
  for (const candidate of searched) {
    if (await isExecutableFile(candidate)) return probe(candidate);
  }
  return { state: 'missing', searched };
}

async function probe(borgPath: string): Promise<BorgStatus> {
  const run = await runBorgVersion(borgPath);
  if (!run.ok) return { state: 'broken', path: borgPath, detail: run.detail };
  const version = parseBorgVersion(run.output);
  if (!version)
    return {
      state: 'broken',
      path: borgPath,
      detail: `Unexpected version output: ${run.output.slice(0, 200)}`,
    };
  if (!isAtLeast(version, 1, 2)) {
    return { state: 'too-old', version: version.text, path: borgPath, minimum: MINIMUM_BORG_VERSION };
  }
  const reason = unsupportedReason(version);
  if (reason) return { state: 'unsupported', version: version.text, path: borgPath, reason };
  const caps = capabilitiesFor(version);
  const extraLocationSchemes = await openableLocationSchemes(
    borgPath,
    caps.extraLocationSchemes,
    process.env,
  );
  return {
    state: 'ok',
    version: version.text,
    path: borgPath,
    features: featuresOf({ ...caps, extraLocationSchemes }),
  };
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** How to install borg on common systems (borg docs, "Installation"); on Windows, the WSL route. */
export function installHints(platform?: NodeJS.Platform): InstallHint[] {
  if (platform === 'win32') {
    return [
      { platform: 'Windows: set up WSL (PowerShell as administrator)', command: 'wsl --install' },
      { platform: 'Inside WSL (Ubuntu)', command: 'sudo apt install borgbackup' },
      { platform: 'Inside WSL: Borgdesk’s browser host', command: 'npm install && npm run serve' },
    ];
  }
  return [
    { platform: 'Debian / Ubuntu', command: 'sudo apt install borgbackup' },
    { platform: 'Fedora', command: 'sudo dnf install borgbackup' },
    { platform: 'macOS (Homebrew)', command: 'brew install borgbackup' },
    { platform: 'Any system with Python (pip)', command: 'pip install borgbackup' },
  ];
}
