/**
 * The folders a backup reads: a list with Remove buttons, "Add folders…" through the folder picker,
 * and a field to type a path directly (handy for power users and for paths the picker hides).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { tildify } from '../../lib/paths.js';
import { FolderPicker } from '../folders/FolderPicker.js';
import styles from './jobs.module.css';

/** Props of {@link SourceList}. */
export interface SourceListProps {
  readonly paths: readonly string[];
  readonly homeDir?: string;
  readonly onChange: (paths: string[]) => void;
  readonly error?: string;
}

/** Edits the list of source folders. */
export function SourceList({ paths, homeDir, onChange, error }: SourceListProps) {
  const { t } = useTranslation('jobs');
  const pathInputId = useId();
  const [picking, setPicking] = useState(false);
  const [typed, setTyped] = useState('');
  const add = (more: readonly string[]): void => {
    const next = [...paths];
    for (const path of more.map((p) => p.trim()).filter(Boolean)) if (!next.includes(path)) next.push(path);
    onChange(next);
  };
  const addTyped = (): void => {
    add([typed]);
    setTyped('');
  };

  return (
    <fieldset className={error ? `field ${styles.sources} field-invalid` : `field ${styles.sources}`}>
      <legend className="field-label">{t('sources.legend')}</legend>
      {paths.length > 0 ? (
        <ul className={`boxed-list ${styles.sourceList}`} aria-label={t('sources.legend')}>
          {paths.map((path) => (
            <li key={path}>
              <Icon name="folder" />
              <span className={styles.sourcePath} title={path} translate="no">
                {tildify(path, homeDir)}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('sources.remove', { path })}
                onClick={() => onChange(paths.filter((p) => p !== path))}
              >
                <Icon name="x" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.sourceEmpty}>{t('sources.empty')}</p>
      )}
      <div className={styles.sourceAdd}>
        <Button icon="plus" size="small" onClick={() => setPicking(true)}>
          {t('sources.addFolders')}
        </Button>
        <span className="muted">{t('sources.or')}</span>
        <label className="visually-hidden" htmlFor={pathInputId}>
          {t('sources.pathLabel')}
        </label>
        <input
          id={pathInputId}
          placeholder={t('sources.pathPlaceholder')}
          value={typed}
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTyped();
            }
          }}
        />
        <Button size="small" onClick={addTyped} disabled={typed.trim() === ''}>
          {t('sources.addPath')}
        </Button>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      {picking ? (
        <FolderPicker
          title={t('sources.pickTitle')}
          multiple
          startPath={homeDir}
          onPick={add}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </fieldset>
  );
}
