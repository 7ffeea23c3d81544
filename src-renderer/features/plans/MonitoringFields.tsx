/**
 * The plan editor's Monitoring section: a ping URL (Healthchecks, Uptime Kuma or any URL), a JSON
 * webhook and an ntfy topic, each with "Send test", which sends to the address as typed (the plan
 * need not be saved) and says what came back.
 */
import { useState } from 'react';
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

const styleChoices = (url: string): readonly Choice<PingStyle>[] => [
  {
    value: 'auto',
    label: `Detect from the address (${channelName('ping', { ping: { url, style: 'auto' }, timeoutSeconds: 10 })})`,
    hint: 'Addresses with /api/push/ are Uptime Kuma push monitors; any other is called like Healthchecks.',
  },
  {
    value: 'healthchecks',
    label: 'Healthchecks',
    hint: 'POST <url>/start when the backup starts, <url> when it succeeds, <url>/fail with the last log lines when it fails or is cancelled.',
  },
  {
    value: 'uptime-kuma',
    label: 'Uptime Kuma push',
    hint: 'One GET at the end with status=up (success, warnings) or status=down (failure, cancel) and a short msg.',
  },
  {
    value: 'plain',
    label: 'Plain URL: GET on success only',
    hint: 'For services that only need to hear from good runs (a dead man’s switch).',
  },
];

const whenChoices: readonly Choice<NtfyWhen>[] = [
  { value: 'always', label: 'After every run', hint: 'Failures are sent with high priority.' },
  {
    value: 'problems',
    label: 'Only warnings, failures and cancels',
    hint: 'Good runs stay quiet; failures are sent with high priority.',
  },
];

/** The Monitoring section of the plan editor. */
export function MonitoringFields({ form, update, errors, planId }: MonitoringFieldsProps) {
  const m = form.monitoring;
  const set = (patch: Partial<MonitoringForm>): void => update({ monitoring: { ...m, ...patch } });
  const [results, setResults] = useState<Partial<Record<MonitoringChannel, DeliveryOutcome | string>>>({});
  const [testing, setTesting] = useState<MonitoringChannel>();
  const tester = useAction('monitoring:test', {
    fallback: 'The test could not be sent.',
    onSuccess: (outcome) => {
      setResults((r) => ({ ...r, [outcome.channel]: outcome }));
      setTesting(undefined);
    },
  });

  const sendTest = (channel: MonitoringChannel): void => {
    const checked = monitoringSchema.safeParse(monitoringOf(m) ?? {});
    if (!checked.success || checked.data[channel] === undefined) {
      const issue = checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === channel);
      setResults((r) => ({ ...r, [channel]: issue?.message ?? 'Enter an address first.' }));
      return;
    }
    setTesting(channel);
    setResults((r) => ({ ...r, [channel]: undefined }));
    tester.run({
      monitoring: checked.data,
      channel,
      planName: form.name.trim() || 'New plan',
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
            aria-label={`Send test to ${label}`}
          >
            Send test
          </Button>
        </div>
        {result !== undefined || (tester.error && testing === channel) ? (
          <p
            role="status"
            className={`${styles.testResult} ${typeof result === 'object' && result.ok ? '' : styles.deliveryFailed}`}
          >
            {testResultText(result, tester.error?.message)}
          </p>
        ) : null}
      </>
    );
  };

  return (
    <fieldset className={planStyles.planSection}>
      <legend>Monitoring</legend>
      {urlRow(
        'ping',
        'Ping URL',
        m.pingUrl,
        'Healthchecks.io, self-hosted Healthchecks or an Uptime Kuma push URL. Treat it like a password: it is shown masked elsewhere.',
        'https://hc-ping.com/your-uuid',
      )}
      {m.pingUrl.trim() !== '' ? (
        <Field label="Ping style" hint={styleChoices(m.pingUrl).find((c) => c.value === m.pingStyle)?.hint}>
          <ChoiceSelect
            choices={styleChoices(m.pingUrl)}
            value={m.pingStyle}
            onChange={(pingStyle) => set({ pingStyle })}
          />
        </Field>
      ) : null}
      {urlRow(
        'webhook',
        'Webhook URL',
        m.webhookUrl,
        'Gets a JSON summary of each run by POST (plan, repository, result, archive sizes, times).',
        'https://example.org/hooks/backup',
      )}
      {urlRow(
        'ntfy',
        'ntfy topic URL',
        m.ntfyUrl,
        'ntfy.sh or your own server; anyone who knows the topic can read it, so pick one hard to guess.',
        'https://ntfy.sh/your-topic',
      )}
      <div className={styles.optionsRow}>
        {m.ntfyUrl.trim() !== '' ? (
          <Field label="Send to ntfy" hint={whenChoices.find((c) => c.value === m.ntfyWhen)?.hint}>
            <ChoiceSelect
              choices={whenChoices}
              value={m.ntfyWhen}
              onChange={(ntfyWhen) => set({ ntfyWhen })}
            />
          </Field>
        ) : null}
        <Field
          label="Timeout per attempt (seconds)"
          hint="Three attempts at most. Backups never wait for these."
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

function testResultText(result: DeliveryOutcome | string | undefined, error: string | undefined): string {
  if (typeof result === 'string') return result;
  if (result === undefined) return error ?? '';
  if (result.ok) return `Delivered (HTTP ${result.httpStatus ?? 200}).`;
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
  return `Not delivered${tries}: ${result.reason ?? 'unknown reason'}.`;
}
