/**
 * Under a job (or a repository read) that failed on the repository lock: who holds the lock (from borg's roster), Wait
 * (the same job again with `--lock-wait`, cancellable like any job) and Break lock — at once for a
 * stale lock on this computer, otherwise only after the user confirms no borg runs on the other host.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { lockIsStale } from '../../../src-main/model/lock.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { ErrorInfo } from '../../lib/error-info.js';
import { formatDateTime } from '../../lib/format.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import { describeHolder, reportSummary } from './lock-text.js';
import { useReposStore } from '../../stores/repos-store.js';
import styles from './jobs.module.css';

/** Props of {@link LockHelp}. */
export interface LockHelpProps {
  readonly repoId: string;
  /** What borg said (shown when the lock cannot be read, as for ssh://). */
  readonly borgMessage: string;
  /** The failed job Wait queues again; without it the card offers Try again instead. */
  readonly retryJobId?: string;
}

function waitChoices(t: TFunction<['jobs', 'common']>): readonly { seconds: number; label: string }[] {
  return [
    { seconds: 60, label: t('lock.minutes', { count: 1 }) },
    { seconds: 600, label: t('lock.minutes', { count: 10 }) },
    { seconds: 3600, label: t('lock.hours', { count: 1 }) },
  ];
}

/** The lock holder and the ways out of a lock failure. */
export function LockHelp({ repoId, borgMessage, retryJobId }: LockHelpProps) {
  const { t } = useTranslation(['jobs', 'common']);
  // After a break (or on Try again) the repository screen reads the repository again.
  const loadDetails = useReposStore((s) => s.loadDetails);
  const [waitSeconds, setWaitSeconds] = useState(600);
  const [confirming, setConfirming] = useState(false);
  const status = useRequest('locks:status', { repoId }, { fallback: t('lock.readFailed') });
  const wait = useAction('locks:wait-and-retry', { fallback: t('lock.requeueFailed') });
  const breaking = useAction('locks:break', {
    fallback: t('lock.breakFailed'),
    onSuccess: () => {
      setConfirming(false);
      void loadDetails(repoId);
    },
  });
  const report = breaking.data ?? status.data;
  const stale = report !== undefined && lockIsStale(report);
  const broken = breaking.data !== undefined && !breaking.data.locked;
  const holders = report?.holders ?? [];
  const summary = reportSummary(report, borgMessage);
  const otherHost = holders.find((h) => !h.thisComputer)?.hostname;
  const confirmLabel =
    otherHost !== undefined
      ? t('lock.confirmOtherHost', { host: otherHost })
      : holders.length > 0
        ? t('lock.confirmThisComputer')
        : t('lock.confirmHolder');

  return (
    <div className={styles.lockHelp} aria-label={t('lock.label')}>
      <p className={styles.lockHelpTitle}>{t('lock.heading')}</p>
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {holders.map((holder) => (
        <p key={`${holder.hostId}.${holder.pid}`} className="lock-holder">
          {describeHolder(holder, formatDateTime)}
        </p>
      ))}
      {summary !== undefined && !broken ? <p className="lock-holder">{summary}</p> : null}
      {broken ? <p className="lock-broken">{t('lock.removed')}</p> : null}
      {stale && !broken ? <p className="muted">{t('lock.staleSafe')}</p> : null}
      {!broken ? (
        <div className={styles.lockHelpActions}>
          {retryJobId !== undefined ? (
            <>
              <label className={styles.lockWait}>
                {t('lock.waitUpTo')}
                <select value={waitSeconds} onChange={(e) => setWaitSeconds(Number(e.target.value))}>
                  {waitChoices(t).map((c) => (
                    <option key={c.seconds} value={c.seconds}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
              <Button
                icon="clock"
                busy={wait.pending}
                onClick={() => wait.run({ jobId: retryJobId, lockWaitSeconds: waitSeconds })}
              >
                {t('lock.wait')}
              </Button>
            </>
          ) : (
            <Button
              icon="refresh"
              onClick={() => {
                status.reload();
                void loadDetails(repoId);
              }}
            >
              {t('common:actions.tryAgain')}
            </Button>
          )}
          {stale ? (
            <Button
              variant="danger"
              busy={breaking.pending}
              onClick={() => breaking.run({ repoId, confirmedNoOtherBorg: false })}
            >
              {t('lock.break')}
            </Button>
          ) : report !== undefined && (report.locked || !report.readable) ? (
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              {t('lock.breakConfirm')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {wait.error ? <ErrorMessage error={wait.error} /> : null}
      {breaking.error && !confirming ? <ErrorMessage error={breaking.error} /> : null}
      {confirming ? (
        <ConfirmBreak
          label={confirmLabel}
          busy={breaking.pending}
          error={breaking.error}
          onClose={() => setConfirming(false)}
          onConfirm={() => breaking.run({ repoId, confirmedNoOtherBorg: true })}
        />
      ) : null}
    </div>
  );
}

interface ConfirmBreakProps {
  /** What the user vouches for: that no borg runs on the computer holding the lock. */
  readonly label: string;
  readonly busy: boolean;
  readonly error: ErrorInfo | undefined;
  readonly onClose: () => void;
  readonly onConfirm: () => void;
}

function ConfirmBreak({ label, busy, error, onClose, onConfirm }: ConfirmBreakProps) {
  const { t } = useTranslation('jobs');
  const [sure, setSure] = useState(false);
  return (
    <Dialog
      title={t('lock.confirmTitle')}
      size="small"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('lock.keep')}
          </Button>
          <Button variant="danger" disabled={!sure} busy={busy} onClick={onConfirm}>
            {t('lock.break')}
          </Button>
        </>
      }
    >
      <p>{t('lock.breakRisk')}</p>
      <label className={styles.lockConfirm}>
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        {label}
      </label>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
