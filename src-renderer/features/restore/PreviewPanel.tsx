/**
 * The restore preview: the exact target folder, how many files and bytes, where a sample of items
 * lands, and the conflicts — files that already exist where the restore would write.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { RestorePreview } from '../../../src-main/model/restore.js';
import { ByteSize } from '../../components/ByteSize.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { Counter } from '../../components/Counter.js';
import styles from './restore.module.css';

/** Props of {@link PreviewPanel}. */
export interface PreviewPanelProps {
  readonly preview: RestorePreview;
  readonly newFolder: boolean;
}

const SAMPLE_ROWS = 50;

/** The preview section of the restore dialog. */
export function PreviewPanel({ preview, newFolder }: PreviewPanelProps) {
  const { t } = useTranslation('restore');
  const conflicts = preview.conflictCount;
  return (
    <section className={styles.restorePreview} aria-label={t('preview.label')}>
      <dl className="counters">
        <Counter label={t('preview.files')}>{formatCount(preview.fileCount)}</Counter>
        <Counter label={t('preview.totalSize')}>
          <ByteSize bytes={preview.totalBytes} />
        </Counter>
        <div className={conflicts > 0 ? `counter ${styles.counterWarn}` : 'counter'}>
          <dt>{t('preview.alreadyExist')}</dt>
          <dd>{formatCount(conflicts)}</dd>
        </div>
      </dl>
      {newFolder ? null : (
        <p className={styles.restoreTarget}>
          <span className={styles.restoreTargetLabel}>{t('preview.originalUnder')}</span>
          <code title={preview.targetDir} translate="no">
            {preview.targetDir}
          </code>
          <CopyButton text={preview.targetDir} label={t('preview.copyTarget')} />
        </p>
      )}
      {conflicts > 0 ? (
        <div className={`callout ${styles.conflictCallout}`} role="alert">
          <Icon name="alert" size={18} />
          <div>
            <p className="callout-title">
              {t('preview.conflicts', { count: conflicts, formatted: formatCount(conflicts) })}
            </p>
            <ul className={styles.pathList}>
              {preview.conflictExamples.map((path) => (
                <li key={path}>
                  <code translate="no">{path}</code>
                </li>
              ))}
            </ul>
            {conflicts > preview.conflictExamples.length ? (
              <p className="muted">
                {t('preview.more', { formatted: formatCount(conflicts - preview.conflictExamples.length) })}
              </p>
            ) : null}
            <p>
              <Trans t={t} i18nKey="preview.conflictChoice" components={{ strong: <strong /> }} />
            </p>
          </div>
        </div>
      ) : (
        <p className={styles.previewOk}>
          <Icon name="check" size={16} />
          {newFolder ? t('preview.newFolderOk') : t('preview.originalOk')}
        </p>
      )}
      {preview.ambiguousCount ? (
        <p className="result-note" role="note">
          {t('preview.ambiguous', {
            count: preview.ambiguousCount,
            formatted: formatCount(preview.ambiguousCount),
          })}
        </p>
      ) : null}
      {preview.items.length > 0 ? (
        <details className={styles.landing}>
          <summary>{t('preview.whereItemsLand')}</summary>
          <ul className={styles.landingList}>
            {preview.items.slice(0, SAMPLE_ROWS).map((item) => (
              <li key={item.archivePath}>
                <code className={styles.landingFrom} translate="no">
                  {item.archivePath}
                </code>
                <Icon name="chevronRight" size={12} />
                <code className="landing-to" translate="no">
                  {item.targetPath}
                </code>
              </li>
            ))}
          </ul>
          {preview.items.length > SAMPLE_ROWS || preview.fileCount > preview.items.length ? (
            <p className="muted">
              {t('preview.firstShown', {
                count: Math.min(SAMPLE_ROWS, preview.items.length),
                formatted: formatCount(Math.min(SAMPLE_ROWS, preview.items.length)),
              })}
            </p>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
