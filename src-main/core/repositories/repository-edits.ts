/**
 * Editing a registered repository: its name, and its location after the drive or folder moved.
 * A new location is accepted only when borg finds the SAME repository there (borg's repository id,
 * compared with the one Borgdesk or borg's security folder remembers); the change is the user's
 * consent for borg's "previously located at …" question, given to the one run that checks it, so
 * borg updates its own record and later runs need no consent.
 */
import { runInfo } from '../../borg/commands/info.js';
import { localRepositoryId } from '../../borg/repository-config.js';
import { borgSecurityFolder, knownRepositoryIdAt } from '../../borg/security-folder.js';
import type { RepositorySummary } from '../../model/repository.js';
import { AppError } from '../app-error.js';
import type { SerialLanes } from '../jobs/serial-lanes.js';
import { isRemoteLocation, normalizeLocation } from './location.js';
import type { RepositoryRegistry, StoredRepository } from './repository-registry.js';
import { duplicateLocation, requireName, requireUsableLocation } from './repository-rules.js';
import type { RepositoryService } from './repository-service.js';

/** Borg's prompt for a repository found at another location than it last saw it at. */
export const RELOCATED_ACCESS_PROMPT = 'BORG_RELOCATED_REPO_ACCESS_IS_OK';

/** What editing needs from the rest of the core. */
export interface RepositoryEditsDeps {
  readonly registry: RepositoryRegistry;
  readonly repos: RepositoryService;
  readonly lanes: SerialLanes;
  readonly homeDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly shutdown: AbortSignal;
  /** Throws while the repository is mounted (its mount holds borg's lock at the old location). */
  readonly assertWritable: (repoId: string) => void;
  readonly hasActiveJob: (repoId: string) => boolean;
}

/** The `repos:edit` parameters. */
export interface RepositoryEdit {
  readonly repoId: string;
  readonly name?: string | undefined;
  readonly location?: string | undefined;
}

/** Implements `repos:edit` and remembers borg's repository id whenever borg reports it. */
export class RepositoryEdits {
  constructor(private readonly deps: RepositoryEditsDeps) {}

  /** Rename and/or repoint; a location holding another repository is refused, the entry unchanged. */
  async edit(params: RepositoryEdit): Promise<RepositorySummary> {
    const { registry, repos } = this.deps;
    const repo = repos.require(params.repoId);
    const name = params.name === undefined ? repo.name : requireName(params.name);
    const location =
      params.location === undefined ? repo.location : normalizeLocation(params.location, this.deps.homeDir);
    const patch: Partial<StoredRepository> = { name };
    if (location !== repo.location) {
      const other = registry.findByLocation(location);
      if (other !== undefined && other.id !== repo.id) throw duplicateLocation(location, other.name);
      Object.assign(patch, { location, borgRepositoryId: await this.verifyMoved(repo, name, location) });
    }
    const updated = (await registry.update(repo.id, patch)) ?? repo;
    repos.announceChange();
    return repos.summarize(updated);
  }

  /** Keep borg's id of a repository the first time borg reports it (a listing, a backup). */
  async noteBorgRepositoryId(repoId: string, borgRepositoryId: string): Promise<void> {
    const repo = this.deps.registry.get(repoId);
    if (repo === undefined || repo.borgRepositoryId !== undefined || borgRepositoryId === '') return;
    await this.deps.registry.update(repoId, { borgRepositoryId });
  }

  // Borg's id of the repository at `location`, when it is the one `repo` was; else a clear refusal.
  private async verifyMoved(repo: StoredRepository, name: string, location: string): Promise<string> {
    requireUsableLocation({ name, location });
    this.deps.assertWritable(repo.id);
    if (this.deps.hasActiveJob(repo.id)) {
      throw new AppError(
        'Busy',
        `A task of “${repo.name}” is queued or running.`,
        'Wait until it ends (or cancel it), then change the location.',
        { reason: 'taskQueuedRunning', params: { name: repo.name } },
      );
    }
    const expected = repo.borgRepositoryId ?? (await this.rememberedId(repo.location));
    if (expected === undefined) {
      throw new AppError(
        'DifferentRepository',
        `Borgdesk cannot tell which repository “${repo.name}” was: neither Borgdesk nor borg on this computer recorded its id.`,
        `Add the repository at ${location} with “Add existing repository”, then remove “${repo.name}” from Borgdesk.`,
        { reason: 'borgdeskTellRepositoryNeither', params: { name: repo.name, location } },
      );
    }
    // A local folder says who it is without borg: another repository is refused before borg is told to trust it.
    const local = isRemoteLocation(location) ? undefined : await localRepositoryId(location);
    if (local !== undefined && local !== expected) throw differentRepository(repo.name, location);
    const base = await this.deps.repos.contextFor({ ...repo, location });
    // The passphrase was not rejected by its own repository: the held copy must not be dropped.
    const { onPassphraseRejected: _kept, ...ctx } = base;
    // Repointing is the user's own act, confirmed in its dialog and checked against borg's id above.
    const consentedPrompts = [RELOCATED_ACCESS_PROMPT];
    const info = await this.deps.lanes.run(
      location,
      () => runInfo({ location, includeArchives: false }, { ...ctx, consentedPrompts }),
      this.deps.shutdown,
    );
    if (info.repositoryId !== expected) throw differentRepository(repo.name, location);
    return info.repositoryId;
  }

  // Borg's own record: the id whose security entry names the old location.
  private rememberedId(oldLocation: string): Promise<string | undefined> {
    return knownRepositoryIdAt(borgSecurityFolder(this.deps.env, this.deps.homeDir), oldLocation);
  }
}

function differentRepository(name: string, location: string): AppError {
  return new AppError(
    'DifferentRepository',
    `The repository at ${location} is another repository, not “${name}”. Nothing was changed.`,
    `Choose the folder “${name}” was moved to, or add this one as a new repository with “Add existing repository”.`,
    { reason: 'repositoryAnotherRepositoryNothing', params: { location, name } },
  );
}
