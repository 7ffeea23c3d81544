/**
 * How far the archive's contents have been read: "Reading archive… 123,456 items" while borg lists
 * it (folders are usable meanwhile), the item count once ready.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveIndexState } from '../../../src-main/model/archive.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import sharedStyles from './archives.module.css';

/** Props of {@link IndexStatus}. */
export interface IndexStatusProps {
  readonly state: ArchiveIndexState | undefined;
}

/** A one-line index status. */
export function IndexStatus({ state }: IndexStatusProps) {
  const { t } = useTranslation('archives');
  const items = (n: number): string => t('items', { count: n, items: formatCount(n) });
  if (!state || state.status === 'loading') {
    return (
      <span className={`${sharedStyles.indexStatus} ${sharedStyles.loading}`} role="status">
        <span className="spinner" aria-hidden="true" />
        {t('index.reading')} {state ? items(state.entryCount) : ''}
      </span>
    );
  }
  if (state.status === 'failed') {
    return (
      <span className={`${sharedStyles.indexStatus} ${sharedStyles.failed}`} role="status">
        <Icon name="alert" size={14} />
        {t('index.failed')}
      </span>
    );
  }
  return (
    <span className={`${sharedStyles.indexStatus} ${sharedStyles.ready}`} role="status">
      <Icon name="check" size={14} />
      {items(state.entryCount)}
    </span>
  );
}
