/**
 * The Overview's "Needs attention" card: every scheduled plan target without a good backup for
 * longer than Settings allows, how long it has been and why. The browser host has no tray or
 * desktop notifications, so this card is where a headless user learns that backups stopped.
 */
import { useEffect } from 'react';
import { Icon } from '../../components/Icon.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDateTime } from '../../lib/format.js';
import { useAppStore } from '../../stores/app-store.js';
import { useStaleStore } from '../../stores/stale-store.js';
import { attentionText } from './attention-text.js';

// Staleness grows with time alone (no event says "another hour passed"); events refresh it sooner.
const REFRESH_MS = 5 * 60_000;

/** The card (`aria-label="Needs attention"`); nothing while every plan is backed up in time. */
export function AttentionCard() {
  const items = useStaleStore((s) => s.items);
  const error = useStaleStore((s) => s.error);
  const connection = useAppStore((s) => s.connection);

  useEffect(() => {
    if (connection !== 'open') return;
    const load = (): void => void useStaleStore.getState().load();
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [connection]);

  if (error) return <ErrorMessage error={error} title="Overdue backups could not be checked" />;
  if (items.length === 0) return null;
  return (
    <section className="card attention-card" aria-labelledby="attention-title">
      <header className="card-header">
        <h2 id="attention-title" className="card-title attention-title">
          <Icon name="alert" />
          Needs attention
        </h2>
      </header>
      <ul className="attention-list" aria-label="Plans needing attention">
        {items.map((item) => {
          const text = attentionText(item);
          return (
            <li key={item.id} className="attention-item">
              <div className="attention-head">
                <strong>{item.label}</strong>
                <span className="muted">to {item.repoName}</span>
                <span className="chip chip-warn">{text.cause}</span>
              </div>
              <p className="attention-age">
                {text.age}
                {item.lastSuccessAt !== undefined ? (
                  <span className="muted"> — last one {formatDateTime(item.lastSuccessAt)}</span>
                ) : null}
              </p>
              <p className="attention-detail">{text.detail}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
