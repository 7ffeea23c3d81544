/**
 * Migration of a borg 1.x repository to a NEW borg 2 repository, as one job: `repo-create
 * --other-repo OLD --from-borg1` (unless the new repository is already there from an earlier,
 * stopped run), `transfer --dry-run` to count the archives, `transfer` (which skips archives already
 * copied, so running the migration again continues it), then the new repository is added to
 * Borgdesk. The old repository is only ever read and stays registered as it was.
 *
 * How borg 2 reaches the 1.x repository: never by opening it as a repository of its own (borg 2
 * cannot), only as the `--other-repo` of these two commands, which read it through borg 2's
 * LegacyRepository. Its secret is what Borgdesk already holds for it (passphrase on fd 4 as
 * BORG_OTHER_PASSPHRASE_FD, or its passcommand as BORG_OTHER_PASSCOMMAND), or the passphrase the
 * user typed in the migration dialog. No borg 1.x is needed on the computer.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  buildRepoCreateFromBorg1Args,
  runRepoCreateFromBorg1,
} from '../../borg/commands/repo-create-from-borg1.js';
import { buildTransferArgs, runTransfer } from '../../borg/commands/transfer.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { BorgError, isBorgError } from '../../borg/errors.js';
import type { BorgContext } from '../../borg/exec.js';
import { AppError } from '../app-error.js';
import { runningLine } from '../jobs/command-line.js';
import type { JobRunContext, JobSpec } from '../jobs/job-manager.js';
import { isRemoteLocation, normalizeLocation } from '../repositories/location.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { migrationModes } from '../../model/migration.js';
import { MigrationProgress } from './migration-progress.js';
import { jobTitle } from '../../model/job-titles.js';

/** What the user chose in the migration dialog. */
export interface MigrateParams {
  /** The borg 1.x repository (stays as it is). */
  readonly repoId: string;
  /** Where the new borg 2 repository goes. */
  readonly location: string;
  /** Its name in Borgdesk. */
  readonly name: string;
  /** A borg 2 mode from borg.features.encryptionModes. */
  readonly encryption: string;
  /** The new repository's passphrase; absent with "none" or samePassphrase. */
  readonly passphrase?: string | undefined;
  /** The new repository gets the old one's secret: its passphrase, or its passcommand. */
  readonly samePassphrase?: boolean | undefined;
  /** The old repository's passphrase, when Borgdesk holds none and it has no passcommand. */
  readonly oldPassphrase?: string | undefined;
  /** Keep the new passphrase in the system keyring. */
  readonly remember?: boolean | undefined;
}

/** What the job needs from the rest of the core. */
export interface MigrateDeps {
  readonly repos: RepositoryService;
  readonly homeDir: string;
}

/** A migration job; checked now (a borg 2 in use, the old repository known, the new place free). */
export async function migrateRepositoryJob(params: MigrateParams, deps: MigrateDeps): Promise<JobSpec> {
  const old = deps.repos.require(params.repoId);
  const caps = capabilitiesOf(await deps.repos.borgTool());
  if (!caps.hasTransferFromBorg1) {
    throw new AppError(
      'InvalidInput',
      `Migration needs borg 2; the borg in use is ${caps.version}.`,
      'Choose a borg 2 in Settings → Path to borg, then migrate again.',
      { reason: 'migrationNeedsBorgBorg', params: { version: caps.version } },
    );
  }
  const location = normalizeLocation(params.location, deps.homeDir);
  const taken = deps.repos.list().find((r) => r.location === location);
  if (location === old.location || (taken !== undefined && taken.id !== old.id)) {
    throw new AppError(
      'DuplicateRepository',
      `${location} is already a repository in Borgdesk${taken ? ` (${taken.name})` : ''}.`,
      'Choose a new folder for the borg 2 repository.',
      taken
        ? { reason: 'migrationTargetTaken', params: { location, name: taken.name } }
        : { reason: 'migrationTargetSame', params: { location } },
    );
  }
  if (!migrationModes(old.encryption, [params.encryption]).includes(params.encryption)) {
    throw new AppError(
      'InvalidInput',
      `${old.name} (${old.encryption ?? 'unknown'}) cannot move to ${params.encryption}: borg keeps the id hash of a repository (blake2 or not) so that deduplication goes on working.`,
      'Choose one of the modes the dialog offers.',
      {
        reason: 'migrationMode',
        params: { name: old.name, from: old.encryption ?? 'unknown', to: params.encryption },
      },
    );
  }
  if (params.encryption !== 'none' && params.samePassphrase !== true && (params.passphrase ?? '') === '') {
    throw new AppError(
      'PassphraseRequired',
      'The new repository needs a passphrase.',
      'Type one, or keep the old one.',
      { reason: 'newRepositoryNeedsPassphrase' },
    );
  }
  const spec: JobSpec = {
    kind: 'migrate',
    repoId: old.id,
    lane: deps.repos.laneOf(old),
    ...jobTitle('migrate', { repo: old.name }),
    run: (job) => migrate(job, { ...params, location }, old, deps),
  };
  await secretsFor(old, params, deps, {});
  return spec;
}

