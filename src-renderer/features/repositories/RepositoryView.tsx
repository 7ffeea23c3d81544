/**
 * One repository: its identity, totals and archives, the current job's progress or result, the
 * prominent "Back up now", "Check repository", deleting an archive after a confirmation, and the
 * repository's automatic check.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobKind, JobSnapshot } from '../../../src-main/model/job.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { LOCK_ERROR_CODES } from '../../../src-main/model/lock.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { formatCount, formatRelative } from '../../lib/format.js';
import { isRemoteLocation } from '../../lib/paths.js';
import { useAppStore } from '../../stores/app-store.js';
import { isFinal, latestJobFor } from '../../stores/job-events.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { isLocked, useReposStore, type DetailsEntry } from '../../stores/repos-store.js';
import { useViewStore } from '../../stores/view-store.js';
import { ArchiveActions } from '../archives/ArchiveActions.js';
import { LeftoverMountCard } from '../archives/LeftoverMountList.js';
import { MountBanner } from '../archives/MountControls.js';
import { JobProgress } from '../jobs/JobProgress.js';
import { LockHelp } from '../jobs/LockHelp.js';
import { KeySection } from '../keys/KeySection.js';
import { SshKeyCard } from '../ssh-keys/SshKeyCard.js';
import { RestoreJobCard } from '../restore/RestoreJobCard.js';
import { QuestionList } from '../questions/QuestionNotice.js';
import { ArchivesTable } from './ArchivesTable.js';
import { AutomaticCheck } from './AutomaticCheck.js';
import { Borg2MaintenanceCard } from './Borg2MaintenanceCard.js';
import { CheckRepositoryDialog } from './CheckRepositoryDialog.js';
import { TestRestoreButton } from '../drills/TestRestoreButton.js';
import { ForgetPassphraseButton } from './ForgetPassphraseButton.js';
import { PasscommandCard } from './PasscommandCard.js';
import { RepositoryEditActions } from './RepositoryEditActions.js';
import { RepositoryStats } from './RepositoryStats.js';
import { ArchiveEditDialogs, type ArchiveDialog } from './ArchiveEditDialogs.js';
import { RecentlyDeleted } from './RecentlyDeleted.js';
import { useBorgFeatures } from './use-borg-features.js';
import { SpaceCard } from './SpaceCard.js';
import { MigrateDialog } from './MigrateDialog.js';
import { offersMigration } from './migrate-form.js';
import styles from './repositories.module.css';

// Jobs whose progress and result this screen shows; restores have their own card.
const SHOWN_KINDS: readonly JobKind[] = ['backup', 'check', 'delete', 'prune', 'compact', 'recompress'];

/** Props of {@link RepositoryView}. */
export interface RepositoryViewProps {
  readonly repo: RepositorySummary;
}

