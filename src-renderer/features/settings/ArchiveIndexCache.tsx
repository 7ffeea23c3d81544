/**
 * The archive contents indexes on disk: how much room they take against their cap ("Archive
 * indexes: 340 MB of 2.0 GB, 12 archives"), the cap itself, and a button that clears them. The cap
 * is saved at once (a smaller one removes the least recently opened indexes right away), apart from
 * the dialog's Save, since clearing is immediate too.
 */
import { useId } from 'react';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatBytes, formatCount } from '../../lib/format.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';

// Caps to pick from, in MB (decimal, as Borgdesk shows sizes).
const CAPS_MB = [500, 1000, 2000, 5000, 10_000, 20_000];

/** Usage, cap and Clear for the archive indexes. */
export function ArchiveIndexCache() {
  const capId = useId();
  const capMb = useAppStore((s) => s.settings?.archiveIndexCacheMb ?? 2000);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const usage = useRequest(
    'archives:index-usage',
    {},
    { fallback: 'Borgdesk could not measure its archive indexes.', refresh: String(capMb) },
  );
  const clear = useAction('archives:index-clear', {
    fallback: 'The archive indexes could not be cleared.',
    onSuccess: () => usage.reload(),
  });
  const setCap = useAction(updateSettings, { fallback: 'The new size could not be saved.' });
  const caps = CAPS_MB.includes(capMb) ? CAPS_MB : [...CAPS_MB, capMb].sort((a, b) => a - b);
  const shown = clear.data ?? usage.data;
  const error = clear.error ?? setCap.error ?? usage.error;
  return (
    <div className="field">
      <p role="status">
        Archive indexes:{' '}
        {shown === undefined
          ? '…'
          : `${formatBytes(shown.bytes)} of ${formatBytes(shown.capBytes)}, ${formatCount(shown.archives)} ${
              shown.archives === 1 ? 'archive' : 'archives'
            }`}{' '}
        <Button
          onClick={() => clear.run({})}
          busy={clear.pending}
          disabled={shown === undefined || shown.archives === 0}
        >
          Clear
        </Button>
      </p>
      <label htmlFor={capId}>Space for archive indexes</label>
      <select
        id={capId}
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
      <p className="field-hint">
        Borgdesk indexes each new backup in the background so it opens at once; the least recently opened
        indexes are removed when this fills up. Cleared indexes are rebuilt by borg when an archive is opened
        again.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
