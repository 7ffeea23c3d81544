/**
 * "Why did it grow?": what an archive holds more than the previous archive of its plan, from both
 * archives' contents indexes (archives:growth). A headline with the net change, then the folders
 * that carry the growth (click one to look inside it) and the most grown files.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatCount, formatDateTime } from '../../lib/format.js';
import { useRequest } from '../../lib/use-request.js';
import { GrowthFiles, GrowthFolders } from './GrowthTables.js';
import { comparedWith, folderSteps, signedBytes, summaryText } from './growth-view.js';
import sharedStyles from './archives.module.css';
import styles from './GrowthDialog.module.css';

/** Props of {@link GrowthDialog}. */
export interface GrowthDialogProps {
  readonly repoId: string;
  readonly archiveName: string;
  /** The archive's id: what tells borg 2's archives of one name apart. */
  readonly archiveId?: string;
  readonly onClose: () => void;
}

/** The growth dialog of one archive. */
export function GrowthDialog({ repoId, archiveName, archiveId, onClose }: GrowthDialogProps) {
  const { t } = useTranslation(['archives', 'common']);
  const [folder, setFolder] = useState('');
  const { data: report, error } = useRequest(
    'archives:growth',
    {
      repoId,
      archiveName,
      ...(archiveId === undefined ? {} : { archiveId }),
      ...(folder === '' ? {} : { folder }),
    },
    { fallback: t('growth.couldNotCompare') },
  );
  // A reply for another folder stays on screen while the next one loads; it is not shown as this one.
  const current = report?.folder === folder ? report : undefined;

  return (
    <Dialog
      title={t('growth.title')}
      description={
        <strong className="archive-name" translate="no">
          {archiveName}
        </strong>
      }
      onClose={onClose}
      size="large"
      footer={
        <>
          <p className="footer-note">{t('growth.footer')}</p>
          <Button variant="primary" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      {!current && !error ? (
        <p className={sharedStyles.indexingNote} role="status">
          <span className="spinner" aria-hidden="true" />
          {t('growth.comparing')}
        </p>
      ) : null}
      {current ? (
        <>
          <p className={styles.headline} aria-label={t('growth.headlineLabel')}>
            {signedBytes(current.totals.netBytes)}{' '}
            <span className={styles.headlineSince}>{comparedWith(current, formatDateTime)}</span>
          </p>
          <p className={styles.summary}>{summaryText(current.totals)}</p>
          <Crumbs folder={folder} onOpen={setFolder} />
          {current.folders.length === 0 && current.files.length === 0 ? (
            <EmptyState icon="archive" title={t('growth.nothingGrew')} compact>
              {folder === '' ? t('growth.noneInArchive') : t('growth.noneInFolder')}
            </EmptyState>
          ) : null}
          {current.folders.length > 0 ? (
            <>
              <h3 className={styles.sectionTitle}>
                {current.foldersTruncated
                  ? t('growth.foldersMost', { shown: formatCount(current.folders.length) })
                  : t('growth.folders')}
              </h3>
              <div className="table-wrap">
                <GrowthFolders folders={current.folders} within={folder} onOpen={setFolder} />
              </div>
            </>
          ) : null}
          {current.files.length > 0 ? (
            <>
              <h3 className={styles.sectionTitle}>
                {current.filesTruncated
                  ? t('growth.filesMost', { shown: formatCount(current.files.length) })
                  : t('growth.files')}
              </h3>
              <div className="table-wrap">
                <GrowthFiles files={current.files} within={folder} />
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}

// Whole archive › home › you: where the report looks, each step a way back.
function Crumbs({ folder, onOpen }: { readonly folder: string; readonly onOpen: (path: string) => void }) {
  const { t } = useTranslation('archives');
  if (folder === '') return null;
  const steps = [{ name: t('growth.wholeArchive'), path: '' }, ...folderSteps(folder)];
  return (
    <nav className={styles.crumbs} aria-label={t('growth.crumbsLabel')}>
      {steps.map((step, i) => (
        <span key={step.path}>
          {i > 0 ? <span className="muted"> / </span> : null}
          <button
            type="button"
            className={`plain-button ${styles.crumb}`}
            aria-current={step.path === folder ? 'page' : undefined}
            onClick={() => onOpen(step.path)}
          >
            {step.path === '' ? step.name : <span translate="no">{step.name}</span>}
          </button>
        </span>
      ))}
    </nav>
  );
}
