/**
 * "Migrate to borg 2…": copies a borg 1.x repository into a NEW borg 2 repository (the old one is
 * only read and stays in Borgdesk as it is). The user picks the new folder, a borg 2 encryption
 * mode and the passphrase (the old one, or a new one); then the job's progress (archives done of
 * total, the one being copied), and at the end the new repository with an offer to move the
 * old repository's plans to it. Running it again into the same folder continues a stopped migration.
 */
import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { PassphraseFields, passphraseProblem } from '../../components/PassphraseFields.js';
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
  const status = useAppStore((s) => s.status);
  const modes = migrationModes(
    repo.encryption,
    status?.borg.state === 'ok' ? status.borg.features.encryptionModes : [],
  );
  const [location, setLocation] = useState(() => defaultMigrationTarget(repo.location));
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
  const oldProblem =
    needsOld && oldPassphrase === '' ? 'Enter the passphrase of the old repository.' : undefined;
  const start = useAction('repos:migrate', {
    fallback: 'The migration could not be started.',
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
        title={`Migrate ${repo.name} to borg 2`}
        onClose={onClose}
        size="medium"
        footer={<Button onClick={onClose}>Close</Button>}
      >
        {isFinal(job.status) && job.status === 'succeeded' ? (
          <MigrationDone oldRepo={repo} location={location.trim()} onClose={onClose} />
        ) : (
          <>
            <JobProgress job={job} />
            {isFinal(job.status) ? (
              <p className="muted">
                Nothing in {repo.name} was changed. Start the migration again into the same folder to
                continue: archives already copied are skipped.
              </p>
            ) : null}
          </>
        )}
      </Dialog>
    );
  }

  return (
    <Dialog
      title={`Migrate ${repo.name} to borg 2`}
      description="Borg 2 copies every archive into a new repository. The old repository is only read: it stays as it is, usable with borg 1.x."
      onClose={onClose}
      onSubmit={submit}
      busy={start.pending}
      size="medium"
      footer={
        <>
          <Button onClick={onClose} disabled={start.pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" icon="archive" busy={start.pending}>
            Start migration
          </Button>
        </>
      }
    >
      {start.error ? <ErrorMessage error={start.error} /> : null}
      <Field
        label="New repository folder"
        hint="A folder that does not exist yet (or a stopped migration's)."
        error={attempted && location.trim() === '' ? 'Choose where the new repository goes.' : undefined}
      >
        <input
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          aria-label="New repository folder"
        />
      </Field>
      <Field label="Name in Borgdesk">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Encryption (borg 2)">
        <select value={encryption} onChange={(e) => setEncryption(e.target.value)}>
          {modes.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </Field>
      {needsOld ? (
        <Field label={`Passphrase of ${repo.name}`} error={attempted ? oldProblem : undefined}>
          <input
            type="password"
            value={oldPassphrase}
            autoComplete="current-password"
            onChange={(e) => setOldPassphrase(e.target.value)}
          />
        </Field>
      ) : null}
      {none ? null : (
        <div role="radiogroup" aria-label="Passphrase of the new repository">
          <label>
            <input type="radio" checked={same} onChange={() => setSame(true)} /> Same passphrase as{' '}
            {repo.name}
          </label>
          <label>
            <input type="radio" checked={!same} onChange={() => setSame(false)} /> A new passphrase
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
  const fresh = useReposStore((s) => s.repos.find((r) => r.location === location));
  // Select the list itself: a filtered copy would be a new value on every render (zustand loops).
  const allPlans = usePlansStore((s) => s.plans);
  const plans = allPlans.filter((p) => p.targets.some((t) => t.repoId === oldRepo.id));
  const selectRepository = useAppStore((s) => s.selectRepository);
  const [moved, setMoved] = useState<number>();
  const move = useAction('plans:move-to-repository', {
    fallback: 'The plans could not be moved.',
    onSuccess: (r) => setMoved(r.moved),
  });
  return (
    <div className="migration-done">
      <p className="callout-title">Every archive is in {fresh?.name ?? location}.</p>
      <p>{oldRepo.name} is unchanged. Keep it until you have checked the new repository.</p>
      {move.error ? <ErrorMessage error={move.error} /> : null}
      {moved !== undefined ? (
        <p>{moved === 1 ? 'One plan now backs up' : `${moved} plans now back up`} to the new repository.</p>
      ) : plans.length > 0 && fresh ? (
        <Button busy={move.pending} onClick={() => move.run({ fromRepoId: oldRepo.id, toRepoId: fresh.id })}>
          {plans.length === 1 ? `Point plan “${plans[0]?.name}” at it` : `Point ${plans.length} plans at it`}
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
          Open {fresh.name}
        </Button>
      ) : null}
    </div>
  );
}
