/**
 * Settings: which borg to use, the default compression, when to notify, and starting at login.
 * Saving a new borg path re-checks borg; a new allowance for overdue backups re-checks those.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
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

type LanguageSetting = Settings['language'];

function levelChoices(t: TFunction<['settings', 'common']>): readonly Choice<NotificationLevel>[] {
  return (['all', 'problems', 'off'] as const).map((value) => ({
    value,
    label: t(`notifications.${value}.label`),
    hint: t(`notifications.${value}.hint`),
  }));
}

// Language names are written in their own language, so a user who cannot read the current one finds theirs.
function languageChoices(t: TFunction<['settings', 'common']>): readonly Choice<LanguageSetting>[] {
  return [
    { value: 'system', label: t('language.system'), hint: t('language.systemHint') },
    { value: 'en', label: 'English', hint: t('language.fixedHint') },
    { value: 'de', label: 'Deutsch', hint: t('language.fixedHint') },
  ];
}

// The settings schema allows whole days from 1 to 60.
function parseDays(text: string): number | undefined {
  const days = Number(text.trim());
  return Number.isInteger(days) && days >= 1 && days <= 60 ? days : undefined;
}

/** The settings dialog. */
export function SettingsDialog() {
  const { t } = useTranslation(['settings', 'common']);
  const settings = useAppStore((s) => s.settings);
  const status = useAppStore((s) => s.status);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [borgPath, setBorgPath] = useState(settings?.borgPath ?? '');
  const [compression, setCompression] = useState<Compression>(settings?.defaultCompression ?? 'lz4');
  const [level, setLevel] = useState<NotificationLevel>(settings?.notificationLevel ?? 'problems');
  const [staleDays, setStaleDays] = useState(String(settings?.staleAfterDays ?? 3));
  const [language, setLanguage] = useState<LanguageSetting>(settings?.language ?? 'system');
  const [startAtLogin, setStartAtLogin] = useState(settings?.startAtLogin ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();

  const days = parseDays(staleDays);
  const daysError = days === undefined ? t('staleDays.error') : undefined;

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
      language,
      // Sent only when changed: the desktop host rewrites the system's login item for it.
      ...(startAtLogin !== settings?.startAtLogin ? { startAtLogin } : {}),
    })
      .then(() => {
        if (daysChanged) void useStaleStore.getState().load();
        return pathChanged ? loadStatus() : undefined;
      })
      .then(closeDialog, (e: unknown) => {
        setBusy(false);
        setError(toErrorInfo(e, t('saveFailed')));
      });
  };

  return (
    <Dialog
      title={t('title')}
      onClose={closeDialog}
      onSubmit={save}
      busy={busy}
      footer={
        <>
          <Button onClick={closeDialog} disabled={busy}>
            {t('common:actions.close')}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t('common:actions.save')}
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      <Field label={t('borgPath.label')} hint={t('borgPath.hint')}>
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
          {t('userBorgRsh.before')}
          <code translate="no">{status.userBorgRsh}</code>
          {t('userBorgRsh.after')}
        </p>
      ) : null}
      <Field label={t('language.label')} hint={hintFor(languageChoices(t), language)}>
        <ChoiceSelect choices={languageChoices(t)} value={language} onChange={setLanguage} />
      </Field>
      <Field label={t('compression.label')} hint={hintFor(compressionChoices(), compression)}>
        <ChoiceSelect choices={compressionChoices()} value={compression} onChange={setCompression} />
      </Field>
      <Field label={t('notifications.label')} hint={hintFor(levelChoices(t), level)}>
        <ChoiceSelect choices={levelChoices(t)} value={level} onChange={setLevel} />
      </Field>
      <Field label={t('staleDays.label')} hint={t('staleDays.hint')} error={daysError}>
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
