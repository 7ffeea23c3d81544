/**
 * The restore preview: the exact target folder, how many files and bytes, where a sample of items
 * lands, and the conflicts — files that already exist where the restore would write.
 */
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
  const conflicts = preview.conflictCount;
  return (
    <section className={styles.restorePreview} aria-label="Restore preview">
      <dl className="counters">
        <Counter label="Files">{formatCount(preview.fileCount)}</Counter>
        <Counter label="Total size">
          <ByteSize bytes={preview.totalBytes} />
        </Counter>
        <div className={conflicts > 0 ? `counter ${styles.counterWarn}` : 'counter'}>
          <dt>Already exist</dt>
          <dd>{formatCount(conflicts)}</dd>
        </div>
      </dl>
      {newFolder ? null : (
        <p className={styles.restoreTarget}>
          <span className={styles.restoreTargetLabel}>Original locations, under</span>
          <code title={preview.targetDir}>{preview.targetDir}</code>
          <CopyButton text={preview.targetDir} label="Copy target path" />
        </p>
      )}
      {conflicts > 0 ? (
        <div className={`callout ${styles.conflictCallout}`} role="alert">
          <Icon name="alert" size={18} />
          <div>
            <p className="callout-title">
              {conflicts === 1 ? '1 item already exists' : `${formatCount(conflicts)} items already exist`} at
              the destination
            </p>
            <ul className={styles.pathList}>
              {preview.conflictExamples.map((path) => (
                <li key={path}>
                  <code>{path}</code>
                </li>
              ))}
            </ul>
            {conflicts > preview.conflictExamples.length ? (
              <p className="muted">and {formatCount(conflicts - preview.conflictExamples.length)} more</p>
            ) : null}
            <p>
              <strong>Skip existing files</strong> keeps what is there now;{' '}
              <strong>Overwrite existing files</strong> replaces them with the archive’s version.
            </p>
          </div>
        </div>
      ) : (
        <p className={styles.previewOk}>
          <Icon name="check" size={16} />
          {newFolder
            ? 'The folder is new, so nothing that exists is touched.'
            : 'Nothing that exists at the destination will be replaced.'}
        </p>
      )}
      {preview.ambiguousCount ? (
        <p className="result-note" role="note">
          {preview.ambiguousCount === 1
            ? '1 item has a name'
            : `${formatCount(preview.ambiguousCount)} items have names`}{' '}
          that borg shows the same way as another item’s (a “?” stands for a character that is not valid
          UTF-8). They are restored together with their folder, each under its real name.
        </p>
      ) : null}
      {preview.items.length > 0 ? (
        <details className={styles.landing}>
          <summary>Where items land</summary>
          <ul className={styles.landingList}>
            {preview.items.slice(0, SAMPLE_ROWS).map((item) => (
              <li key={item.archivePath}>
                <code className={styles.landingFrom}>{item.archivePath}</code>
                <Icon name="chevronRight" size={12} />
                <code className="landing-to">{item.targetPath}</code>
              </li>
            ))}
          </ul>
          {preview.items.length > SAMPLE_ROWS || preview.fileCount > preview.items.length ? (
            <p className="muted">
              The first {formatCount(Math.min(SAMPLE_ROWS, preview.items.length))} items are shown.
            </p>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