/** The main screen for a selected repository. */
export function RepositoryView({ repo }: RepositoryViewProps) {
  const { t } = useTranslation('repositories');
  const entry = useReposStore((s) => s.details[repo.id]);
  const loadDetails = useReposStore((s) => s.loadDetails);
  const openDialog = useAppStore((s) => s.openDialog);
  const job = useJobsStore((s) => latestJobFor(s, repo.id, SHOWN_KINDS));
  const dismissed = useJobsStore((s) => (job ? s.dismissed[job.id] === true : false));
  const locked = isLocked(repo);
  const busy = job !== undefined && !isFinal(job.status);
  const [checking, setChecking] = useState(false);
  const [migrating, setMigrating] = useState(false);
  const canMigrate = useAppStore(
    (s) => s.status?.borg.state === 'ok' && s.status.borg.features.migrateFromBorg1,
  );
  const migratable = offersMigration(repo, canMigrate, entry?.error?.code);

  const hasData = entry?.data !== undefined;
  useEffect(() => {
    if (!locked && !hasData) void loadDetails(repo.id);
  }, [repo.id, locked, hasData, loadDetails]);

  const backUp = (): void =>
    openDialog(
      locked ? { kind: 'unlock', repoId: repo.id, thenBackup: true } : { kind: 'backup', repoId: repo.id },
    );

  return (
    <div className={styles.repoView}>
      <header className={styles.repoHeader}>
        <div className={styles.repoHeaderIcon}>
          <Icon name={isRemoteLocation(repo.location) ? 'server' : 'archive'} size={22} />
        </div>
        <div className={styles.repoHeaderText}>
          <h1 className="repo-title" translate="no">
            {repo.name}
          </h1>
          <p className={styles.repoLocation}>
            <code translate="no">{repo.location}</code>
            <RepositoryEditActions repo={repo} busy={busy} />
          </p>
          <div className={styles.chips}>
            <span className="chip">
              <Icon name="shield" size={12} />
              {repo.encryption !== undefined ? (
                <span translate="no">{repo.encryption}</span>
              ) : repo.needsPassphrase ? (
                t('view.encrypted')
              ) : (
                t('view.encryptionUnknown')
              )}
            </span>
            {repo.needsPassphrase ? (
              <span className={locked ? 'chip chip-warn' : 'chip chip-ok'}>
                <Icon name={locked ? 'lock' : 'unlock'} size={12} />
                {locked
                  ? t('view.locked')
                  : repo.passcommand
                    ? t('view.passphraseFromCommand')
                    : repo.passphraseStored
                      ? t('view.rememberedHere')
                      : t('view.unlockedForSession')}
              </span>
            ) : null}
            <ForgetPassphraseButton repo={repo} />
            <span className="chip">
              <Icon name="clock" size={12} />
              {repo.lastBackupAt
                ? t('view.lastBackup', { when: formatRelative(repo.lastBackupAt) })
                : t('view.neverBackedUp')}
            </span>
          </div>
        </div>
        <div className={styles.repoActions}>
          <Button
            variant="ghost"
            icon="refresh"
            onClick={() => void loadDetails(repo.id)}
            busy={entry?.loading}
            disabled={locked}
          >
            {t('view.refresh')}
          </Button>
          {locked ? (
            <Button icon="unlock" onClick={() => openDialog({ kind: 'unlock', repoId: repo.id })}>
              {t('view.unlock')}
            </Button>
          ) : (
            <>
              <Button variant="ghost" icon="shield" onClick={() => setChecking(true)} disabled={busy}>
                {t('view.checkRepository')}
              </Button>
              <TestRestoreButton
                repoId={repo.id}
                subject={t('view.newestArchiveOf', { name: repo.name })}
                inHeader
              />
            </>
          )}
          {migratable ? (
            <Button variant="ghost" icon="archive" onClick={() => setMigrating(true)} disabled={busy}>
              {t('view.migrate')}
            </Button>
          ) : null}
          <Button variant="primary" size="large" icon="upload" onClick={backUp} disabled={busy}>
            {t('view.backUpNow')}
          </Button>
        </div>
      </header>

      {job && !dismissed ? <JobProgress job={job} /> : null}
      <QuestionList repoId={repo.id} exceptJobId={job && !dismissed ? job.id : undefined} />
      <LeftoverMountCard repoId={repo.id} />
      {locked ? null : <RestoreJobCard repoId={repo.id} />}

      {locked ? (
        <div className="callout">
          <Icon name="lock" size={18} />
          <div>
            <p className="callout-title">{t('view.lockedTitle')}</p>
            <p>{t('view.lockedText')}</p>
          </div>
        </div>
      ) : (
        <RepositoryContents
          repoId={repo.id}
          repoName={repo.name}
          entry={entry}
          waitingForJob={busy}
          lockShownAbove={job !== undefined && !dismissed && isLockFailure(job)}
        />
      )}
      <AutomaticCheck repo={repo} />
      <SshKeyCard repo={repo} />
      {repo.needsPassphrase ? <PasscommandCard repo={repo} /> : null}
      <KeySection repo={repo} />
      {migrating ? <MigrateDialog repo={repo} onClose={() => setMigrating(false)} /> : null}
      {checking ? (
        <CheckRepositoryDialog repoId={repo.id} repoName={repo.name} onClose={() => setChecking(false)} />
      ) : null}
    </div>
  );
}

