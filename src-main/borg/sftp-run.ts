/**
 * The sftp part of one borg 2 run. borg 2 opens `sftp://` repositories itself through borgstore and
 * paramiko, not through ssh and BORG_RSH, and paramiko takes its host keys only from
 * `~/.ssh/known_hosts` and its keys from `~/.ssh/config` (IdentityFile) or `~/.ssh/id_*`
 * (borgstore backends/sftp.py `_connect`; an unknown host is refused, never trusted). So a run on
 * an sftp location gets a HOME of its own whose `.ssh` holds Borgdesk's known_hosts (plus the
 * system's) and a config naming the repository's key: the same host keys and key as Borgdesk's
 * ssh runs, without touching the user's own ~/.ssh. Everything else in that HOME links to the real
 * one (a passcommand such as `pass` still finds ~/.gnupg), and XDG_* keep borg's own folders where
 * the real HOME puts them.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What an sftp run needs: the same known_hosts and key an ssh run gets. */
export interface SftpRunOptions {
  readonly knownHostsFile?: string | undefined;
  readonly identityFile?: string | undefined;
}

/** One run's sftp HOME. */
export interface SftpRun {
  /** Variables that replace the parent's for this child (HOME, XDG_*); empty when nothing changes. */
  readonly env: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

const NOTHING: SftpRun = { env: {}, dispose: async () => undefined };
const SYSTEM_KNOWN_HOSTS = '/etc/ssh/ssh_known_hosts';
// The keys paramiko looks for by itself (look_for_keys), offered when the repository names none.
const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
// platformdirs' defaults below HOME (borg 2 keeps config, cache and security data there).
const XDG_DEFAULTS: Readonly<Record<string, string>> = {
  XDG_CONFIG_HOME: '.config',
  XDG_CACHE_HOME: '.cache',
  XDG_DATA_HOME: path.join('.local', 'share'),
  XDG_STATE_HOME: path.join('.local', 'state'),
};

/** True when the command's repository (or its --other-repo) is an sftp:// location. */
export function targetsSftp(args: readonly string[]): boolean {
  const dashes = args.indexOf('--');
  return args.some(
    (arg, i) =>
      /^--(?:other-)?repo=sftp:\/\//.test(arg) ||
      (i === dashes + 1 && dashes !== -1 && arg.startsWith('sftp://')),
  );
}

/** Prepares the HOME for a run on an sftp location; other runs, or runs without Borgdesk's known_hosts, keep the parent's. */
export function prepareSftpRun(
  args: readonly string[],
  parentEnv: NodeJS.ProcessEnv,
  options: SftpRunOptions,
): SftpRun {
  const realHome = parentEnv['HOME'];
  if (
    !targetsSftp(args) ||
    options.knownHostsFile === undefined ||
    realHome === undefined ||
    realHome === ''
  ) {
    return NOTHING;
  }
  const home = mkdtempSync(path.join(tmpdir(), 'borgdesk-sftp-'));
  const sshDir = path.join(home, '.ssh');
  mkdirSync(sshDir, { mode: 0o700 });
  writeFileSync(path.join(sshDir, 'known_hosts'), knownHosts(options.knownHostsFile), { mode: 0o600 });
  writeFileSync(path.join(sshDir, 'config'), sshConfig(realHome, options.identityFile), { mode: 0o600 });
  linkHomeEntries(realHome, home);
  const env: Record<string, string> = { HOME: home };
  for (const [name, below] of Object.entries(XDG_DEFAULTS)) {
    env[name] = parentEnv[name] || path.join(realHome, below);
  }
  return { env, dispose: () => rm(home, { recursive: true, force: true }) };
}

function knownHosts(borgdeskFile: string): string {
  return [borgdeskFile, SYSTEM_KNOWN_HOSTS]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8').replace(/\n?$/, '\n'))
    .join('');
}

// paramiko's SSHConfig reads IdentityFile values as they are (quotes would be part of the name),
// so a key path with a line break could add options: such a path is left out.
function sshConfig(realHome: string, identityFile: string | undefined): string {
  const keys =
    identityFile !== undefined
      ? [identityFile]
      : DEFAULT_KEYS.map((name) => path.join(realHome, '.ssh', name)).filter((file) => existsSync(file));
  const lines = [
    'Host *',
    ...keys.filter((key) => !/[\r\n]/.test(key)).map((key) => `  IdentityFile ${key}`),
  ];
  return `${lines.join('\n')}\n`;
}

function linkHomeEntries(realHome: string, home: string): void {
  let names: string[];
  try {
    names = readdirSync(realHome);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === '.ssh') continue;
    try {
      symlinkSync(path.join(realHome, name), path.join(home, name));
    } catch {
      // A name that cannot be linked only matters to a passcommand that needs it.
    }
  }
}
