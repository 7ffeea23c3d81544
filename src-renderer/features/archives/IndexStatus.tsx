/**
 * How far the archive's contents have been read: "Reading archive… 123,456 items" while borg lists
 * it (folders are usable meanwhile), the item count once ready.
 */
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
  const items = (n: number): string => `${formatCount(n)} ${n === 1 ? 'item' : 'items'}`;
  if (!state || state.status === 'loading') {
    return (
      <span className={`${sharedStyles.indexStatus} ${sharedStyles.loading}`} role="status">
        <span className="spinner" aria-hidden="true" />
        Reading archive… {state ? items(state.entryCount) : ''}
      </span>
    );
  }
  if (state.status === 'failed') {
    return (
      <span className={`${sharedStyles.indexStatus} ${sharedStyles.failed}`} role="status">
        <Icon name="alert" size={14} />
        Could not read the archive
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
