/**
 * Which of the capability table's extra location schemes the installed borg can really open.
 * borgstore opens sftp:// only when paramiko imports in borg's Python, and rclone: only when the
 * rclone program runs; borg itself does not say. Probed once per borg (app-status caches it):
 * rclone by looking for the program on PATH (or RCLONE_BINARY, as borgstore does); sftp by asking
 * borg to open an sftp location on port 1 of this computer — with paramiko that fails with a
 * refused connection at once, without it borgstore names the URL "unsupported". No network is used.
 */
import { access, constants as fsConstants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runProgram } from './exec.js';

const PROBE_LOCATION = 'sftp://borgdesk-probe@127.0.0.1:1/probe';
const PROBE_TIMEOUT_MS = 20_000;

/** The schemes of `schemes` this borg opens here, in the table's order. */
export async function openableLocationSchemes(
  borgPath: string,
  schemes: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const openable: string[] = [];
  for (const scheme of schemes) {
    const ok =
      scheme === 'rclone'
        ? await rcloneInstalled(env)
        : scheme === 'sftp'
          ? await sftpOpens(borgPath, env)
          : false;
    if (ok) openable.push(scheme);
  }
  return openable;
}

async function rcloneInstalled(env: NodeJS.ProcessEnv): Promise<boolean> {
  const configured = env['RCLONE_BINARY'];
  const candidates =
    configured !== undefined && configured !== '' && configured.includes(path.sep)
      ? [configured]
      : (env['PATH'] ?? '')
          .split(path.delimiter)
          .filter((dir) => dir !== '')
          .map((dir) => path.join(dir, configured || 'rclone'));
  for (const file of candidates) {
    try {
      await access(file, fsConstants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

// A throw-away BORG_BASE_DIR: the probe leaves nothing in the user's borg folders.
async function sftpOpens(borgPath: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const base = await mkdtemp(path.join(tmpdir(), 'borgdesk-probe-'));
  try {
    const result = await runProgram(borgPath, ['--log-json', 'repo-info', `--repo=${PROBE_LOCATION}`], {
      timeoutMs: PROBE_TIMEOUT_MS,
      env: { ...env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', BORG_BASE_DIR: base, BORG_EXIT_CODES: 'legacy' },
    });
    const said = `${result.stdout}\n${result.stderr}`;
    return !/Invalid or unsupported Backend Storage URL|could not import paramiko|Invalid location format/.test(
      said,
    );
  } catch {
    return false;
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}
