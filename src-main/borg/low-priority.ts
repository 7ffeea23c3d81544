/**
 * How a low-priority borg run is started (BorgContext.lowPriority): behind `nice -n 10` and, on Linux,
 * `ionice -c3`, both of which exec() borg in place, so borg keeps the pid and process group that
 * cancellation signals. Both tools report a command they could not start as exit 127 (not found) or
 * 126 (not runnable), codes borg itself never uses; lowPriorityExitError turns those back into the
 * errno the direct spawn would have given.
 */
import { existsSync } from 'node:fs';

/** The program and arguments that start `file args` at low priority (unchanged where unsupported). */
export interface Launch {
  readonly file: string;
  readonly args: readonly string[];
  /** True when nice (and maybe ionice) wrap the command. */
  readonly wrapped: boolean;
}

const NICE = ['/usr/bin/nice', '/bin/nice'];
const IONICE = ['/usr/bin/ionice', '/bin/ionice'];
const found = new Map<string, string | undefined>();

// The first existing path of a tool, looked up once per process (tools do not come and go).
function tool(paths: readonly string[]): string | undefined {
  const key = paths.join(':');
  if (!found.has(key))
    found.set(
      key,
      paths.find((p) => existsSync(p)),
    );
  return found.get(key);
}

/** The low-priority launch of `file args` on `platform` (Linux and macOS; elsewhere unchanged). */
export function lowPriorityLaunch(
  file: string,
  args: readonly string[],
  platform: NodeJS.Platform,
  lookup: (paths: readonly string[]) => string | undefined = tool,
): Launch {
  if (platform !== 'linux' && platform !== 'darwin') return { file, args, wrapped: false };
  const nice = lookup(NICE);
  if (nice === undefined) return { file, args, wrapped: false };
  // macOS has no ionice; its nice alone also lowers the I/O priority of a background process a little.
  const ionice = platform === 'linux' ? lookup(IONICE) : undefined;
  const inner = ionice === undefined ? [file, ...args] : [ionice, '-c3', file, ...args];
  return { file: nice, args: ['-n', '10', ...inner], wrapped: true };
}

/** The errno a wrapped run's exit code stands for (127: borg not found, 126: not runnable), if any. */
export function lowPriorityExitError(launch: Launch, exitCode: number | null): string | undefined {
  if (!launch.wrapped) return undefined;
  if (exitCode === 127) return 'ENOENT';
  if (exitCode === 126) return 'EACCES';
  return undefined;
}
