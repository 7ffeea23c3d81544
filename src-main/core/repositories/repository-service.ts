/**
 * Adding, creating, unlocking, removing and inspecting repositories. Every borg run for a
 * repository goes through its lane (see SerialLanes), so it never races a backup for borg's lock.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BorgCapabilities } from '../../borg/capabilities.js';
import type { BorgContext } from '../../borg/exec.js';
import { detectEncryption } from '../../borg/commands/detect-encryption.js';
import { runInfo } from '../../borg/commands/info.js';
import { runListArchives } from '../../borg/commands/list-archives.js';
import type { RepositoryDetails, RepositorySummary } from '../../model/repository.js';
import { AppError } from '../app-error.js';
import { borgTimeToIso } from '../borg-time.js';
import { newestCompleteArchive } from '../../model/last-good-backup.js';
import type { PassphraseKeeper } from '../secrets/passphrase-keeper.js';
import type { SerialLanes } from '../jobs/serial-lanes.js';
import type { PasscommandTestResult } from '../../model/passcommand.js';
import type { RecordOperation } from '../history/operation-record.js';
import { recordedInit } from './recorded-init.js';
import { sshContextOf } from '../ssh/ssh-context.js';
import { isRemoteLocation, normalizeLocation } from './location.js';
import {
  NOT_ENCRYPTED_RESULT,
  optionalPasscommand,
  passcommandUnusable,
  PASSCOMMAND_TEST_TIMEOUT_MS,
  requirePasscommand,
  testPasscommand,
} from './passcommand-check.js';
import {
  answerableOnAdd,
  keyOpened,
  duplicateLocation,
  passphraseRequired,
  repositoryLocked,
  requireName,
  requireUsableLocation,
  sameSecond,
  sortNewestFirst,
} from './repository-rules.js';
import type { AddExistingParams, CreateRepositoryParams } from './repository-params.js';
import type { ArchivesListed, RepositoryRegistry, StoredRepository } from './repository-registry.js';
import { repositoryContextFields, sshIdentityOf } from './repository-context.js';
import { summarizeRepository } from './repository-summary.js';
import { log } from '../logging/log.js';

export type { ArchivesListed } from './repository-registry.js';

/** Borg's prompt for a repository without encryption it has not seen before (borg docs, Environment Variables). */
export const UNENCRYPTED_ACCESS_PROMPT = 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK';

/** What the service needs from the rest of the core. */
export interface RepositoryServiceDeps {
  readonly registry: RepositoryRegistry;
  readonly secrets: PassphraseKeeper;
  readonly lanes: SerialLanes;
  readonly homeDir: string;
  readonly borgPath: () => Promise<string>;
  /** The capability table of that borg (every context carries it); absent: borg 1.2's table. */
  readonly borgCapabilities?: () => Promise<BorgCapabilities>;
  /** Aborted when the app shuts down, so no borg started here outlives it. */
  readonly shutdown: AbortSignal;
  /** Called after every change to the list, with the new list (becomes `repos:changed`). */
  readonly onChanged: (repositories: RepositorySummary[]) => void;
  /** Called after the user removed a repository (its check schedule and plan targets go); awaited. */
  readonly onRemoved?: (repoId: string) => void | Promise<void>;
  /** Hears every archive listing `details` obtains (the archive index keeps its cache in step). */
  readonly onArchivesListed?: (repoId: string, listing: ArchivesListed) => Promise<void>;
  /** Borgdesk's known_hosts for every borg run's ssh (core/ssh/known-hosts.ts). */
  readonly sshKnownHostsFile?: string;
  /** How long a passcommand Test may take; default PASSCOMMAND_TEST_TIMEOUT_MS (tests shorten it). */
  readonly passcommandTimeoutMs?: number;
  readonly record?: RecordOperation;
}

/** "Remember the passphrase on this computer"; absent: the store's default. */
type Remember = { remember?: boolean | undefined };

/** Extra BorgContext fields a caller may add (a job's signal and event sink). */
export type ContextExtras = Pick<BorgContext, 'signal' | 'onEvent' | 'lockWaitSeconds' | 'consentedPrompts'>;

/** Implements the `repos:*` requests. */
export class RepositoryService {
  constructor(private readonly deps: RepositoryServiceDeps) {}

  /** Every repository as the UI shows it. */
  list(): RepositorySummary[] {
    return this.deps.registry.list().map((r) => this.summarize(r));
  }

  /** The UI shape of one stored repository; `unlocked` reflects the secret store right now. */
  summarize(repo: StoredRepository): RepositorySummary {
    return summarizeRepository(repo, this.deps.secrets);
  }

