/**
 * What a restore takes: "2 items from archive X" with the first paths, or the whole archive, said
 * plainly so nobody restores everything by accident.
 */
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
  if (paths.length === 0) {
    return (
      <>
        The <strong>whole archive</strong> <code>{archiveName}</code> (nothing was selected).
      </>
    );
  }
  const shown = paths.slice(0, SHOWN);
  return (
    <>
      {paths.length === 1 ? '1 item' : `${formatCount(paths.length)} items`} from <code>{archiveName}</code>:{' '}
      {shown.map((path, index) => (
        <span key={path}>
          {index > 0 ? ', ' : ''}
          <code className={styles.sourceChip} title={path}>
            {path.slice(path.lastIndexOf('/') + 1)}
          </code>
        </span>
      ))}
      {paths.length > SHOWN ? ` and ${formatCount(paths.length - SHOWN)} more` : ''}
    </>
  );
}
