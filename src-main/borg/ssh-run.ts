/**
 * The ssh part of one borg run: the BORG_RSH it gets and the log file ssh writes its own messages
 * to (read after a failure, removed afterwards). A BORG_RSH the user set in Borgdesk's own
 * environment is respected as it is (they chose their ssh command, e.g. a wrapper or a jump host);
 * Borgdesk's host-key list, timeouts and ssh log are then not used — the README says so.
 */
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BorgLogEvent } from './log-json.js';
import { buildBorgRsh } from './ssh-command.js';

/** What a run needs to know about ssh. */
export interface SshRunOptions {
  readonly knownHostsFile?: string | undefined;
  readonly identityFile?: string | undefined;
  readonly connectTimeoutSeconds?: number | undefined;
}

/** One run's ssh command and its log. */
export interface SshRun {
  /** BORG_RSH for the child, or undefined to leave the parent's (the user's own) in place. */
  readonly rsh: string | undefined;
  /** ssh's messages of this run (empty when ssh did not run or logged nothing). */
  readLog(): Promise<string[]>;
  /** Removes the log file and its folder. */
  dispose(): Promise<void>;
}

const MAX_LOG_BYTES = 64 * 1024;

/** Prepares ssh for one run; `parentEnv` decides whether the user's BORG_RSH wins. */
export function prepareSshRun(parentEnv: NodeJS.ProcessEnv, options: SshRunOptions): SshRun {
  if (userRsh(parentEnv) !== undefined) {
    return { rsh: undefined, readLog: async () => [], dispose: async () => undefined };
  }
  // A folder of its own per run (ssh exits when it cannot open its log, so a shared folder a tmp
  // cleaner removed would break every later run), removed with the log when the run ends.
  const logDir = mkdtempSync(path.join(tmpdir(), 'borgdesk-ssh-'));
  const logFile = path.join(logDir, 'ssh.log');
  return {
    rsh: buildBorgRsh({ ...options, logFile }),
    async readLog() {
      try {
        const text = await readFile(logFile, 'utf8');
        return text
          .slice(-MAX_LOG_BYTES)
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(isMessage);
      } catch {
        return [];
      }
    },
    dispose: () => rm(logDir, { recursive: true, force: true }),
  };
}

// VERBOSE adds traffic statistics at the end of every session; they explain nothing.
function isMessage(line: string): boolean {
  return line !== '' && !/^(Transferred: sent|Bytes per second:)/.test(line);
}

/** The BORG_RSH from Borgdesk's own environment, if the user set one. */
export function userRsh(parentEnv: NodeJS.ProcessEnv): string | undefined {
  const value = parentEnv['BORG_RSH'];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** ssh's own messages join the job log like the "Remote:" lines borg relays (as warnings). */
export function sshLogEvent(line: string): BorgLogEvent {
  return { type: 'log_message', level: 'WARNING', name: 'ssh', message: `ssh: ${line}` };
}