async function migrate(
  job: JobRunContext,
  params: MigrateParams,
  old: StoredRepository,
  deps: MigrateDeps,
): Promise<{ status: 'succeeded' }> {
  const progress = new MigrationProgress(job.onEvent);
  const ctx = await secretsFor(old, params, deps, { signal: job.signal, onEvent: job.onEvent });
  const caps = capabilitiesOf(ctx);
  const create = { location: params.location, otherLocation: old.location, encryption: params.encryption };
  const transfer = { location: params.location, otherLocation: old.location };

  progress.step('migrate-creating');
  if (await alreadyThere(params.location)) {
    job.log('info', `${params.location} exists: continuing the earlier migration into it.`);
  } else {
    job.log('info', runningLine(buildRepoCreateFromBorg1Args(create, caps), ctx));
    await runRepoCreateFromBorg1(create, ctx).catch((e: unknown) => continueInto(e, job, params.location));
  }

  progress.step('migrate-counting');
  job.log('info', runningLine(buildTransferArgs({ ...transfer, dryRun: true }, caps), ctx));
  await runTransfer({ ...transfer, dryRun: true }, ctx, () => progress.planned());

  job.log('info', runningLine(buildTransferArgs(transfer, caps), ctx));
  await runTransfer(transfer, ctx, (line) => {
    progress.transferred(line);
    if (line.kind === 'finished') job.log('info', `Copied ${line.archive} (${line.transferSize} new data).`);
    if (line.kind === 'skipped') job.log('info', `${line.archive} was copied before.`);
  });
  const { done, total } = progress.summary();
  job.log('info', `All ${Math.max(done, total)} archives are in the new repository.`);

  const registered = deps.repos.list().find((r) => r.location === params.location);
  if (registered === undefined) {
    await deps.repos.addExisting({
      name: params.name,
      location: params.location,
      passphrase: ctx.passphrase,
      passcommand: ctx.passphrase === undefined ? ctx.passcommand : undefined,
      remember: params.remember,
      signal: job.signal,
    });
    job.log('info', `Added ${params.name} to Borgdesk; ${old.name} is unchanged.`);
  }
  return { status: 'succeeded' };
}

/**
 * The context for both commands: this borg, the new passphrase on fd 3, the old repository's
 * secret as the "other" one (fd 4 or its passcommand). Fails now when there is no old secret.
 */
async function secretsFor(
  old: StoredRepository,
  params: MigrateParams,
  deps: MigrateDeps,
  extras: Pick<BorgContext, 'signal' | 'onEvent'>,
): Promise<BorgContext> {
  const typed = params.oldPassphrase === '' ? undefined : params.oldPassphrase;
  const unlocked =
    typed === undefined
      ? await deps.repos.contextFor(old, extras)
      : {
          ...(await deps.repos.contextFor(
            { ...old, needsPassphrase: false, passcommand: undefined },
            extras,
          )),
          passphrase: typed,
        };
  // The held passphrase belongs to the old repository: a PassphraseWrong here must not forget it.
  const {
    passphrase: oldPassphrase,
    passcommand: oldPasscommand,
    onPassphraseRejected: _drop,
    ...base
  } = unlocked;
  const none = params.encryption === 'none';
  const newPassphrase = none ? undefined : params.samePassphrase === true ? oldPassphrase : params.passphrase;
  const newPasscommand = !none && params.samePassphrase === true ? oldPasscommand : undefined;
  return {
    ...base,
    ...(newPassphrase === undefined ? {} : { passphrase: newPassphrase }),
    ...(newPassphrase === undefined && newPasscommand !== undefined ? { passcommand: newPasscommand } : {}),
    ...(oldPassphrase === undefined ? {} : { otherPassphrase: oldPassphrase }),
    ...(oldPassphrase === undefined && oldPasscommand !== undefined
      ? { otherPasscommand: oldPasscommand }
      : {}),
  };
}

/** A local folder with a borg 2 repository's config: an earlier migration got this far. */
async function alreadyThere(location: string): Promise<boolean> {
  if (isRemoteLocation(location)) return false;
  return stat(path.join(location, 'config')).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** A remote destination that exists already: continue into it (transfer refuses an unrelated one). */
function continueInto(e: unknown, job: JobRunContext, location: string): void {
  if (isBorgError(e) && e.code === 'RepositoryAlreadyExists') {
    job.log('info', `${location} exists: continuing the earlier migration into it.`);
    return;
  }
  throw e instanceof Error
    ? e
    : new BorgError({
        code: 'BorgFailed',
        message: String(e),
        reason: 'borgSaid',
        params: { borgText: String(e) },
      });
}
