/**
 * Restore: choose where (a new folder by default, or explicitly the original location), optionally
 * strip leading folders, preview what lands where and what already exists, then restore. Existing
 * files are never overwritten silently: with conflicts the user picks Skip or Overwrite. The dialog
 * then follows the job to its result; closing it lets the restore continue in the background.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreRequest } from '../../../src-main/model/restore.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { joinPath } from '../../lib/paths.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { isFinal } from '../../stores/job-events.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { DestinationFields, type DestinationMode } from './DestinationFields.js';
import { PreviewPanel } from './PreviewPanel.js';
import { RestoreFooter, type RestoreStep } from './RestoreFooter.js';
import { rememberParent, rememberedParent } from './restore-memory.js';
import { restoreFolderName } from './restore-plan.js';
import { RestoreOutcome } from './RestoreOutcome.js';
import { RestoreProgress } from './RestoreProgress.js';
import { SelectionSummary } from './SelectionSummary.js';

/** Props of {@link RestoreDialog}. */
export interface RestoreDialogProps {
  readonly repoId: string;
  readonly archiveName: string;
  /** The archive's id: what tells borg 2's archives of one name apart. */
  readonly archiveId?: string | undefined;
  /** Archive paths to restore; empty: the whole archive. */
  readonly paths: readonly string[];
}

/** The restore dialog. */
export function RestoreDialog({ repoId, archiveName, archiveId, paths }: RestoreDialogProps) {
  const { t } = useTranslation('restore');
  const closeDialog = useAppStore((s) => s.closeDialog);
  const homeDir = useAppStore((s) => s.status?.homeDir);
  const startRestore = useJobsStore((s) => s.startRestore);
  const dismissJob = useJobsStore((s) => s.dismissJob);
  const [mode, setMode] = useState<DestinationMode>('new-folder');
  const [parent, setParent] = useState(() => rememberedParent() ?? homeDir ?? '');
  const [strip, setStrip] = useState(0);
  const previewAction = useAction('restore:preview', { fallback: t('dialog.previewFailed') });
  const { data: preview, pending: previewing } = previewAction;
  const [starting, setStarting] = useState<'skip' | 'overwrite'>();
  const [error, setError] = useState<ErrorInfo>();
  const [jobId, setJobId] = useState<string>();
  const job = useJobsStore((s) => (jobId ? s.jobs[jobId] : undefined));

  const parentError = mode === 'new-folder' && parent.trim() === '' ? t('dialog.chooseFolder') : undefined;
  const request: RestoreRequest = {
    repoId,
    archiveName,
    ...(archiveId === undefined ? {} : { archiveId }),
    paths: [...paths],
    destination: mode === 'original' ? { mode: 'original' } : { mode: 'new-folder', parent: parent.trim() },
    stripComponents: mode === 'original' ? 0 : strip,
  };
  // Any change to the destination makes an earlier preview wrong.
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T): void => {
      set(value);
      previewAction.reset();
      setError(undefined);
    };

  const runPreview = (): void => {
    if (parentError) return;
    setError(undefined);
    previewAction.run(request);
  };

  const start = (onConflict: 'skip' | 'overwrite'): void => {
    setStarting(onConflict);
    setError(undefined);
    if (mode === 'new-folder') rememberParent(parent.trim());
    startRestore({ ...request, onConflict }).then(setJobId, (e: unknown) => {
      setStarting(undefined);
      setError(toErrorInfo(e, t('dialog.startFailed')));
    });
  };

  const close = (): void => {
    // The dialog showed the result; the card under the browser need not repeat it.
    if (job && isFinal(job.status)) dismissJob(job.id);
    closeDialog();
  };

  const shownError = error ?? previewAction.error;
  const targetDir =
    preview?.targetDir ??
    (mode === 'original' ? '/' : joinPath(parent.trim() || '…', restoreFolderName(archiveName, new Date())));

  const step: RestoreStep = jobId
    ? { kind: 'job', running: job !== undefined && !isFinal(job.status) }
    : preview
      ? { kind: 'ready', conflicts: preview.conflictCount, starting }
      : { kind: 'setup', previewing, blocked: parentError !== undefined };

  return (
    <Dialog
      title={t('dialog.title')}
      description={<SelectionSummary archiveName={archiveName} paths={paths} />}
      onClose={close}
      size="large"
      footer={<RestoreFooter step={step} onClose={close} onPreview={runPreview} onStart={start} />}
    >
      {shownError ? <ErrorMessage error={shownError} /> : null}
      {jobId ? (
        job && isFinal(job.status) ? (
          <RestoreOutcome job={job} onShowLog={close} />
        ) : job ? (
          <RestoreProgress job={job} />
        ) : (
          <p className="muted">{t('dialog.starting')}</p>
        )
      ) : (
        <>
          <DestinationFields
            mode={mode}
            onMode={change(setMode)}
            parent={parent}
            onParent={change(setParent)}
            targetDir={targetDir}
            targetExact={preview !== undefined}
            strip={strip}
            onStrip={change(setStrip)}
            paths={paths}
            examplePath={preview?.items[0]?.archivePath}
            parentError={parentError}
          />
          {preview ? <PreviewPanel preview={preview} newFolder={mode === 'new-folder'} /> : null}
        </>
      )}
    </Dialog>
  );
}
