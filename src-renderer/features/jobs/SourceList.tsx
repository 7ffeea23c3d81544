/**
 * The folders a backup reads: a list with Remove buttons, "Add folders…" through the folder picker,
 * and a field to type a path directly (handy for power users and for paths the picker hides).
 */
import { useId, useState } from 'react';
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
      <legend className="field-label">Source folders</legend>
      {paths.length > 0 ? (
        <ul className={`boxed-list ${styles.sourceList}`} aria-label="Source folders">
          {paths.map((path) => (
            <li key={path}>
              <Icon name="folder" />
              <span className={styles.sourcePath} title={path}>
                {tildify(path, homeDir)}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${path}`}
                onClick={() => onChange(paths.filter((p) => p !== path))}
              >
                <Icon name="x" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.sourceEmpty}>No folders yet. Add at least one folder to back up.</p>
      )}
      <div className={styles.sourceAdd}>
        <Button icon="plus" size="small" onClick={() => setPicking(true)}>
          Add folders…
        </Button>
        <span className="muted">or</span>
        <label className="visually-hidden" htmlFor={pathInputId}>
          Folder path
        </label>
        <input
          id={pathInputId}
          placeholder="Type a path, e.g. /home/you/Documents"
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
          Add path
        </Button>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      {picking ? (
        <FolderPicker
          title="Choose folders to back up"
          multiple
          startPath={homeDir}
          onPick={add}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </fieldset>
  );
}