function isLockFailure(job: JobSnapshot): boolean {
  return job.status === 'failed' && LOCK_ERROR_CODES.has(job.error?.code ?? '');
}

// Totals and archives, or why they cannot be shown. Without any data an error replaces both.
function RepositoryContents(props: {
  readonly repoId: string;
  readonly repoName: string;
  readonly entry: DetailsEntry | undefined;
  readonly waitingForJob: boolean;
  /** The job card above already names the lock holder. */
  readonly lockShownAbove: boolean;
}) {
  const { repoId, repoName, entry, waitingForJob, lockShownAbove } = props;
  const { t } = useTranslation('repositories');
  const show = useViewStore((s) => s.show);
  const [dialog, setDialog] = useState<ArchiveDialog>();
  const features = useBorgFeatures();
  const softDelete = features?.softDelete === true;
  const loadDetails = useReposStore((s) => s.loadDetails);
  // borg 2 keeps no repository totals: four "—" tiles would only look broken, so they are left out.
  const hasTotals = useAppStore(
    (s) => s.status?.borg.state !== 'ok' || s.status.borg.features.repositoryTotals,
  );
  const failed = entry?.error !== undefined && entry.data === undefined;
  return (
    <>
      {entry?.error ? (
        <ErrorMessage
          error={entry.error}
          title={t('contents.couldNotRead')}
          onRetry={() => void loadDetails(repoId)}
        />
      ) : null}
      {entry?.error && !lockShownAbove && LOCK_ERROR_CODES.has(entry.error.code ?? '') ? (
        <LockHelp repoId={repoId} borgMessage={entry.error.message} />
      ) : null}
      {failed ? null : (
        <>
          {hasTotals ? <RepositoryStats stats={entry?.data?.stats} /> : null}
          <SpaceCard
            {...{ repoId, repoName, stats: entry?.data?.stats, loadedAt: entry?.loadedAt }}
            busy={waitingForJob}
          />
          <Borg2MaintenanceCard repoId={repoId} repoName={repoName} busy={waitingForJob} />
          <section className={`card ${styles.archivesCard}`} aria-labelledby="archives-title">
            <header className="card-header">
              <h2 id="archives-title" className="card-title">
                {t('contents.archivesTitle')}
              </h2>
              <span className="muted">
                {entry?.data
                  ? t('contents.archivesTotal', { total: formatCount(entry.data.archives.length) })
                  : entry?.loading
                    ? waitingForJob
                      ? t('contents.waitingForBackup')
                      : t('contents.loading')
                    : ''}
              </span>
              {entry?.data ? (
                <ArchiveActions repoId={repoId} archiveCount={entry.data.archives.length} />
              ) : null}
            </header>
            <MountBanner repoId={repoId} hideLeftover />
            {entry?.data ? (
              <ArchivesTable
                archives={entry.data.archives}
                onBrowse={(archive) =>
                  show(repoId, { kind: 'archive', archiveName: archive.name, archiveId: archive.id })
                }
                onDelete={(archive) => setDialog({ archive, edit: 'delete' })}
                onEdit={(archive, edit) => setDialog({ archive, edit })}
                tags={features?.tags === true}
              />
            ) : (
              <div className={styles.skeletonTable} aria-hidden="true">
                <span />
                <span />
                <span />
              </div>
            )}
          </section>
          {softDelete && entry?.data ? (
            <RecentlyDeleted repoId={repoId} refresh={String(entry.loadedAt ?? 0)} busy={waitingForJob} />
          ) : null}
        </>
      )}
      <ArchiveEditDialogs repoId={repoId} dialog={dialog} softDelete={softDelete} onChange={setDialog} />
    </>
  );
}