  /** The stored repository `repoId`, or a NotFound error. */
  require(repoId: string): StoredRepository {
    const repo = this.deps.registry.get(repoId);
    if (repo !== undefined) return repo;
    throw new AppError(
      'NotFound',
      'That repository is no longer in Borgdesk.',
      'Reload the repository list.',
      { reason: 'repositoryLongerBorgdesk' },
    );
  }

  /** The lane key for a repository: its location, since borg locks per location. */
  laneOf(repo: StoredRepository): string {
    return repo.location;
  }

  /** The part of every BorgContext that does not depend on a repository: borg's path and the shutdown signal. */
  private async baseContext(
    cancel?: AbortSignal,
  ): Promise<Pick<BorgContext, 'borgPath' | 'capabilities' | 'signal' | 'sshKnownHostsFile'>> {
    const signal = cancel === undefined ? this.deps.shutdown : AbortSignal.any([this.deps.shutdown, cancel]);
    return { ...(await this.borgTool()), signal, ...sshContextOf(this.deps) };
  }

  /** The borg binary and its capability table, the part of a BorgContext that names the borg. */
  async borgTool(): Promise<Pick<BorgContext, 'borgPath' | 'capabilities'>> {
    const borgPath = await this.deps.borgPath();
    const capabilities = await this.deps.borgCapabilities?.();
    return capabilities === undefined ? { borgPath } : { borgPath, capabilities };
  }

  /**
   * A BorgContext for `repo`: borg path and passphrase (if it needs one); borg's questions are
   * answered yes only for the run whose extras carry the user's answer. Every borg run for a stored repository gets its context here, so its location is
   * checked here too.
   */
  async contextFor(repo: StoredRepository, extras: ContextExtras = {}): Promise<BorgContext> {
    requireUsableLocation(repo);
    const tool = await this.borgTool();
    let passphrase: string | undefined;
    // The user's passcommand wins over a held passphrase: it is what they chose for this repository.
    const passcommand =
      repo.needsPassphrase && repo.passcommand !== undefined
        ? requirePasscommand(repo.passcommand)
        : undefined;
    if (repo.needsPassphrase && passcommand === undefined) {
      passphrase = this.deps.secrets.peek(repo.id);
      if (passphrase === undefined) throw repositoryLocked(repo.name);
    }
    const held = passphrase;
    return {
      signal: this.deps.shutdown,
      ...extras,
      ...tool,
      passphrase,
      ...sshContextOf(this.deps),
      ...(passcommand === undefined ? {} : { passcommand }),
      ...repositoryContextFields(repo),
      ...(held !== undefined && {
        onPassphraseRejected: () =>
          void this.deps.secrets.rejected(repo.id, held).then((gone) => gone && this.changed()),
      }),
    };
  }

  /** `repos:create`: `borg init` a new repository, then register it and remember its passphrase. */
  async create(params: CreateRepositoryParams): Promise<RepositorySummary> {
    const name = requireName(params.name);
    const location = this.newLocation(params.location);
    const needsPassphrase = params.encryption !== 'none';
    const passphrase = needsPassphrase ? params.passphrase : undefined;
    if (needsPassphrase && (passphrase === undefined || passphrase === '')) {
      throw new AppError(
        'PassphraseRequired',
        'An encrypted repository needs a passphrase.',
        'Choose a passphrase and keep it safe: without it the backups cannot be read.',
        { reason: 'encryptedRepositoryWithoutPassphrase' },
      );
    }
    const base = { ...(await this.baseContext(params.signal)), ...sshIdentityOf(params.sshKey) };
    // `borg init` creates the repository folder but not missing parents (e.g. ~/Backups).
    if (!isRemoteLocation(location)) await fs.mkdir(path.dirname(location), { recursive: true });
    const init = { location, encryption: params.encryption, newPassphrase: passphrase };
    await this.deps.lanes.run(location, () => recordedInit(init, name, base, this.deps.record), base.signal);
    return this.register({
      name,
      location,
      encryption: params.encryption,
      needsPassphrase,
      passphrase,
      remember: params.remember,
      sshKey: params.sshKey,
    });
  }

