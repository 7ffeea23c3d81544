/**
 * A banner while the browser host's WebSocket is (re)connecting, so a stalled UI explains itself.
 * The first connection attempt is quiet for a moment to avoid a flash on every start.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store.js';
import styles from './shell.module.css';

const GRACE_MS = 800;

/** Shows the connection state when it is not "open". */
export function ConnectionBanner() {
  const { t } = useTranslation('shell');
  const connection = useAppStore((s) => s.connection);
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (connection === 'open') return;
    const timer = setTimeout(() => setLate(true), GRACE_MS);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [connection]);

  if (connection === 'open' || !late) return null;
  const text =
    connection === 'closed'
      ? t('connection.closed')
      : connection === 'reconnecting'
        ? t('connection.reconnecting')
        : t('connection.connecting');
  return (
    <div className={styles.connectionBanner} role="status">
      {connection !== 'closed' ? <span className="spinner" aria-hidden="true" /> : null}
      {text}
    </div>
  );
}
