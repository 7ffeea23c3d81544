/**
 * borg 2's repository maintenance, offered only where app:status's borg.features has it: the space
 * reserved for emergencies (`borg repo-space`: reserve it while the disk has room, free it when the
 * disk is full so prune, delete and compact can run) and "Recompress…" (`borg repo-compress`).
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatCount } from '../../lib/format.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { RecompressDialog } from './RecompressDialog.js';
import styles from './SpaceCard.module.css';

/** Props of {@link Borg2MaintenanceCard}. */
export interface Borg2MaintenanceCardProps {
  readonly repoId: string;
  readonly repoName: string;
  /** True while a job of this repository runs: maintenance would only wait for it. */
  readonly busy: boolean;
}

// Amounts borg's --reserve takes; it rounds up to whole 64 MiB objects.
const AMOUNTS = ['500M', '1G', '2G', '5G'] as const;

// How an amount reads: "500 MB", "1 GB" (whole figures in the UI's locale; SI units stay as they are).
function amountText(amount: (typeof AMOUNTS)[number]): string {
  return `${formatCount(Number(amount.slice(0, -1)))} ${amount.endsWith('G') ? 'GB' : 'MB'}`;
}

/** The card, or nothing for a borg without repo-space and repo-compress. */
export function Borg2MaintenanceCard({ repoId, repoName, busy }: Borg2MaintenanceCardProps) {
  const { t } = useTranslation('repositories');
  const borg = useAppStore((s) => s.status?.borg);
  const features = borg?.state === 'ok' ? borg.features : undefined;
  const [recompressing, setRecompressing] = useState(false);
  if (features === undefined || (!features.repoSpace && !features.repoCompress)) return null;
  return (
    <section className="card" aria-labelledby="borg2-maintenance-title">
      <header className="card-header">
        <h2 id="borg2-maintenance-title" className="card-title">
          {t('maintenance.title')}
        </h2>
        {features.repoCompress ? (
          <Button variant="ghost" icon="archive" onClick={() => setRecompressing(true)} disabled={busy}>
            {t('maintenance.recompress')}
          </Button>
        ) : null}
      </header>
      <div className={styles.body}>
        {features.repoSpace ? <ReservedSpace repoId={repoId} busy={busy} /> : null}
      </div>
      {recompressing ? (
        <RecompressDialog repoId={repoId} repoName={repoName} onClose={() => setRecompressing(false)} />
      ) : null}
    </section>
  );
}

function ReservedSpace({ repoId, busy }: { readonly repoId: string; readonly busy: boolean }) {
  const { t } = useTranslation('repositories');
  const [amount, setAmount] = useState<(typeof AMOUNTS)[number]>('1G');
  const shown = useRequest('repos:reserved-space', { repoId }, { fallback: t('maintenance.readFailed') });
  const reserve = useAction('repos:reserve-space', {
    fallback: t('maintenance.reserveFailed'),
    onSuccess: () => shown.reload(),
  });
  const free = useAction('repos:free-reserved-space', {
    fallback: t('maintenance.freeFailed'),
    onSuccess: () => shown.reload(),
  });
  const reserved = shown.data?.reservedBytes;
  const pending = reserve.pending || free.pending;
  const error = reserve.error ?? free.error ?? shown.error;
  return (
    <div role="group" aria-label={t('maintenance.reservedLabel')} data-testid="reserved-space">
      {reserved === undefined ? (
        <p className="muted">{shown.loading ? t('maintenance.reading') : ''}</p>
      ) : reserved > 0 ? (
        <>
          <p>
            <Trans
              t={t}
              i18nKey="maintenance.reserved"
              components={{ size: <ByteSize bytes={reserved} /> }}
            />
          </p>
          <p className="muted">{t('maintenance.reservedNote')}</p>
          <div>
            <Button
              size="small"
              onClick={() => free.run({ repoId })}
              busy={free.pending}
              disabled={busy || pending}
            >
              {t('maintenance.free')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>{t('maintenance.noneReserved')}</p>
          <p className="muted">{t('maintenance.noneReservedNote')}</p>
          <div className={styles.reserveRow}>
            <select
              aria-label={t('maintenance.amountLabel')}
              value={amount}
              onChange={(e) => setAmount(e.target.value as typeof amount)}
            >
              {AMOUNTS.map((a) => (
                <option key={a} value={a}>
                  {amountText(a)}
                </option>
              ))}
            </select>
            <Button
              size="small"
              onClick={() => reserve.run({ repoId, amount })}
              busy={reserve.pending}
              disabled={busy || pending}
            >
              {t('maintenance.reserve')}
            </Button>
          </div>
        </>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
