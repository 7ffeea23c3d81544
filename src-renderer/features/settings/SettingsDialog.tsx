/**
 * Settings: which borg to use, the default compression, when to notify, and starting at login.
 * Saving a new borg path re-checks borg; a new allowance for overdue backups re-checks those.
 */
import { useState } from 'react';
import type { Compression } from '../../../src-main/model/compression.js';
import type { Settings } from '../../../src-main/model/settings.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { compressionChoices, hintFor, type Choice } from '../../lib/choices.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import { useStaleStore } from '../../stores/stale-store.js';
import { ChoiceSelect } from '../../components/ChoiceSelect.js';
import { ArchiveIndexCache } from './ArchiveIndexCache.js';
import { BorgInUse } from './BorgInUse.js';
import { LogFolderField } from './LogFolderField.js';
import { MetricsTextfileField } from './MetricsTextfileField.js';
import { SecretStorageStatement } from './SecretStorageStatement.js';
import { StartAtLoginField } from './StartAtLoginField.js';

type NotificationLevel = Settings['notificationLevel'];

const levelChoices: readonly Choice<NotificationLevel>[] = [
  { value: 'all', label: 'Every backup', hint: 'A notice after each backup, successful or not.' },
  {
    value: 'problems',
    label: 'Only problems (recommended)',
    hint: 'Failures, warnings and overdue backups; successful runs stay quiet.',
  },
  { value: 'off', label: 'Off', hint: 'No desktop notifications. The tray icon still shows problems.' },
];

// The settings schema allows whole days from 1 to 60.
function parseDays(text: string): number | undefined {
  const days = Number(text.trim());
  return Number.isInteger(days) && days >= 1 && days <= 60 ? days : undefined;
}

/** The settings dialog. */
export function SettingsDialog() {
  const settings = useAppStore((s) => s.settings);
  const status = useAppStore((s) => s.status);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [borgPath, setBorgPath] = useState(settings?.borgPath ?? '');
  const [compression, setCompression] = useState<Compression>(settings?.defaultCompression ?? 'lz4');
  const [level, setLevel] = useState<NotificationLevel>(settings?.notificationLevel ?? 'problems');
  const [staleDays, setStaleDays] = useState(String(settings?.staleAfterDays ?? 3));
  const [startAtLogin, setStartAtLogin] = useState(settings?.startAtLogin ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();

  const days = parseDays(staleDays);
  const daysError = days === undefined ? 'Enter a whole number of days from 1 to 60.' : undefined;

  const save = (): void => {
    if (days === undefined) return;
    setBusy(true);
    setError(undefined);
    const pathChanged = borgPath.trim() !== (settings?.borgPath ?? '');
    const daysChanged = days !== settings?.staleAfterDays;
    updateSettings({
      borgPath: borgPath.trim(),
      defaultCompression: compression,
      notificationLevel: level,
      staleAfterDays: days,
      // Sent only when changed: the desktop host rewrites the system's login item for it.
      ...(startAtLogin !== settings?.startAtLogin ? { startAtLogin } : {}),
    })
      .then(() => {
        if (daysChanged) void useStaleStore.getState().load();
        return pathChanged ? loadStatus() : undefined;
      })
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
      <Field
        label="Path to borg"
        hint="Leave empty to search your PATH. borg 1.x and borg 2 open only their own repositories."
      >
        <input
          value={borgPath}
          onChange={(e) => setBorgPath(e.target.value)}
          placeholder="borg"
          spellCheck={false}
        />
      </Field>
      <BorgInUse borg={status?.borg} />
      {status?.userBorgRsh !== undefined ? (
        <p className="muted" role="note">
          BORG_RSH is set in Borgdesk’s environment (<code>{status.userBorgRsh}</code>): borg uses that ssh
          command as it is, so Borgdesk does not check ssh server keys, limit how long ssh waits, or name why
          a connection failed. Unset it to use Borgdesk’s own ssh settings.
        </p>
      ) : null}
      <Field label="Default compression" hint={hintFor(compressionChoices, compression)}>
        <ChoiceSelect choices={compressionChoices} value={compression} onChange={setCompression} />
      </Field>
      <Field label="Notifications" hint={hintFor(levelChoices, level)}>
        <ChoiceSelect choices={levelChoices} value={level} onChange={setLevel} />
      </Field>
      <Field
        label="Warn when no backup for (days)"
        hint="A scheduled plan with no successful backup for this long is flagged on the Overview and in the tray, and notified."
        error={daysError}
      >
        <input
          type="number"
          min={1}
          max={60}
          step={1}
          value={staleDays}
          onChange={(e) => setStaleDays(e.target.value)}
        />
      </Field>
      <StartAtLoginField
        checked={startAtLogin}
        onChange={setStartAtLogin}
        supported={status?.startAtLoginSupported ?? false}
        {...(status?.trayProblem !== undefined ? { trayProblem: status.trayProblem } : {})}
      />
      <MetricsTextfileField />
      <SecretStorageStatement storage={status?.secretStorage} />
      <ArchiveIndexCache />
      <LogFolderField />
    </Dialog>
  );
}
