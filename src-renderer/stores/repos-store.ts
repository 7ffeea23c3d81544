/**
 * Repositories: the list (kept current by `repos:changed`) and the details of each repository
 * (`repos:details`: totals and archives), loaded on demand and refreshed after every backup.
 */
import { create } from 'zustand';
import type { RequestParams } from '../../src-main/ipc/contract.js';
import type { RepositoryDetails, RepositorySummary } from '../../src-main/model/repository.js';
import { getApi } from '../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';

/** What is known about one repository's details. */
export interface DetailsEntry {
  readonly data?: RepositoryDetails;
  readonly loading: boolean;
  readonly error?: ErrorInfo;
  /** When `data` was last loaded (ms since epoch). */
  readonly loadedAt?: number;
}

/** Repository state and its actions. */
export interface ReposState {
  readonly repos: readonly RepositorySummary[];
  readonly loaded: boolean;
  readonly listError?: ErrorInfo;
  readonly details: Readonly<Record<string, DetailsEntry>>;

  loadRepos(): Promise<void>;
  setRepos(repos: readonly RepositorySummary[]): void;
  /** Replaces one repository in the list (after create, add or unlock). */
  upsertRepo(repo: RepositorySummary): void;
  loadDetails(repoId: string): Promise<void>;
  /** `borg init` a new repository and list it; rejects with the core's error. */
  createRepository(params: RequestParams<'repos:create'>): Promise<RepositorySummary>;
  /** Adds an existing repository and lists it; rejects with the core's error. */
  addExistingRepository(params: RequestParams<'repos:add-existing'>): Promise<RepositorySummary>;
  /** Hands the passphrase to the core, then lists the repository unlocked and reloads its details. */
  unlockRepository(params: RequestParams<'repos:unlock'>): Promise<RepositorySummary>;
  /** Stores (after borg accepted it) or clears a repository's passcommand, then reloads its details. */
  setRepositoryPasscommand(params: RequestParams<'repos:set-passcommand'>): Promise<RepositorySummary>;
  /** Deletes one archive; the details follow when the core reports the change. */
  deleteArchive(params: RequestParams<'archives:delete'>): Promise<void>;
  /** Renames and/or repoints a repository, then reloads its details from the (new) location. */
  editRepository(params: RequestParams<'repos:edit'>): Promise<RepositorySummary>;
  /** Removes a repository from Borgdesk (its data stays) and from the list. */
  removeRepository(repoId: string): Promise<void>;
  /** `borg rename`, then reloads the repository's archives. */
  renameArchive(params: RequestParams<'archives:rename'>): Promise<void>;
  /** Sets an archive's comment, then reloads the repository's archives. */
  setArchiveComment(params: RequestParams<'archives:set-comment'>): Promise<void>;
  /** Adds and removes an archive's tags (borg 2), then reloads the archives (the archive gets a new id). */
  setArchiveTags(params: RequestParams<'archives:set-tags'>): Promise<void>;
}

const inFlight = new Map<string, Promise<void>>();

/** The repositories store. */
export const useReposStore = create<ReposState>()((set, get) => ({
  repos: [],
  loaded: false,
  details: {},

  async loadRepos() {
    try {
      const repos = await getApi().invoke('repos:list', {});
      set({ repos, loaded: true, listError: undefined });
    } catch (error) {
      set({ loaded: true, listError: toErrorInfo(error, 'The repository list could not be loaded.') });
    }
  },

  setRepos(repos) {
    set({ repos, loaded: true });
  },

  upsertRepo(repo) {
    const repos = get().repos;
    const index = repos.findIndex((r) => r.id === repo.id);
    set({ repos: index < 0 ? [...repos, repo] : repos.map((r) => (r.id === repo.id ? repo : r)) });
  },

  loadDetails(repoId) {
    // Several triggers (selection, job end, refresh) can fire together; one request serves them all.
    const pending = inFlight.get(repoId);
    if (pending) return pending;
    const patch = (entry: Partial<DetailsEntry>): void => {
      const previous = get().details[repoId] ?? { loading: false };
      set({ details: { ...get().details, [repoId]: { ...previous, ...entry } } });
    };
    patch({ loading: true });
    const request = getApi()
      .invoke('repos:details', { repoId })
      .then(
        (data) => {
          patch({ data, loading: false, error: undefined, loadedAt: Date.now() });
          get().upsertRepo(data.repository);
        },
        (error: unknown) => {
          patch({ loading: false, error: toErrorInfo(error, 'The repository could not be read.') });
        },
      )
      .finally(() => inFlight.delete(repoId));
    inFlight.set(repoId, request);
    return request;
  },

  async createRepository(params) {
    const repo = await getApi().invoke('repos:create', params);
    get().upsertRepo(repo);
    return repo;
  },

  async addExistingRepository(params) {
    const repo = await getApi().invoke('repos:add-existing', params);
    get().upsertRepo(repo);
    return repo;
  },

  async unlockRepository(params) {
    const repo = await getApi().invoke('repos:unlock', params);
    get().upsertRepo(repo);
    void get().loadDetails(repo.id);
    return repo;
  },

  async setRepositoryPasscommand(params) {
    const repo = await getApi().invoke('repos:set-passcommand', params);
    get().upsertRepo(repo);
    // Cleared, the repository is locked again: nothing to load until it is unlocked.
    if (params.passcommand !== null) void get().loadDetails(repo.id);
    return repo;
  },

  async deleteArchive(params) {
    await getApi().invoke('archives:delete', params);
  },

  async editRepository(params) {
    const repo = await getApi().invoke('repos:edit', params);
    get().upsertRepo(repo);
    if (params.location !== undefined) void get().loadDetails(repo.id);
    return repo;
  },

  async removeRepository(repoId) {
    await getApi().invoke('repos:remove', { repoId });
    const { [repoId]: _gone, ...details } = get().details;
    set({ repos: get().repos.filter((r) => r.id !== repoId), details });
  },

  async renameArchive(params) {
    await getApi().invoke('archives:rename', params);
    await get().loadDetails(params.repoId);
  },

  async setArchiveComment(params) {
    await getApi().invoke('archives:set-comment', params);
    await get().loadDetails(params.repoId);
  },

  async setArchiveTags(params) {
    await getApi().invoke('archives:set-tags', params);
    await get().loadDetails(params.repoId);
  },
}));

/** True when borg needs a passphrase that Borgdesk does not hold yet. */
export function isLocked(repo: RepositorySummary): boolean {
  return repo.needsPassphrase && !repo.unlocked;
}
