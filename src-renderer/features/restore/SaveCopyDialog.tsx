/**
 * "Save a copy as…": one file from an archive written to a folder and name of the user's choice.
 * The core refuses to replace an existing file, so this can never overwrite anything.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { joinPath } from '../../lib/paths.js';
import { useAppStore } from '../../stores/app-store.js';
import { isFinal } from '../../stores/job-events.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { FolderPicker } from '../folders/FolderPicker.js';
import { OpenFolderButton } from './OpenFolderButton.js';
import { rememberParent, rememberedParent } from './restore-memory.js';
import { RestoreProgress } from './RestoreProgress.js';
import styles from './restore.module.css';

/** Props of {@link SaveCopyDialog}. */
export interface SaveCopyDialogProps {
  readonly repoId: string;
  readonly archiveName: string;
  /** The archive's id: what tells borg 2's archives of one name apart. */
  readonly archiveId?: string | undefined;
  readonly path: string;
}

/** The save-a-copy dialog. */
export function SaveCopyDialog({ repoId, archiveName, archiveId, path }: SaveCopyDialogProps) {
  const { t } = useTranslation(['restore', 'common']);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const homeDir = useAppStore((s) => s.status?.homeDir);
  const saveCopy = useJobsStore((s) => s.saveCopy);
  const dismissJob = useJobsStore((s) => s.dismissJob);
  const [folder, setFolder] = useState(() => rememberedParent() ?? homeDir ?? '');
  const [name, setName] = useState(() => path.slice(path.lastIndexOf('/') + 1));
  const [picking, setPicking] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const [jobId, setJobId] = useState<string>();
  const job = useJobsStore((s) => (jobId ? s.jobs[jobId] : undefined));

  const folderError = folder.trim() === '' ? t('saveCopy.chooseFolder') : undefined;
  const nameError =
    name.trim() === '' ? t('saveCopy.noName') : /[/\\]/.test(name) ? t('saveCopy.badName') : undefined;
  const targetPath = joinPath(folder.trim() || '…', name.trim());

  const save = (): void => {
    setAttempted(true);
    if (folderError || nameError || starting || jobId) return;
    setStarting(true);
    setError(undefined);
    rememberParent(folder.trim());
    saveCopy({
      repoId,
      archiveName,
      ...(archiveId === undefined ? {} : { archiveId }),
      path,
      targetPath,
    }).then(setJobId, (e: unknown) => {
      setStarting(false);
      setError(toErrorInfo(e, t('saveCopy.saveFailed')));
    });
  };
  const close = (): void => {
    if (job && isFinal(job.status)) dismissJob(job.id);
    closeDialog();
  };
  const done = job !== undefined && isFinal(job.status);

  return (
    <Dialog
      title={t('saveCopy.title')}
      description={
        <Trans
          t={t}
          i18nKey="saveCopy.description"
          values={{ path, archive: archiveName }}
          components={{ path: <code translate="no" />, archive: <code translate="no" /> }}
        />
      }
      onClose={close}
      onSubmit={save}
      footer={
        <>
          <Button onClick={close}>{t('common:actions.close')}</Button>
          {jobId ? null : (
            <Button type="submit" variant="primary" icon="save" busy={starting}>
              {t('saveCopy.save')}
            </Button>
          )}
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      {!jobId ? (
        <>
          <Field
            label={t('saveCopy.folder')}
            error={attempted ? folderError : undefined}
            addon={
              <Button icon="folder" onClick={() => setPicking(true)}>
                {t('destination.choose')}
              </Button>
            }
          >
            <input value={folder} spellCheck={false} onChange={(e) => setFolder(e.target.value)} />
          </Field>
          <Field label={t('saveCopy.fileName')} error={attempted ? nameError : undefined}>
            <input value={name} spellCheck={false} onChange={(e) => setName(e.target.value)} data-autofocus />
          </Field>
          <p className={styles.newFolderName}>
            <Icon name="save" size={14} />
            <span>
              <Trans
                t={t}
                i18nKey="saveCopy.savesTo"
                values={{ path: targetPath }}
                components={{ code: <code translate="no" /> }}
              />
            </span>
          </p>
        </>
      ) : !job ? (
        <p className="muted">{t('progress.starting')}</p>
      ) : !done ? (
        <RestoreProgress job={job} />
      ) : job.status === 'succeeded' || job.status === 'warning' ? (
        <div className={styles.saveDone} role="status">
          <p className={styles.previewOk}>
            <Icon name="check" size={16} />{' '}
            <Trans
              t={t}
              i18nKey="saveCopy.saved"
              values={{ path: targetPath }}
              components={{ code: <code translate="no" /> }}
            />
          </p>
          <div className={styles.restoreTarget}>
            <CopyButton text={targetPath} label={t('saveCopy.copyPath')} />
            <OpenFolderButton path={folder.trim()} size="small" />
          </div>
        </div>
      ) : (
        <ErrorMessage
          error={
            job.error ?? {
              message: job.status === 'cancelled' ? t('saveCopy.cancelled') : t('saveCopy.failed'),
            }
          }
          title={t('saveCopy.notSaved')}
        />
      )}
      {picking ? (
        <FolderPicker
          title={t('saveCopy.pickTitle')}
          multiple={false}
          startPath={folder || undefined}
          onPick={(picked) => {
            if (picked[0]) setFolder(picked[0]);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </Dialog>
  );
}
