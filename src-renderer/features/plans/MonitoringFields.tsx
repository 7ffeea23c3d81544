/**
 * The plan editor's Monitoring section: a ping URL (Healthchecks, Uptime Kuma or any URL), a JSON
 * webhook and an ntfy topic, each with "Send test", which sends to the address as typed (the plan
 * need not be saved) and says what came back.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  monitoringSchema,
  type DeliveryOutcome,
  type MonitoringChannel,
  type NtfyWhen,
  type PingStyle,
} from '../../../src-main/model/monitoring.js';
import { Button } from '../../components/Button.js';
import { ChoiceSelect } from '../../components/ChoiceSelect.js';
import { Field } from '../../components/Field.js';
import type { Choice } from '../../lib/choices.js';
import { formatCount } from '../../lib/format.js';
import { useAction } from '../../lib/use-request.js';
import { channelName } from './monitoring-labels.js';
import { monitoringOf, type MonitoringForm } from './monitoring-form.js';
import type { PlanForm } from './plan-form.js';
import styles from './monitoring.module.css';
import planStyles from './plans.module.css';

/** Props of {@link MonitoringFields}. */
export interface MonitoringFieldsProps {
  readonly form: PlanForm;
  readonly update: (patch: Partial<PlanForm>) => void;
  readonly errors: Readonly<Record<string, string>>;
  /** The saved plan's id: its card then shows the test's outcome too. */
  readonly planId?: string;
}

type Words = TFunction<'plans'>;

const styleChoices = (url: string, t: Words): readonly Choice<PingStyle>[] => [
  {
    value: 'auto',
    label: t('monitoring.styleAuto', {
      name: channelName('ping', { ping: { url, style: 'auto' }, timeoutSeconds: 10 }),
    }),
    hint: t('monitoring.styleAutoHint'),
  },
  {
    value: 'healthchecks',
    label: t('monitoring.styleHealthchecks'),
    hint: t('monitoring.styleHealthchecksHint'),
  },
  { value: 'uptime-kuma', label: t('monitoring.styleUptimeKuma'), hint: t('monitoring.styleUptimeKumaHint') },
  { value: 'plain', label: t('monitoring.stylePlain'), hint: t('monitoring.stylePlainHint') },
];

const whenChoices = (t: Words): readonly Choice<NtfyWhen>[] => [
  { value: 'always', label: t('monitoring.whenAlways'), hint: t('monitoring.whenAlwaysHint') },
  { value: 'problems', label: t('monitoring.whenProblems'), hint: t('monitoring.whenProblemsHint') },
];

