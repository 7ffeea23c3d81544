/**
 * The list of repositories the user has added, persisted as `configDir/repositories.json`.
 * Holds identity and metadata only: a passphrase never enters this file (the schema has no field
 * for one, and zod drops unknown keys on load).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../settings/json-file.js';

const REGISTRY_VERSION = 1;

const storedRepositorySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  location: z.string().min(1),
  encryption: z.string().optional(),
  needsPassphrase: z.boolean(),
  lastBackupAt: z.string().optional(),
  /** Borg prompts the user agreed to for this repository (e.g. BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK). */
  consentedPrompts: z.array(z.string()).default([]),
});

/** One repository as persisted. */
export type StoredRepository = z.infer<typeof storedRepositorySchema>;

const registryFileSchema = z.preprocess(
  (raw) =>
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('version' in raw)
      ? { ...raw, version: REGISTRY_VERSION }
      : raw,
  z.object({ version: z.literal(REGISTRY_VERSION), repositories: z.array(storedRepositorySchema) }),
);
type RegistryFile = z.infer<typeof registryFileSchema>;

/** The fields a caller supplies when registering a repository; the id is generated. */
export type NewRepository = Omit<StoredRepository, 'id'>;

/** In-memory list mirrored to disk; every mutation resolves after the file is written. */
export class RepositoryRegistry {
  private repositories: StoredRepository[];

  private constructor(
    private readonly file: JsonFile<RegistryFile>,
    initial: StoredRepository[],
  ) {
    this.repositories = initial;
  }

  /** Load `repositories.json` from `configDir` (empty when missing or corrupt). */
  static async open(configDir: string): Promise<RepositoryRegistry> {
    const file = new JsonFile<RegistryFile>(
      path.join(configDir, 'repositories.json'),
      registryFileSchema,
      () => ({
        version: REGISTRY_VERSION,
        repositories: [],
      }),
    );
    const loaded = await file.read();
    return new RepositoryRegistry(file, loaded.repositories);
  }

  /** All repositories in the order they were added. */
  list(): readonly StoredRepository[] {
    return this.repositories;
  }

  /** The repository with `id`, if any. */
  get(id: string): StoredRepository | undefined {
    return this.repositories.find((r) => r.id === id);
  }

  /** The repository registered at `location` (already normalised), if any. */
  findByLocation(location: string): StoredRepository | undefined {
    return this.repositories.find((r) => r.location === location);
  }

  /** Register a repository and persist the list. */
  async add(repo: NewRepository): Promise<StoredRepository> {
    const stored: StoredRepository = { ...repo, id: randomUUID() };
    this.repositories = [...this.repositories, stored];
    await this.persist();
    return stored;
  }

  /** Change metadata of `id`; returns the updated record, or undefined if it was removed meanwhile. */
  async update(id: string, patch: Partial<NewRepository>): Promise<StoredRepository | undefined> {
    const existing = this.get(id);
    if (existing === undefined) return undefined;
    const updated: StoredRepository = { ...existing, ...patch, id };
    this.repositories = this.repositories.map((r) => (r.id === id ? updated : r));
    await this.persist();
    return updated;
  }

  /** Forget `id` (never touches the repository's data); false when it was not registered. */
  async remove(id: string): Promise<boolean> {
    const before = this.repositories.length;
    this.repositories = this.repositories.filter((r) => r.id !== id);
    if (this.repositories.length === before) return false;
    await this.persist();
    return true;
  }

  private persist(): Promise<void> {
    // Write explicit fields only, so nothing unexpected (least of all a secret) reaches the file.
    const repositories = this.repositories.map((r): StoredRepository => ({
      id: r.id,
      name: r.name,
      location: r.location,
      encryption: r.encryption,
      needsPassphrase: r.needsPassphrase,
      lastBackupAt: r.lastBackupAt,
      consentedPrompts: [...r.consentedPrompts],
    }));
    return this.file.write({ version: REGISTRY_VERSION, repositories });
  }
}
