/**
 * What the index service remembers about each repository's archives: borg's repository id and the
 * archive name → id mapping from the last listing. It lets a reopened archive find its cached index
 * without running borg at all. Names can be reused after a delete, so the mapping is refreshed by
 * every listing the service makes or is given (noteArchives) and trimmed by prune.
 */
import path from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../settings/json-file.js';
import { safeName } from './index-store.js';

const catalogSchema = z.object({
  repositoryId: z.string(),
  archives: z.array(z.object({ id: z.string(), name: z.string(), start: z.string() })),
});

/** A repository's archives as last listed. */
export type CatalogEntry = z.infer<typeof catalogSchema>;

/** Per-repository catalogs, kept in memory and in `<root>/catalog/<repoId>.json`. */
export class ArchiveCatalog {
  private readonly memory = new Map<string, CatalogEntry | undefined>();
  private readonly files = new Map<string, JsonFile<CatalogEntry | undefined>>();

  constructor(private readonly root: string) {}

  /** The catalog of an app repository, if one was ever recorded. */
  async get(repoId: string): Promise<CatalogEntry | undefined> {
    if (this.memory.has(repoId)) return this.memory.get(repoId);
    const entry = await this.fileOf(repoId).read();
    if (!this.memory.has(repoId)) this.memory.set(repoId, entry);
    return this.memory.get(repoId);
  }

  /** Records a fresh listing. */
  async set(repoId: string, entry: CatalogEntry): Promise<void> {
    const copy: CatalogEntry = {
      repositoryId: entry.repositoryId,
      archives: entry.archives.map((a) => ({ id: a.id, name: a.name, start: a.start })),
    };
    this.memory.set(repoId, copy);
    await this.fileOf(repoId).write(copy);
  }

  /**
   * The archive last listed with `archiveId` when given (borg 2's series share names), else the one
   * last listed under `archiveName`.
   */
  async archiveId(
    repoId: string,
    archiveName: string,
    archiveId?: string,
  ): Promise<{ repositoryId: string; archiveId: string } | undefined> {
    const entry = await this.get(repoId);
    const archive =
      archiveId === undefined
        ? entry?.archives.find((a) => a.name === archiveName)
        : entry?.archives.find((a) => a.id === archiveId);
    return entry && archive ? { repositoryId: entry.repositoryId, archiveId: archive.id } : undefined;
  }

  /** Forgets archives that no longer exist. */
  async retain(repoId: string, liveArchiveIds: ReadonlySet<string>): Promise<void> {
    const entry = await this.get(repoId);
    if (entry === undefined) return;
    const archives = entry.archives.filter((a) => liveArchiveIds.has(a.id));
    if (archives.length !== entry.archives.length) await this.set(repoId, { ...entry, archives });
  }

  private fileOf(repoId: string): JsonFile<CatalogEntry | undefined> {
    let file = this.files.get(repoId);
    if (file === undefined) {
      file = new JsonFile(
        path.join(this.root, 'catalog', `${safeName(repoId)}.json`),
        catalogSchema.optional(),
        () => undefined,
      );
      this.files.set(repoId, file);
    }
    return file;
  }
}
