/**
 * What a restore takes: "2 items from archive X" with the first paths, or the whole archive, said
 * plainly so nobody restores everything by accident.
 */
import { Trans, useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.js';
import styles from './restore.module.css';

/** Props of {@link SelectionSummary}. */
export interface SelectionSummaryProps {
  readonly archiveName: string;
  readonly paths: readonly string[];
}

const SHOWN = 3;

/** A one-to-two-line description of the restore's source. */
export function SelectionSummary({ archiveName, paths }: SelectionSummaryProps) {
  const { t } = useTranslation('restore');
  const code = <code translate="no" />;
  if (paths.length === 0) {
    return (
      <Trans
        t={t}
        i18nKey="selection.wholeArchive"
        values={{ archive: archiveName }}
        components={{ strong: <strong />, code }}
      />
    );
  }
  const shown = paths.slice(0, SHOWN);
  return (
    <>
      <Trans
        t={t}
        i18nKey="selection.items"
        count={paths.length}
        values={{ formatted: formatCount(paths.length), archive: archiveName }}
        components={{ code }}
      />{' '}
      {shown.map((path, index) => (
        <span key={path}>
          {index > 0 ? ', ' : ''}
          <code className={styles.sourceChip} title={path} translate="no">
            {path.slice(path.lastIndexOf('/') + 1)}
          </code>
        </span>
      ))}
      {paths.length > SHOWN ? t('selection.more', { formatted: formatCount(paths.length - SHOWN) }) : ''}
    </>
  );
}
