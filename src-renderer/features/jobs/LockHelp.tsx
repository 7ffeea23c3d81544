/**
 * Under a job (or a repository read) that failed on the repository lock: who holds the lock (from borg's roster), Wait
 * (the same job again with `--lock-wait`, cancellable like any job) and Break lock — at once for a
 * stale lock on this computer, otherwise only after the user confirms no borg runs on the other host.
 */
import { useState } from 'react';
import { lockIsStale } from '../../../src-main/model/lock.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { ErrorInfo } from '../../lib/error-info.js';
import { formatDateTime } from '../../lib/format.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import { BREAK_RISK, describeHolder, reportSummary } from './lock-text.js';
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

const WAIT_CHOICES = [
  { seconds: 60, label: '1 minute' },
  { seconds: 600, label: '10 minutes' },
  { seconds: 3600, label: '1 hour' },
] as const;

/** The lock holder and the ways out of a lock failure. */
export function LockHelp({ repoId, borgMessage, retryJobId }: LockHelpProps) {
  // After a break (or on Try again) the repository screen reads the repository again.
  const loadDetails = useReposStore((s) => s.loadDetails);
  const [waitSeconds, setWaitSeconds] = useState(600);
  const [confirming, setConfirming] = useState(false);
  const status = useRequest('locks:status', { repoId }, { fallback: 'The lock could not be read.' });
  const wait = useAction('locks:wait-and-retry', { fallback: 'The task could not be queued again.' });
  const breaking = useAction('locks:break', {
    fallback: 'The lock could not be broken.',
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
  const where =
    otherHost !== undefined
      ? `“${otherHost}”`
      : holders.length > 0
        ? 'this computer'
        : 'the computer that holds the lock';

  return (
    <div className={styles.lockHelp} aria-label="Repository lock">
      <p className={styles.lockHelpTitle}>Who holds the lock</p>
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {holders.map((holder) => (
        <p key={`${holder.hostId}.${holder.pid}`} className="lock-holder">
          {describeHolder(holder, formatDateTime)}
        </p>
      ))}
      {summary !== undefined && !broken ? <p className="lock-holder">{summary}</p> : null}
      {broken ? <p className="lock-broken">The lock is removed. Run the task again.</p> : null}
      {stale && !broken ? (
        <p className="muted">Breaking a stale lock is safe: the borg that took it is gone.</p>
      ) : null}
      {!broken ? (
        <div className={styles.lockHelpActions}>
          {retryJobId !== undefined ? (
            <>
              <label className={styles.lockWait}>
                Wait up to
                <select value={waitSeconds} onChange={(e) => setWaitSeconds(Number(e.target.value))}>
                  {WAIT_CHOICES.map((c) => (
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
                Wait
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
              Try again
            </Button>
          )}
          {stale ? (
            <Button
              variant="danger"
              busy={breaking.pending}
              onClick={() => breaking.run({ repoId, confirmedNoOtherBorg: false })}
            >
              Break lock
            </Button>
          ) : report !== undefined && (report.locked || !report.readable) ? (
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              Break lock…
            </Button>
          ) : null}
        </div>
      ) : null}
      {wait.error ? <ErrorMessage error={wait.error} /> : null}
      {breaking.error && !confirming ? <ErrorMessage error={breaking.error} /> : null}
      {confirming ? (
        <ConfirmBreak
          where={where}
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
  /** The computer the user vouches for, in words. */
  readonly where: string;
  readonly busy: boolean;
  readonly error: ErrorInfo | undefined;
  readonly onClose: () => void;
  readonly onConfirm: () => void;
}

function ConfirmBreak({ where, busy, error, onClose, onConfirm }: ConfirmBreakProps) {
  const [sure, setSure] = useState(false);
  return (
    <Dialog
      title="Break the repository lock?"
      size="small"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Keep the lock
          </Button>
          <Button variant="danger" disabled={!sure} busy={busy} onClick={onConfirm}>
            Break lock
          </Button>
        </>
      }
    >
      <p>{BREAK_RISK}</p>
      <label className={styles.lockConfirm}>
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        No borg runs on {where} now
      </label>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