/** The Monitoring section of the plan editor. */
export function MonitoringFields({ form, update, errors, planId }: MonitoringFieldsProps) {
  const { t } = useTranslation('plans');
  const m = form.monitoring;
  const set = (patch: Partial<MonitoringForm>): void => update({ monitoring: { ...m, ...patch } });
  const [results, setResults] = useState<Partial<Record<MonitoringChannel, DeliveryOutcome | string>>>({});
  const [testing, setTesting] = useState<MonitoringChannel>();
  const tester = useAction('monitoring:test', {
    fallback: t('monitoring.testFailed'),
    onSuccess: (outcome) => {
      setResults((r) => ({ ...r, [outcome.channel]: outcome }));
      setTesting(undefined);
    },
  });

  const sendTest = (channel: MonitoringChannel): void => {
    const checked = monitoringSchema.safeParse(monitoringOf(m) ?? {});
    if (!checked.success || checked.data[channel] === undefined) {
      const issue = checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === channel);
      setResults((r) => ({ ...r, [channel]: issue?.message ?? t('monitoring.enterAddress') }));
      return;
    }
    setTesting(channel);
    setResults((r) => ({ ...r, [channel]: undefined }));
    tester.run({
      monitoring: checked.data,
      channel,
      planName: form.name.trim() || t('monitoring.newPlan'),
      ...(planId !== undefined ? { planId } : {}),
    });
  };

  const urlRow = (
    channel: MonitoringChannel,
    label: string,
    value: string,
    hint: string,
    placeholder: string,
  ) => {
    const result = results[channel];
    const key = channel === 'ping' ? 'pingUrl' : channel === 'webhook' ? 'webhookUrl' : 'ntfyUrl';
    return (
      <>
        <div className={styles.urlRow}>
          <Field label={label} hint={hint} error={errors[`monitoring.${channel}`]}>
            <input
              type="url"
              value={value}
              spellCheck={false}
              translate="no"
              placeholder={placeholder}
              onChange={(e) => {
                set({ [key]: e.target.value });
                // A test result speaks of the address it was sent to, not of the one being typed.
                setResults((r) => ({ ...r, [channel]: undefined }));
              }}
            />
          </Field>
          <Button
            size="small"
            busy={tester.pending && testing === channel}
            disabled={value.trim() === ''}
            onClick={() => sendTest(channel)}
            aria-label={t('monitoring.sendTestAria', { label })}
          >
            {t('monitoring.sendTest')}
          </Button>
        </div>
        {result !== undefined || (tester.error && testing === channel) ? (
          <p
            role="status"
            className={`${styles.testResult} ${typeof result === 'object' && result.ok ? '' : styles.deliveryFailed}`}
          >
            {testResultText(result, tester.error?.message, t)}
          </p>
        ) : null}
      </>
    );
  };

  return (
    <fieldset className={planStyles.planSection}>
      <legend>{t('monitoring.legend')}</legend>
      {urlRow(
        'ping',
        t('monitoring.pingLabel'),
        m.pingUrl,
        t('monitoring.pingHint'),
        'https://hc-ping.com/your-uuid',
      )}
      {m.pingUrl.trim() !== '' ? (
        <Field
          label={t('monitoring.pingStyle')}
          hint={styleChoices(m.pingUrl, t).find((c) => c.value === m.pingStyle)?.hint}
        >
          <ChoiceSelect
            choices={styleChoices(m.pingUrl, t)}
            value={m.pingStyle}
            onChange={(pingStyle) => set({ pingStyle })}
          />
        </Field>
      ) : null}
      {urlRow(
        'webhook',
        t('monitoring.webhookLabel'),
        m.webhookUrl,
        t('monitoring.webhookHint'),
        'https://example.org/hooks/backup',
      )}
      {urlRow(
        'ntfy',
        t('monitoring.ntfyLabel'),
        m.ntfyUrl,
        t('monitoring.ntfyHint'),
        'https://ntfy.sh/your-topic',
      )}
      <div className={styles.optionsRow}>
        {m.ntfyUrl.trim() !== '' ? (
          <Field
            label={t('monitoring.sendToNtfy')}
            hint={whenChoices(t).find((c) => c.value === m.ntfyWhen)?.hint}
          >
            <ChoiceSelect
              choices={whenChoices(t)}
              value={m.ntfyWhen}
              onChange={(ntfyWhen) => set({ ntfyWhen })}
            />
          </Field>
        ) : null}
        <Field
          label={t('monitoring.timeout')}
          hint={t('monitoring.timeoutHint')}
          error={errors['monitoring.timeoutSeconds']}
        >
          <input
            type="number"
            min={1}
            max={120}
            value={m.timeoutSeconds}
            onChange={(e) => set({ timeoutSeconds: e.target.value })}
          />
        </Field>
      </div>
    </fieldset>
  );
}

function testResultText(
  result: DeliveryOutcome | string | undefined,
  error: string | undefined,
  t: Words,
): string {
  if (typeof result === 'string') return result;
  if (result === undefined) return error ?? '';
  if (result.ok) return t('monitoring.delivered', { status: String(result.httpStatus ?? 200) });
  const reason = result.reason ?? t('monitoring.unknownReason');
  if (result.attempts <= 1) return t('monitoring.notDelivered', { reason });
  return t('monitoring.notDeliveredAfter', {
    count: result.attempts,
    n: formatCount(result.attempts),
    reason,
  });
}
