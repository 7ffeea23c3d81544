/**
 * "Migrate to borg 2…": copies a borg 1.x repository into a NEW borg 2 repository (the old one is
 * only read and stays in Borgdesk as it is). The user picks the new folder, a borg 2 encryption
 * mode and the passphrase (the old one, or a new one); then the job's progress (archives done of
 * total, the one being copied), and at the end the new repository with an offer to move the
 * old repository's plans to it. Running it again into the same folder continues a stopped migration.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { PassphraseFields, passphraseProblem } from '../../components/PassphraseFields.js';
import { formatCount } from '../../lib/format.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { isFinal } from '../../stores/job-events.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { usePlansStore } from '../../stores/plans-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { JobProgress } from '../jobs/JobProgress.js';
import { defaultMigrationTarget, migrationModes } from './migrate-form.js';

/** Props of {@link MigrateDialog}. */
export interface MigrateDialogProps {
  readonly repo: RepositorySummary;
  readonly onClose: () => void;
}

/** The migration dialog: the form, then the job, then the result. */
export function MigrateDialog({ repo, onClose }: MigrateDialogProps) {
  const { t } = useTranslation(['repositories', 'common']);
  const status = useAppStore((s) => s.status);
  const modes = migrationModes(
    repo.encryption,
    status?.borg.state === 'ok' ? status.borg.features.encryptionModes : [],
  );
  const [location, setLocation] = useState(() => defaultMigrationTarget(repo.location));
  // The name is data the user may keep or change; "(borg 2)" is borg's name, the same in every language.
  const [name, setName] = useState(`${repo.name} (borg 2)`);
  const [encryption, setEncryption] = useState(modes[0] ?? 'repokey-aes-ocb');
  const [same, setSame] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [oldPassphrase, setOldPassphrase] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const job = useJobsStore((s) => (jobId ? s.jobs[jobId] : undefined));
  // Borg 2 cannot unlock a 1.x repository by itself: without a held secret the dialog asks for it.
  const needsOld = repo.needsPassphrase && !repo.unlocked && !repo.passcommand;
  const none = encryption === 'none';
  const newProblem = none || same ? undefined : passphraseProblem(passphrase, confirm);
  const oldProblem = needsOld && oldPassphrase === '' ? t('migrate.oldPassphraseMissing') : undefined;
  const start = useAction('repos:migrate', {
    fallback: t('migrate.failed'),
    onSuccess: (ref) => setJobId(ref.jobId),
  });
  const submit = (): void => {
    setAttempted(true);
    if (newProblem !== undefined || oldProblem !== undefined || location.trim() === '') return;
    start.run({
      repoId: repo.id,
      location: location.trim(),
      name: name.trim() || `${repo.name} (borg 2)`,
      encryption,
      ...(none ? {} : same ? { samePassphrase: true } : { passphrase }),
      ...(needsOld ? { oldPassphrase } : {}),
    });
  };

  if (job !== undefined) {
    return (
      <Dialog
        title={t('migrate.title', { name: repo.name })}
        onClose={onClose}
        size="medium"
        footer={<Button onClick={onClose}>{t('common:actions.close')}</Button>}
      >
        {isFinal(job.status) && job.status === 'succeeded' ? (
          <MigrationDone oldRepo={repo} location={location.trim()} onClose={onClose} />
        ) : (
          <>
            <JobProgress job={job} />
            {isFinal(job.status) ? (
              <p className="muted">
                <Trans
                  t={t}
                  i18nKey="migrate.stopped"
                  values={{ name: repo.name }}
                  components={{ name: <span translate="no" /> }}
                />
              </p>
            ) : null}
          </>
        )}
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('migrate.title', { name: repo.name })}
      description={t('migrate.description')}
      onClose={onClose}
      onSubmit={submit}
      busy={start.pending}
      size="medium"
      footer={
        <>
          <Button onClick={onClose} disabled={start.pending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" icon="archive" busy={start.pending}>
            {t('migrate.start')}
          </Button>
        </>
      }
    >
      {start.error ? <ErrorMessage error={start.error} /> : null}
      <Field
        label={t('migrate.folderLabel')}
        hint={t('migrate.folderHint')}
        error={attempted && location.trim() === '' ? t('migrate.folderMissing') : undefined}
      >
        <input
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          aria-label={t('migrate.folderLabel')}
        />
      </Field>
      <Field label={t('migrate.nameLabel')}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('migrate.encryptionLabel')}>
        <select value={encryption} onChange={(e) => setEncryption(e.target.value)}>
          {modes.map((m) => (
            <option key={m} value={m} translate="no">
              {m}
            </option>
          ))}
        </select>
      </Field>
      {needsOld ? (
        <Field
          label={t('migrate.oldPassphraseLabel', { name: repo.name })}
          error={attempted ? oldProblem : undefined}
        >
          <input
            type="password"
            value={oldPassphrase}
            autoComplete="current-password"
            onChange={(e) => setOldPassphrase(e.target.value)}
          />
        </Field>
      ) : null}
      {none ? null : (
        <div role="radiogroup" aria-label={t('migrate.newPassphraseGroup')}>
          <label>
            <input type="radio" checked={same} onChange={() => setSame(true)} />{' '}
            <Trans
              t={t}
              i18nKey="migrate.samePassphrase"
              values={{ name: repo.name }}
              components={{ name: <span translate="no" /> }}
            />
          </label>
          <label>
            <input type="radio" checked={!same} onChange={() => setSame(false)} />{' '}
            {t('migrate.newPassphrase')}
          </label>
        </div>
      )}
      {!none && !same ? (
        <PassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
          showErrors={attempted}
        />
      ) : null}
    </Dialog>
  );
}

