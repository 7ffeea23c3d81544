/**
 * Settings: which borg to use and the default compression. Saving a new borg path re-checks borg.
 */
import { useState } from 'react';
import type { Compression } from '../../../src-main/ipc/contract.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { compressionChoices, hintFor } from '../../lib/choices.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';

/** The settings dialog. */
export function SettingsDialog() {
  const settings = useAppStore((s) => s.settings);
  const status = useAppStore((s) => s.status);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [borgPath, setBorgPath] = useState(settings?.borgPath ?? '');
  const [compression, setCompression] = useState<Compression>(settings?.defaultCompression ?? 'lz4');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();

  const borg = status?.borg;
  const borgLine =
    borg?.state === 'ok'
      ? `Using borg ${borg.version} at ${borg.path}.`
      : borg
        ? 'Borg is not usable right now.'
        : '';

  const save = (): void => {
    setBusy(true);
    setError(undefined);
    const pathChanged = borgPath.trim() !== (settings?.borgPath ?? '');
    updateSettings({ borgPath: borgPath.trim(), defaultCompression: compression })
      .then(() => (pathChanged ? loadStatus() : undefined))
      .then(closeDialog, (e: unknown) => {
        setBusy(false);
        setError(toErrorInfo(e, 'The settings could not be saved.'));
      });
  };

  return (
    <Dialog
      title="Settings"
      onClose={closeDialog}
      onSubmit={save}
      busy={busy}
      footer={
        <>
          <Button onClick={closeDialog} disabled={busy}>
            Close
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            Save
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      <Field label="Path to borg" hint={`Leave empty to search your PATH. ${borgLine}`}>
        <input
          value={borgPath}
          onChange={(e) => setBorgPath(e.target.value)}
          placeholder="borg"
          spellCheck={false}
        />
      </Field>
      <Field label="Default compression" hint={hintFor(compressionChoices, compression)}>
        <select value={compression} onChange={(e) => setCompression(e.target.value as Compression)}>
          {compressionChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </Field>
    </Dialog>
  );
}
