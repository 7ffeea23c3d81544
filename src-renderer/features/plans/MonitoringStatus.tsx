/**
 * The plan card's monitoring lines: for each channel the plan reports to, how its last delivery
 * went ("Healthchecks: success report delivered 2 minutes ago", or not — and why), so a dead ping URL is
 * noticed before the monitoring service starts sending alarms.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitoringChannel } from '../../../src-main/model/monitoring.js';
import { useMonitoringStore } from '../../stores/monitoring-store.js';
import type { StoredPlan } from '../../stores/plans-store.js';
import { channelName, deliveryText } from './monitoring-labels.js';
import styles from './monitoring.module.css';

/** The monitoring lines of one plan; nothing for a plan without monitoring. */
export function MonitoringStatus({ plan }: { readonly plan: StoredPlan }) {
  const { t } = useTranslation('plans');
  const loaded = useMonitoringStore((s) => s.loaded);
  const status = useMonitoringStore((s) => s.statuses.find((st) => st.planId === plan.id));
  useEffect(() => {
    if (!loaded) void useMonitoringStore.getState().load();
  }, [loaded]);
  const monitoring = plan.monitoring;
  if (monitoring === undefined) return null;
  const channels = (['ping', 'webhook', 'ntfy'] as const).filter((c) => monitoring[c] !== undefined);
  const line = (channel: MonitoringChannel) => {
    const outcome = status?.deliveries.find((d) => d.channel === channel);
    const name = channelName(channel, monitoring);
    if (outcome === undefined) return <li key={channel}>{t('monitoring.nothingSent', { name })}</li>;
    return (
      <li key={channel} className={outcome.ok ? undefined : styles.deliveryFailed}>
        {t('monitoring.statusLine', { name, text: deliveryText(outcome) })}
      </li>
    );
  };
  return (
    <ul
      className={`muted ${styles.monitoringStatus}`}
      aria-label={t('monitoring.statusAria', { name: plan.name })}
    >
      {channels.map(line)}
    </ul>
  );
}
