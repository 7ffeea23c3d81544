/**
 * The list of repositories the user has added, persisted as `configDir/repositories.json`, read
 * entry by entry (one bad entry is set aside alone, see ConfigFile).
 * Holds identity and metadata only: a passphrase never enters this file (the schema has no field
 * for one, and unknown keys are dropped on load and never written back, unlike in plans.json).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConfigFile, type Decoded } from '../settings/config-file.js';
import { ConfigNotices } from '../settings/config-notices.js';
import { decodeList, stringField } from '../settings/entry-decode.js';

const REGISTRY_VERSION = 1;

const storedRepositorySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  location: z.string().min(1),
  encryption: z.string().optional(),
  needsPassphrase: z.boolean(),
  lastBackupAt: z.string().optional(),
  /** When the key was last exported (ISO): keyfile modes keep their key only on this computer. */
  keyExportedAt: z.string().optional(),
  /**
   * Read from older files only, never used and never written back (so the next save drops it): a
   * yes to borg's question was once kept here and given on every run. Borg remembers an answer in
   * its own security folder, so each yes is now given once, by the user (see core/questions).
   */
  consentedPrompts: z.array(z.string()).optional(),
  /** The user's BORG_PASSCOMMAND: a command line, not a secret (its output never enters this file). */
  passcommand: z.string().optional(),
  /** Borg's own repository id, once borg reported it: a changed location must lead to the same one. */
  borgRepositoryId: z.string().optional(),
  /** The private key file ssh logs in with (ssh:// repositories); absent: ssh's own defaults. */
  sshKey: z.string().optional(),
});

/** One repository as persisted. */
export type StoredRepository = z.infer<typeof storedRepositorySchema>;

interface RegistryData {
  readonly repositories: readonly StoredRepository[];
}

function decode(raw: Readonly<Record<string, unknown>>): Decoded<RegistryData> {
  const list = decodeList(raw['repositories'], storedRepositorySchema, {
    at: 'repositories',
    label: (r) => stringField(r, 'name') ?? stringField(r, 'location'),
    idOf: (r) => r.id,
  });
  return { value: { repositories: list.items }, setAside: list.setAside };
}

// Write explicit fields only, so nothing unexpected (least of all a secret) reaches the file.
function encode(data: RegistryData): Record<string, unknown> {
  return {
    repositories: data.repositories.map((r): StoredRepository => ({
      id: r.id,
      name: r.name,
      location: r.location,
      encryption: r.encryption,
      needsPassphrase: r.needsPassphrase,
      lastBackupAt: r.lastBackupAt,
      keyExportedAt: r.keyExportedAt,
      passcommand: r.passcommand,
      borgRepositoryId: r.borgRepositoryId,
      sshKey: r.sshKey,
    })),
  };
}

/** The fields a caller supplies when registering a repository; the id is generated. */
export type NewRepository = Omit<StoredRepository, 'id'>;

/** The saved list; every mutation resolves once the file is written, and takes effect only then. */
export class RepositoryRegistry {
  private constructor(private readonly file: ConfigFile<RegistryData>) {}

  /** Load `repositories.json` from `configDir` (empty when missing or unreadable; bad entries set aside). */
  static async open(configDir: string, notices = new ConfigNotices()): Promise<RepositoryRegistry> {
    const file = await ConfigFile.open<RegistryData>({
      dir: configDir,
      name: 'repositories',
      version: REGISTRY_VERSION,
      empty: () => ({ repositories: [] }),
      decode,
      encode,
      notices,
    });
    return new RepositoryRegistry(file);
  }

  /** All repositories in the order they were added. */
  list(): readonly StoredRepository[] {
    return this.file.value.repositories;
  }

  /** The repository with `id`, if any. */
  get(id: string): StoredRepository | undefined {
    return this.list().find((r) => r.id === id);
  }

  /** The repository registered at `location` (already normalised), if any. */
  findByLocation(location: string): StoredRepository | undefined {
    return this.list().find((r) => r.location === location);
  }

  /** Register a repository and persist the list. */
  add(repo: NewRepository): Promise<StoredRepository> {
    const stored: StoredRepository = { ...repo, id: randomUUID() };
    return this.file.update((data) => ({
      next: { repositories: [...data.repositories, stored] },
      result: stored,
    }));
  }

  /** Change metadata of `id`; returns the updated record, or undefined if it was removed meanwhile. */
  update(id: string, patch: Partial<NewRepository>): Promise<StoredRepository | undefined> {
    return this.file.update((data) => {
      const existing = data.repositories.find((r) => r.id === id);
      if (existing === undefined) return { result: undefined };
      const updated: StoredRepository = { ...existing, ...patch, id };
      return {
        next: { repositories: data.repositories.map((r) => (r.id === id ? updated : r)) },
        result: updated,
      };
    });
  }

  /** Forget `id` (never touches the repository's data); false when it was not registered. */
  remove(id: string): Promise<boolean> {
    return this.file.update((data) => {
      const repositories = data.repositories.filter((r) => r.id !== id);
      if (repositories.length === data.repositories.length) return { result: false };
      return { next: { repositories }, result: true };
    });
  }
}

/** The archives borg listed for a repository, with borg's own repository id. */
export interface ArchivesListed {
  readonly repositoryId: string;
  readonly archives: readonly { readonly id: string; readonly name: string; readonly start: string }[];
}