// The end: the new repository is in Borgdesk; offer to move the plans and to open it.
function MigrationDone(props: {
  readonly oldRepo: RepositorySummary;
  readonly location: string;
  readonly onClose: () => void;
}) {
  const { oldRepo, location, onClose } = props;
  const { t } = useTranslation('repositories');
  const fresh = useReposStore((s) => s.repos.find((r) => r.location === location));
  // Select the list itself: a filtered copy would be a new value on every render (zustand loops).
  const allPlans = usePlansStore((s) => s.plans);
  const plans = allPlans.filter((p) => p.targets.some((t) => t.repoId === oldRepo.id));
  const selectRepository = useAppStore((s) => s.selectRepository);
  const [moved, setMoved] = useState<number>();
  const move = useAction('plans:move-to-repository', {
    fallback: t('migrate.movePlansFailed'),
    onSuccess: (r) => setMoved(r.moved),
  });
  return (
    <div className="migration-done">
      <p className="callout-title">
        <Trans
          t={t}
          i18nKey="migrate.done"
          values={{ name: fresh?.name ?? location }}
          components={{ name: <span translate="no" /> }}
        />
      </p>
      <p>
        <Trans
          t={t}
          i18nKey="migrate.oldUnchanged"
          values={{ name: oldRepo.name }}
          components={{ name: <span translate="no" /> }}
        />
      </p>
      {move.error ? <ErrorMessage error={move.error} /> : null}
      {moved !== undefined ? (
        <p>{t('migrate.plansMoved', { count: moved, figure: formatCount(moved) })}</p>
      ) : plans.length > 0 && fresh ? (
        <Button busy={move.pending} onClick={() => move.run({ fromRepoId: oldRepo.id, toRepoId: fresh.id })}>
          {plans.length === 1
            ? t('migrate.pointPlan', { name: plans[0]?.name ?? '' })
            : t('migrate.pointPlans', { count: plans.length, figure: formatCount(plans.length) })}
        </Button>
      ) : null}
      {fresh ? (
        <Button
          variant="primary"
          icon="archive"
          onClick={() => {
            selectRepository(fresh.id);
            onClose();
          }}
        >
          {t('migrate.openNew', { name: fresh.name })}
        </Button>
      ) : null}
    </div>
  );
}