  /** `repos:add-existing`: detect encryption, check the passphrase (or passcommand), register; borg's
   * questions come back as PromptRefused, and the user's yes in `consentedPrompts` (this add only). */
  async addExisting(params: AddExistingParams): Promise<RepositorySummary> {
    const name = requireName(params.name);
    const location = this.newLocation(params.location);
    const base = { ...(await this.baseContext(params.signal)), ...sshIdentityOf(params.sshKey) };
    const consentedPrompts = answerableOnAdd(params.consentedPrompts);
    const passphrase = params.passphrase === '' ? undefined : params.passphrase;
    const passcommand = optionalPasscommand(params.passcommand, passphrase);
    const probe = async () => {
      const kind = await detectEncryption({ location }, { ...base, consentedPrompts });
      const unencrypted = kind === 'unencrypted';
      if (!unencrypted && passphrase === undefined && passcommand === undefined)
        throw passphraseRequired(name);
      const secret = unencrypted ? {} : passcommand === undefined ? { passphrase } : { passcommand };
      // Also for an unencrypted one: borg's question about it is asked (or answered yes) here.
      const listing = await runListArchives({ location }, { ...base, ...secret, consentedPrompts });
      return unencrypted ? 'none' : listing.encryption;
    };
    const encryption = await this.deps.lanes.run(location, probe, base.signal);
    const needsPassphrase = encryption !== 'none';
    return this.register({
      name,
      location,
      encryption,
      needsPassphrase,
      passphrase: needsPassphrase ? passphrase : undefined,
      remember: params.remember,
      passcommand: needsPassphrase ? passcommand : undefined,
      sshKey: params.sshKey,
    });
  }

  /** `repos:unlock`: check the passphrase with borg, then hold it in the secret store. */
  async unlock(params: { repoId: string; passphrase: string } & Remember): Promise<RepositorySummary> {
    const repo = this.require(params.repoId);
    if (!repo.needsPassphrase) return this.summarize(repo);
    if (params.passphrase === '') throw passphraseRequired(repo.name);
    requireUsableLocation(repo);
    const base = await this.baseContext();
    await this.deps.lanes.run(this.laneOf(repo), () =>
      runListArchives(
        { location: repo.location },
        { ...base, passphrase: params.passphrase, ...repositoryContextFields(repo) },
      ).catch(keyOpened),
    );
    await this.deps.secrets.hold(repo.id, params.passphrase, { ...params, repositoryName: repo.name });
    this.changed();
    return this.summarize(repo);
  }

  /** `repos:forget-passphrase`: drop the stored copy and the one in memory, so the repository is locked. */
  async forgetPassphrase(params: { repoId: string }): Promise<RepositorySummary> {
    const repo = this.require(params.repoId);
    await this.deps.secrets.forget(repo.id);
    this.changed();
    return this.summarize(repo);
  }

  /** After `borg key change-passphrase` succeeded: hold the new one; false if a remembered copy could not be replaced. */
  async passphraseChanged(repoId: string, passphrase: string): Promise<boolean> {
    const repo = this.require(repoId);
    const kept = await this.deps.secrets.replace(repo.id, passphrase, repo.name);
    this.changed();
    return kept;
  }

  /** `repos:remove`: forget the repository and its passphrase; its data is left untouched. */
  async remove(params: { repoId: string }): Promise<{ removed: boolean }> {
    const removed = await this.deps.registry.remove(params.repoId);
    await this.deps.secrets.forget(params.repoId);
    if (removed) {
      this.changed();
      await this.deps.onRemoved?.(params.repoId);
    }
    return { removed };
  }

  /** `repos:details`: `borg info` with archives, newest first; refreshes lastBackupAt (newest complete archive) and encryption. */
  async details(params: { repoId: string }, extras: ContextExtras = {}): Promise<RepositoryDetails> {
    let repo = this.require(params.repoId);
    const ctx = await this.contextFor(repo, extras);
    const info = await this.deps.lanes.run(this.laneOf(repo), () =>
      runInfo({ location: repo.location, includeArchives: true }, ctx),
    );
    const archives = sortNewestFirst(info.archives);
    // A `.checkpoint` archive is what an interrupted backup left: never the last backup.
    const newest = newestCompleteArchive(archives);
    const lastBackupAt = newest === undefined ? undefined : borgTimeToIso(newest.end ?? newest.start);
    const encryption = info.encryption ?? repo.encryption;
    if (!sameSecond(lastBackupAt, repo.lastBackupAt) || encryption !== repo.encryption) {
      repo = (await this.deps.registry.update(repo.id, { lastBackupAt, encryption })) ?? repo;
      this.changed();
    }
    const details: RepositoryDetails = { repository: this.summarize(repo), archives };
    if (info.stats !== undefined) details.stats = info.stats;
    const listed = archives.map((a) => ({ id: a.id, name: a.name, start: a.start }));
    // A listener's failure must not cost the user the details borg already delivered.
    await this.deps
      .onArchivesListed?.(repo.id, { repositoryId: info.repositoryId, archives: listed })
      .catch((e: unknown) => log.error('handling the archive listing failed', e));
    return details;
  }

