/**
 * The "Search in archive" field: a name fragment, or a pattern when it holds * ? or [. Escape clears.
 */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import sharedStyles from './archives.module.css';
import styles from './SearchBox.module.css';

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly label?: string;
  readonly placeholder?: string;
}

/** A search input with a clear button. */
export function SearchBox({ value, onChange, label, placeholder }: SearchBoxProps) {
  const { t } = useTranslation('archives');
  return (
    <div className={sharedStyles.searchBox}>
      <Icon name="search" className={styles.searchBoxIcon} />
      <input
        type="search"
        aria-label={label ?? t('search.label')}
        placeholder={placeholder ?? t('search.placeholder')}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.preventDefault();
            onChange('');
          }
        }}
      />
      {value !== '' ? (
        <button
          type="button"
          className={`icon-button ${styles.searchBoxClear}`}
          aria-label={t('search.clear')}
          onClick={() => onChange('')}
        >
          <Icon name="x" size={14} />
        </button>
      ) : null}
    </div>
  );
}
