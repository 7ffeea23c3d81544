/**
 * The browser's action bar: what is selected (with Clear) and "Restore…", which restores the
 * selection, or the whole archive when nothing is selected, and says which.
 */
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { describeSelection, isEverything, type Selection } from './selection.js';
import styles from './SelectionBar.module.css';

/** Props of {@link SelectionBar}. */
export interface SelectionBarProps {
  readonly selection: Selection;
  readonly onClear: () => void;
  readonly onRestore: () => void;
}

/** The bottom bar of the archive browser. */
export function SelectionBar({ selection, onClear, onRestore }: SelectionBarProps) {
  const { t } = useTranslation('archives');
  const none = selection.size === 0;
  return (
    <div className={styles.selectionBar}>
      <p className={styles.selectionSummary} role="status">
        {none ? (
          <span className="muted">
            <Trans t={t} i18nKey="selectionBar.nothing" components={{ strong: <strong /> }} />
          </span>
        ) : (
          <>
            <strong>{describeSelection(selection)}</strong>
            {isEverything(selection) ? <span className="muted"> {t('selectionBar.whole')}</span> : null}
          </>
        )}
      </p>
      {none ? null : (
        <Button size="small" variant="ghost" onClick={onClear}>
          {t('selectionBar.clear')}
        </Button>
      )}
      <Button variant="primary" icon="download" onClick={onRestore}>
        {t('selectionBar.restore')}
      </Button>
    </div>
  );
}
