/**
 * "Back up now": choose what to back up and how, then start. Starts from the options used last time
 * for this repository (or sensible defaults), so a repeat backup is Back up now → Start backup.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compression } from '../../../src-main/model/compression.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { loadPreset, parsePatterns, savePreset } from '../../lib/backup-presets.js';
import { compressionChoices, hintFor } from '../../lib/choices.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { defaultExcludePatterns } from '../../lib/paths.js';
import { useAppStore } from '../../stores/app-store.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { SourceList } from './SourceList.js';
import { ChoiceSelect } from '../../components/ChoiceSelect.js';
import styles from './jobs.module.css';

/** Props of {@link BackupDialog}. */
export interface BackupDialogProps {
  readonly repoId: string;
}

/** The backup options dialog. */
export function BackupDialog({ repoId }: BackupDialogProps) {
  const { t } = useTranslation(['jobs', 'common']);
  const status = useAppStore((s) => s.status);
  const settings = useAppStore((s) => s.settings);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const repo = useReposStore((s) => s.repos.find((r) => r.id === repoId));
  const startBackup = useJobsStore((s) => s.startBackup);

  const [initial] = useState(() => loadPreset(repoId));
  const [sources, setSources] = useState<readonly string[]>(
    initial?.sourcePaths ?? status?.defaults.sourcePaths ?? [],
  );
  const [archiveName, setArchiveName] = useState(status?.defaults.archiveNameTemplate ?? '{hostname}-{now}');
  const [compression, setCompression] = useState<Compression>(
    initial?.compression ?? settings?.defaultCompression ?? 'lz4',
  );
  const [excludeCaches, setExcludeCaches] = useState(initial?.excludeCaches ?? true);
  const [patterns, setPatterns] = useState(
    (
      initial?.excludePatterns ?? (status ? defaultExcludePatterns(status.homeDir, status.platform) : [])
    ).join('\n'),
  );
  const [attempted, setAttempted] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<ErrorInfo>();

  const sourceError = sources.length === 0 ? t('backupDialog.noSources') : undefined;
  const nameError = archiveName.trim() === '' ? t('backupDialog.noName') : undefined;

  const start = (): void => {
    setAttempted(true);
    if (sourceError || nameError || starting) return;
    const excludePatterns = parsePatterns(patterns);
    setStarting(true);
    setError(undefined);
    startBackup({
      repoId,
      sourcePaths: [...sources],
      archiveName: archiveName.trim(),
      compression,
      excludeCaches,
      excludePatterns,
    }).then(
      () => {
        savePreset(repoId, { sourcePaths: sources, compression, excludeCaches, excludePatterns });
        closeDialog();
      },
      (e: unknown) => {
        setStarting(false);
        setError(toErrorInfo(e, t('backupDialog.startFailed')));
      },
    );
  };

  return (
    <Dialog
      title={t('backupDialog.title')}
      description={repo ? t('backupDialog.description', { name: repo.name }) : undefined}
      onClose={closeDialog}
      onSubmit={start}
      busy={starting}
      footer={
        <>
          <Button onClick={closeDialog} disabled={starting}>
            {t('common:actions.close')}
          </Button>
          <Button type="submit" variant="primary" icon="upload" busy={starting} data-autofocus>
            {t('backupDialog.start')}
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      <SourceList
        paths={sources}
        homeDir={status?.homeDir}
        onChange={setSources}
        error={attempted ? sourceError : undefined}
      />
      <div className={styles.fieldGrid}>
        <Field
          label={t('backupDialog.archiveName')}
          error={attempted ? nameError : undefined}
          hint={t('backupDialog.archiveNameHint')}
        >
          <input value={archiveName} spellCheck={false} onChange={(e) => setArchiveName(e.target.value)} />
        </Field>
        <Field label={t('backupDialog.compression')} hint={hintFor(compressionChoices(), compression)}>
          <ChoiceSelect choices={compressionChoices()} value={compression} onChange={setCompression} />
        </Field>
      </div>
      <label className={styles.checkRow}>
        <input type="checkbox" checked={excludeCaches} onChange={(e) => setExcludeCaches(e.target.checked)} />
        <span>
          <strong>{t('backupDialog.excludeCaches')}</strong>
          <span className="muted">{t('backupDialog.excludeCachesHint')}</span>
        </span>
      </label>
      <Field label={t('backupDialog.excludePatterns')} hint={t('backupDialog.excludePatternsHint')}>
        <textarea
          rows={3}
          value={patterns}
          spellCheck={false}
          onChange={(e) => setPatterns(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
