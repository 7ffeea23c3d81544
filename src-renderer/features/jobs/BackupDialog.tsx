/**
 * "Back up now": choose what to back up and how, then start. Starts from the options used last time
 * for this repository (or sensible defaults), so a repeat backup is Back up now → Start backup.
 */
import { useState } from 'react';
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

  const sourceError = sources.length === 0 ? 'Add at least one folder.' : undefined;
  const nameError = archiveName.trim() === '' ? 'Give the archive a name.' : undefined;

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
        setError(toErrorInfo(e, 'The backup could not be started.'));
      },
    );
  };

  return (
    <Dialog
      title="Back up now"
      description={repo ? `Create a new archive in “${repo.name}”.` : undefined}
      onClose={closeDialog}
      onSubmit={start}
      busy={starting}
      footer={
        <>
          <Button onClick={closeDialog} disabled={starting}>
            Close
          </Button>
          <Button type="submit" variant="primary" icon="upload" busy={starting} data-autofocus>
            Start backup
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
          label="Archive name"
          error={attempted ? nameError : undefined}
          hint="Borg fills in {hostname} and {now} (date and time) when the backup starts."
        >
          <input value={archiveName} spellCheck={false} onChange={(e) => setArchiveName(e.target.value)} />
        </Field>
        <Field label="Compression" hint={hintFor(compressionChoices(), compression)}>
          <ChoiceSelect choices={compressionChoices()} value={compression} onChange={setCompression} />
        </Field>
      </div>
      <label className={styles.checkRow}>
        <input type="checkbox" checked={excludeCaches} onChange={(e) => setExcludeCaches(e.target.checked)} />
        <span>
          <strong>Exclude caches</strong>
          <span className="muted"> — skip folders marked as caches (CACHEDIR.TAG), e.g. browser caches.</span>
        </span>
      </label>
      <Field
        label="Exclude patterns"
        hint="One per line. A folder path excludes it and everything inside; * and ? are wildcards."
      >
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
