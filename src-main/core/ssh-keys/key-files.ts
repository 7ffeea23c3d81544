/**
 * Key files on disk: Borgdesk's own key folder (inside its config folder, private to the user),
 * the key pairs in ~/.ssh, and what a key pair shows the UI. Only `.pub` files are read here; a
 * private key is handed to ssh-keygen by its path and never read into Borgdesk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SshKey } from '../../model/ssh-keys.js';
import { fingerprintOf, unattendedUse, type SshKeygen } from './ssh-keygen.js';

/** The file name of the key Borgdesk makes for itself. */
export const BORGDESK_KEY_NAME = 'borgdesk_ed25519';
// A public key line is well under this (an RSA 16384 key is about 2.8 KB).
const MAX_PUBLIC_KEY_BYTES = 16 * 1024;

/** Borgdesk's key folder inside its config folder. */
export function borgdeskKeyFolder(configDir: string): string {
  return path.join(configDir, 'ssh');
}

/** Create the key folder if needed and make it private (0700), whatever the umask made it. */
export async function ensurePrivateFolder(dir: string, platform: NodeJS.Platform): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (platform !== 'win32') await fs.chmod(dir, 0o700);
}

/** True when something (a file, a link, a folder) is at `file`. */
export async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Private key files in ~/.ssh: `id_*` files with a `.pub` beside them (OpenSSH's default names). */
export async function sshFolderKeys(homeDir: string): Promise<string[]> {
  const dir = path.join(homeDir, '.ssh');
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const present = new Set(names);
  return names
    .filter((n) => n.startsWith('id_') && !n.endsWith('.pub') && present.has(`${n}.pub`))
    .sort()
    .map((n) => path.join(dir, n));
}

/** The first line of `<privateFile>.pub`, or undefined when there is no readable one. */
export async function readPublicKey(privateFile: string): Promise<string | undefined> {
  try {
    const file = `${privateFile}.pub`;
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_PUBLIC_KEY_BYTES) return undefined;
    const line = (await fs.readFile(file, 'utf8')).split(/\r?\n/).find((l) => l.trim() !== '');
    return line?.trim();
  } catch {
    return undefined;
  }
}

/** What the UI shows of the key pair at `privateFile`, or undefined when it is not one. */
export async function describeKey(
  tool: SshKeygen,
  privateFile: string,
  origin: SshKey['origin'],
): Promise<SshKey | undefined> {
  const publicKey = await readPublicKey(privateFile);
  if (publicKey === undefined) return undefined;
  const print = await fingerprintOf(tool, `${privateFile}.pub`);
  if (print === undefined) return undefined;
  const usable = (await isFile(privateFile)) ? await unattendedUse(tool, privateFile) : 'unreadable';
  const key: SshKey = {
    file: privateFile,
    origin,
    type: print.type,
    fingerprint: print.fingerprint,
    comment: publicKey.split(' ').slice(2).join(' '),
    publicKey,
    usable,
  };
  if (print.bits !== undefined) key.bits = print.bits;
  const problem = usabilityProblem(key);
  if (problem !== undefined) key.problem = problem;
  return key;
}

/** Why a key cannot log borg in unattended, and what to do instead. */
export function usabilityProblem(key: Pick<SshKey, 'file' | 'usable'>): SshKey['problem'] {
  switch (key.usable) {
    case 'ok':
      return undefined;
    case 'passphrase':
      return {
        message:
          'This key is protected by a passphrase. Borg’s ssh runs without asking anyone (scheduled backups too), so it cannot unlock it.',
        remedy:
          'Generate a key for Borgdesk instead, or keep “ssh’s defaults” if your ssh-agent holds this key whenever backups run.',
      };
    case 'permissions':
      return {
        message: 'Other users can read this private key, so ssh refuses to use it.',
        remedy: `Make it private with “chmod 600 ${key.file}”, then look again.`,
      };
    case 'unreadable':
      return {
        message: 'ssh-keygen cannot read this private key.',
        remedy: 'Choose another key, or generate a key for Borgdesk.',
      };
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
