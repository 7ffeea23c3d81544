/**
 * The archive contents indexes on disk: how much room they take against their cap ("Archive
 * indexes: 340 MB of 2.0 GB, 12 archives"), the cap itself, and a button that clears them. The cap
 * is saved at once (a smaller one removes the least recently opened indexes right away), apart from
 * the dialog's Save, since clearing is immediate too.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { formatBytes, formatCount } from '../../lib/format.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import styles from './ArchiveIndexCache.module.css';

// Caps to pick from, in MB (decimal, as Borgdesk shows sizes).
const CAPS_MB = [500, 1000, 2000, 5000, 10_000, 20_000];

/** Usage, cap and Clear for the archive indexes. */
export function ArchiveIndexCache() {
  const { t } = useTranslation('settings');
  const capMb = useAppStore((s) => s.settings?.archiveIndexCacheMb ?? 2000);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const usage = useRequest(
    'archives:index-usage',
    {},
    { fallback: t('archiveIndexes.measureFailed'), refresh: String(capMb) },
  );
  const clear = useAction('archives:index-clear', {
    fallback: t('archiveIndexes.clearFailed'),
    onSuccess: () => usage.reload(),
  });
  const setCap = useAction(updateSettings, { fallback: t('archiveIndexes.capFailed') });
  const caps = CAPS_MB.includes(capMb) ? CAPS_MB : [...CAPS_MB, capMb].sort((a, b) => a - b);
  // The usage request reruns after a Clear and after a cap change (refresh), so it is always current.
  const shown = usage.data;
  const error = clear.error ?? setCap.error ?? usage.error;
  const summary =
    shown === undefined
      ? '…'
      : t('archiveIndexes.summary', {
          count: shown.archives,
          used: formatBytes(shown.bytes),
          cap: formatBytes(shown.capBytes),
          archives: formatCount(shown.archives),
        });
  return (
    <div className="field" role="group" aria-label={t('archiveIndexes.label')}>
      <p className={styles.usage}>
        <span role="status">{t('archiveIndexes.usage', { summary })}</span>
        <Button
          onClick={() => clear.run({})}
          busy={clear.pending}
          disabled={shown === undefined || shown.archives === 0}
        >
          {t('archiveIndexes.clear')}
        </Button>
      </p>
      <Field label={t('archiveIndexes.capLabel')} hint={t('archiveIndexes.capHint')}>
        <select
          value={capMb}
          disabled={setCap.pending}
          onChange={(e) => setCap.run({ archiveIndexCacheMb: Number(e.target.value) })}
        >
          {caps.map((mb) => (
            <option key={mb} value={mb}>
              {formatBytes(mb * 1_000_000)}
            </option>
          ))}
        </select>
      </Field>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