  /** `repos:set-passcommand`: store a passcommand once borg accepted what it prints, or clear it (null). */
  async setPasscommand(params: { repoId: string; passcommand: string | null }): Promise<RepositorySummary> {
    const repo = this.require(params.repoId);
    if (params.passcommand === null) {
      const cleared = (await this.deps.registry.update(repo.id, { passcommand: undefined })) ?? repo;
      this.changed();
      return this.summarize(cleared);
    }
    const passcommand = requirePasscommand(params.passcommand);
    const tested = await this.testPasscommand({ repoId: repo.id, passcommand });
    if (tested.outcome !== 'ok') throw passcommandUnusable(tested.message, tested.remedy);
    const updated = (await this.deps.registry.update(repo.id, { passcommand })) ?? repo;
    this.changed();
    return this.summarize(updated);
  }

  /** `repos:test-passcommand`: `borg list` with the command as the passphrase source; stores nothing. */
  async testPasscommand(params: {
    repoId?: string | undefined;
    location?: string | undefined;
    passcommand: string;
    sshKey?: string | undefined;
  }): Promise<PasscommandTestResult> {
    const passcommand = requirePasscommand(params.passcommand);
    const base = await this.baseContext();
    const timeoutMs = this.deps.passcommandTimeoutMs ?? PASSCOMMAND_TEST_TIMEOUT_MS;
    if (params.repoId !== undefined) {
      const repo = this.require(params.repoId);
      if (!repo.needsPassphrase) return NOT_ENCRYPTED_RESULT;
      requireUsableLocation(repo);
      const ctx = { ...base, ...repositoryContextFields(repo) };
      const inLane = <T>(run: () => Promise<T>): Promise<T> => this.deps.lanes.run(this.laneOf(repo), run);
      return testPasscommand({ location: repo.location, ctx, timeoutMs, inLane }, passcommand);
    }
    if (params.location === undefined || params.location.trim() === '')
      throw new AppError(
        'InvalidInput',
        'Say which repository to test the command on.',
        'Enter its location first.',
        { reason: 'sayRepositoryTestCommand' },
      );
    const location = normalizeLocation(params.location, this.deps.homeDir);
    const ctx = { ...base, ...sshIdentityOf(params.sshKey) };
    const inLane = <T>(run: () => Promise<T>): Promise<T> => this.deps.lanes.run(location, run);
    const kind = await inLane(() => detectEncryption({ location }, ctx));
    if (kind === 'unencrypted') return NOT_ENCRYPTED_RESULT;
    return testPasscommand({ location, ctx, timeoutMs, inLane }, passcommand);
  }

  /** Record a finished backup's time (ISO) and announce the change. */
  async recordBackup(repoId: string, at: string): Promise<void> {
    const updated = await this.deps.registry.update(repoId, { lastBackupAt: at });
    if (updated !== undefined) this.changed();
  }

  /** Record that the key was exported just now (ISO) and announce the change. */
  async recordKeyExport(repoId: string, at: string): Promise<void> {
    const updated = await this.deps.registry.update(repoId, { keyExportedAt: at });
    if (updated !== undefined) this.changed();
  }

  /** Announce a change made elsewhere (a new passphrase held in the secret store). */
  announceChange(): void {
    this.changed();
  }

  private newLocation(raw: string): string {
    const location = normalizeLocation(raw, this.deps.homeDir);
    const existing = this.deps.registry.findByLocation(location);
    if (existing !== undefined) throw duplicateLocation(location, existing.name);
    return location;
  }

  private async register(r: {
    name: string;
    location: string;
    encryption: string | undefined;
    needsPassphrase: boolean;
    passphrase: string | undefined;
    passcommand?: string | undefined;
    remember?: boolean | undefined;
    sshKey: string | undefined;
  }): Promise<RepositorySummary> {
    // A concurrent request may have registered the same location while borg was running.
    const existing = this.deps.registry.findByLocation(r.location);
    if (existing !== undefined) throw duplicateLocation(r.location, existing.name);
    const stored = await this.deps.registry.add({
      name: r.name,
      location: r.location,
      encryption: r.encryption,
      needsPassphrase: r.needsPassphrase,
      ...(r.passcommand === undefined ? {} : { passcommand: r.passcommand }),
      ...(r.sshKey === undefined ? {} : { sshKey: r.sshKey }),
    });
    const hold = { remember: r.remember, repositoryName: r.name };
    if (r.needsPassphrase && r.passphrase) await this.deps.secrets.hold(stored.id, r.passphrase, hold);
    this.changed();
    return this.summarize(stored);
  }

  private changed(): void {
    this.deps.onChanged(this.list());
  }
}
