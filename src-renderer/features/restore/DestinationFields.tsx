/**
 * Where a restore writes: a new folder inside a chosen parent (the default, named so it never
 * collides), or, as a separate explicit choice, the original location with a clear warning. Plus
 * "Strip leading folders" with a live example of where one selected item lands.
 */
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { FolderPicker } from '../folders/FolderPicker.js';
import { commonFolderDepth, landingPath, lostByStrip } from './restore-plan.js';
import styles from './restore.module.css';

/** The destination choice. */
export type DestinationMode = 'new-folder' | 'original';

/** Props of {@link DestinationFields}. */
export interface DestinationFieldsProps {
  readonly mode: DestinationMode;
  readonly onMode: (mode: DestinationMode) => void;
  readonly parent: string;
  readonly onParent: (parent: string) => void;
  /** The folder the restore writes into (predicted, or exact once previewed). */
  readonly targetDir: string;
  readonly targetExact: boolean;
  readonly strip: number;
  readonly onStrip: (strip: number) => void;
  /** Selected archive paths (empty: whole archive). */
  readonly paths: readonly string[];
  /** An archive path to use for the example when nothing was selected. */
  readonly examplePath?: string;
  readonly parentError?: string;
}

/** The destination part of the restore dialog. */
export function DestinationFields(props: DestinationFieldsProps) {
  const { t } = useTranslation('restore');
  const { mode, parent, strip, paths } = props;
  const id = useId();
  const [picking, setPicking] = useState(false);
  const example = paths[0] ?? props.examplePath;
  const landing = example !== undefined ? landingPath(props.targetDir, example, strip) : undefined;
  const suggested = commonFolderDepth(paths);
  const lost = lostByStrip(paths, strip);

  return (
    <fieldset className={`field ${styles.restoreDestination}`}>
      <legend className="field-label">{t('destination.legend')}</legend>
      <label className={mode === 'new-folder' ? `${styles.choice} active` : styles.choice}>
        <input
          type="radio"
          name={`${id}-mode`}
          checked={mode === 'new-folder'}
          onChange={() => props.onMode('new-folder')}
        />
        <span>
          <strong>{t('destination.newFolder')}</strong>
          <span className="muted">{t('destination.newFolderHint')}</span>
        </span>
      </label>
      {mode === 'new-folder' ? (
        <div className={styles.choiceBody}>
          <div className="field-row">
            <label className="visually-hidden" htmlFor={`${id}-parent`}>
              {t('destination.parentFolder')}
            </label>
            <input
              id={`${id}-parent`}
              value={parent}
              spellCheck={false}
              aria-invalid={props.parentError ? true : undefined}
              onChange={(e) => props.onParent(e.target.value)}
            />
            <Button icon="folder" onClick={() => setPicking(true)}>
              {t('destination.choose')}
            </Button>
          </div>
          {props.parentError ? <p className="field-error">{props.parentError}</p> : null}
          <p className={styles.newFolderName}>
            <Icon name="plus" size={14} />
            <span>
              {props.targetExact ? t('destination.createsExactly') : t('destination.creates')}{' '}
              <code translate="no">{props.targetDir}</code>
            </span>
          </p>
        </div>
      ) : null}
      <label className={mode === 'original' ? `${styles.choice} active` : styles.choice}>
        <input
          type="radio"
          name={`${id}-mode`}
          checked={mode === 'original'}
          onChange={() => props.onMode('original')}
        />
        <span>
          <strong>{t('destination.original')}</strong>
          <span className="muted">{t('destination.originalHint')}</span>
        </span>
      </label>
      {mode === 'original' ? (
        <div className={`${styles.choiceBody} callout callout-compact`} role="note">
          <Icon name="alert" size={16} />
          <p>
            {example ? (
              <Trans
                t={t}
                i18nKey="destination.originalNoteExample"
                values={{ example }}
                components={{ code: <code translate="no" /> }}
              />
            ) : (
              t('destination.originalNote')
            )}
          </p>
        </div>
      ) : (
        <div className={styles.stripField}>
          <label className="field-label" htmlFor={`${id}-strip`}>
            {t('destination.strip')}
          </label>
          <div className="field-row">
            <input
              id={`${id}-strip`}
              type="number"
              min={0}
              max={64}
              value={strip}
              onChange={(e) =>
                props.onStrip(Math.max(0, Math.min(64, Math.floor(Number(e.target.value) || 0))))
              }
            />
            {suggested > 0 && strip !== suggested ? (
              <Button size="small" onClick={() => props.onStrip(suggested)}>
                {t('destination.dropFolders', { count: suggested })}
              </Button>
            ) : null}
          </div>
          {example !== undefined ? (
            <div className={styles.stripExample} aria-live="polite">
              <span className={styles.stripExampleLabel}>{t('destination.forExample')}</span>
              <code translate="no">{example}</code>
              <span className={styles.stripExampleLabel}>{t('destination.landsAt')}</span>
              {landing !== undefined ? (
                <code translate="no">{landing}</code>
              ) : (
                <span className="field-error">{t('destination.leftOut')}</span>
              )}
            </div>
          ) : null}
          {lost.length > 0 ? (
            <p className="field-error">
              {lost.length === 1 ? (
                <Trans
                  t={t}
                  i18nKey="destination.lostOne"
                  values={{ name: lost[0] ?? '' }}
                  components={{ code: <span translate="no" /> }}
                />
              ) : (
                t('destination.lostMany', { count: lost.length, formatted: formatCount(lost.length) })
              )}
            </p>
          ) : null}
        </div>
      )}
      {picking ? (
        <FolderPicker
          title={t('destination.pickTitle')}
          multiple={false}
          startPath={parent || undefined}
          onPick={(picked) => {
            if (picked[0]) props.onParent(picked[0]);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </fieldset>
  );
}
