/**
 * SSH keys for repositories on a server: Borgdesk's own ed25519 key (made once, in its config
 * folder), the key pairs already in ~/.ssh, the `authorized_keys` line that restricts a key to
 * `borg serve` on one repository, and which key each ssh repository logs in with.
 */
import path from 'node:path';
import { authorizedKeysLine } from '../../model/authorized-keys-line.js';
import type { RepositorySummary } from '../../model/repository.js';
import type { AuthorizedKeysEntry, SshKey, SshKeyList } from '../../model/ssh-keys.js';
import { AppError } from '../app-error.js';
import { locationForm } from '../../model/location-syntax.js';
import { normalizeLocation } from '../repositories/location.js';
import type { RepositoryRegistry } from '../repositories/repository-registry.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import {
  BORGDESK_KEY_NAME,
  borgdeskKeyFolder,
  describeKey,
  ensurePrivateFolder,
  exists,
  readPublicKey,
  sshFolderKeys,
} from './key-files.js';
import { generateEd25519, sshKeygenEnv, type SshKeygen } from './ssh-keygen.js';

/** What the service needs from the rest of the core. */
export interface SshKeyServiceDeps {
  readonly registry: RepositoryRegistry;
  readonly repos: RepositoryService;
  readonly configDir: string;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** This computer's name, for the new key's comment (borgdesk@name). */
  readonly hostname: () => string;
  /** ssh-keygen's path; default: found on PATH. */
  readonly keygenProgram?: string;
}

/** Implements the `ssh-keys:*` requests. */
export class SshKeyService {
  private readonly tool: SshKeygen;

  constructor(private readonly deps: SshKeyServiceDeps) {
    this.tool = { program: deps.keygenProgram ?? 'ssh-keygen', env: sshKeygenEnv(deps.env) };
  }

  /** Where Borgdesk's own private key is (or will be). */
  borgdeskKeyFile(): string {
    return path.join(borgdeskKeyFolder(this.deps.configDir), BORGDESK_KEY_NAME);
  }

  /** `ssh-keys:list`: Borgdesk's key, the pairs in ~/.ssh, and any other key a repository uses. */
  async list(): Promise<SshKeyList> {
    const own = this.borgdeskKeyFile();
    const candidates: { file: string; origin: SshKey['origin'] }[] = [
      { file: own, origin: 'borgdesk' },
      ...(await sshFolderKeys(this.deps.homeDir)).map((file) => ({ file, origin: 'ssh-folder' as const })),
    ];
    for (const repo of this.deps.registry.list()) {
      const file = repo.sshKey;
      if (file !== undefined && !candidates.some((c) => c.file === file)) {
        candidates.push({ file, origin: 'other' });
      }
    }
    const keys = await Promise.all(candidates.map((c) => describeKey(this.tool, c.file, c.origin)));
    return { borgdeskKeyFile: own, keys: keys.filter((k) => k !== undefined) };
  }

  /** `ssh-keys:generate`: make Borgdesk's ed25519 key; refused when it exists (it is never overwritten). */
  async generate(): Promise<SshKey> {
    const file = this.borgdeskKeyFile();
    if ((await exists(file)) || (await exists(`${file}.pub`))) {
      throw new AppError(
        'AlreadyExists',
        `Borgdesk already has an SSH key (${file}).`,
        'Use that key; Borgdesk never replaces it, since servers may already trust it.',
        { reason: 'borgdeskAlreadySshKey', params: { file } },
      );
    }
    await ensurePrivateFolder(path.dirname(file), this.deps.platform);
    await generateEd25519(this.tool, file, `borgdesk@${safeHostname(this.deps.hostname())}`);
    const key = await describeKey(this.tool, file, 'borgdesk');
    if (key === undefined) {
      throw new AppError('Internal', 'ssh-keygen made the key, but it cannot be read back.', 'Try again.', {
        reason: 'sshKeygenMadeKey',
      });
    }
    return key;
  }

  /** `ssh-keys:authorized-line`: the public key and its restricted line for a repository's location. */
  async authorizedEntry(p: {
    keyFile: string;
    repoId?: string | undefined;
    location?: string | undefined;
    appendOnly: boolean;
  }): Promise<AuthorizedKeysEntry> {
    const location =
      p.repoId !== undefined
        ? this.deps.repos.require(p.repoId).location
        : normalizeLocation(p.location ?? '', this.deps.homeDir);
    const publicKey = await this.publicKeyOf(p.keyFile);
    const built = authorizedKeysLine({ location, publicKey, appendOnly: p.appendOnly });
    if (!built.ok)
      throw new AppError('InvalidInput', built.message, built.remedy, {
        reason: 'stated',
        params: { message: built.message, remedy: built.remedy },
      });
    return { publicKey, line: built.line, restrictPath: built.restrictPath };
  }

  /** `ssh-keys:set-repository-key`: the key an ssh repository logs in with, or null for ssh's defaults. */
  async setRepositoryKey(p: { repoId: string; keyFile: string | null }): Promise<RepositorySummary> {
    const repo = this.deps.repos.require(p.repoId);
    const form = locationForm(repo.location);
    if (form !== 'ssh-url' && form !== 'sftp-url' && form !== 'scp') {
      throw new AppError(
        'InvalidInput',
        `“${repo.name}” is a folder on this computer, so it needs no SSH key.`,
        'SSH keys are for repositories on a server (ssh://…).',
        { reason: 'folderComputerNeedsSsh', params: { name: repo.name } },
      );
    }
    const sshKey = p.keyFile === null ? undefined : await this.usableKey(p.keyFile);
    const updated = (await this.deps.registry.update(repo.id, { sshKey })) ?? repo;
    this.deps.repos.announceChange();
    return this.deps.repos.summarize(updated);
  }

  /** `keyFile` when borg's ssh can log in with it unattended; otherwise a clear refusal. */
  async usableKey(keyFile: string): Promise<string> {
    const file = this.requireAbsolute(keyFile);
    const key = await describeKey(this.tool, file, 'other');
    if (key === undefined) throw noKeyPair(file);
    if (key.problem !== undefined)
      throw new AppError('InvalidInput', key.problem.message, key.problem.remedy, {
        reason: 'stated',
        params: { message: key.problem.message, remedy: key.problem.remedy },
      });
    return file;
  }

  private async publicKeyOf(keyFile: string): Promise<string> {
    const file = this.requireAbsolute(keyFile);
    const publicKey = await readPublicKey(file);
    if (publicKey === undefined) throw noKeyPair(file);
    return publicKey;
  }

  private requireAbsolute(keyFile: string): string {
    if (!path.isAbsolute(keyFile)) {
      throw new AppError('InvalidInput', 'Choose the key by its full path.', 'Pick one of the keys listed.', {
        reason: 'chooseKeyFullPath',
      });
    }
    return path.normalize(keyFile);
  }
}

function noKeyPair(file: string): AppError {
  return new AppError(
    'NotFound',
    `There is no SSH key pair at ${file} (the private key with its .pub file beside it).`,
    'Choose another key, or generate a key for Borgdesk.',
    { reason: 'sshKeyPairPrivate', params: { file } },
  );
}

// A comment is one word in the .pub file; a host name with odd characters is trimmed to the safe ones.
function safeHostname(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '');
  return safe === '' ? 'computer' : safe;
}
