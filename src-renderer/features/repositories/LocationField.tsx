/**
 * A repository's Location field: a folder typed or chosen with Browse… (Borgdesk's folder picker),
 * or an ssh:// address. Used where a repository is added and where it is repointed after a move.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { FolderPicker } from '../folders/FolderPicker.js';

/** Props of {@link LocationField}. */
export interface LocationFieldProps {
  readonly value: string;
  readonly onChange: (location: string) => void;
  /** Receives the folder chosen with Browse… (the caller decides what the location becomes). */
  readonly onPicked: (folder: string) => void;
  readonly hint: ReactNode;
  readonly error?: string | undefined;
  readonly placeholder: string;
  readonly pickerTitle: string;
  readonly startPath?: string | undefined;
  readonly disabled?: boolean | undefined;
  /** False for locations no folder picker can name (sftp://, rclone:): no Browse… button. */
  readonly browsable?: boolean | undefined;
}

/** The Location row with its Browse… button and folder picker. */
export function LocationField(props: LocationFieldProps) {
  const { t } = useTranslation(['repositories', 'common']);
  const [picking, setPicking] = useState(false);
  return (
    <>
      <Field
        label={t('location.label')}
        {...(props.error === undefined ? {} : { error: props.error })}
        hint={props.hint}
        addon={
          props.browsable === false ? undefined : (
            <Button onClick={() => setPicking(true)} icon="folder" disabled={props.disabled}>
              {t('common:actions.browse')}
            </Button>
          )
        }
      >
        <input
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          placeholder={props.placeholder}
        />
      </Field>
      {picking ? (
        <FolderPicker
          title={props.pickerTitle}
          multiple={false}
          {...(props.startPath === undefined ? {} : { startPath: props.startPath })}
          onPick={(paths) => {
            const picked = paths[0];
            if (picked) props.onPicked(picked);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </>
  );
}
