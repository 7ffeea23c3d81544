/**
 * "Prometheus metrics": the textfile Borgdesk keeps for node_exporter's textfile collector, saved and
 * written at once with its own button (so a wrong folder shows up now, not after the next backup),
 * and how the last write went, in plain words with what to do when it failed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsStatus } from '../../../src-main/model/metrics.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { formatDateTime } from '../../lib/format.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import styles from './MetricsTextfileField.module.css';

const EXAMPLE = '/var/lib/prometheus/node-exporter/borgdesk.prom';

/** The outcome line under the field. */
function LastWrite({ status }: { readonly status: MetricsStatus }) {
  const { t } = useTranslation('settings');
  const { lastWrite } = status;
  if (status.file === '') return <p className={`muted ${styles.outcome}`}>{t('metrics.off')}</p>;
  if (lastWrite === undefined) return null;
  const at = formatDateTime(lastWrite.at);
  if (lastWrite.ok) {
    const count = lastWrite.targets ?? 0;
    const holds = count === 0 ? t('metrics.writtenEmpty') : t('metrics.writtenTargets', { count });
    return (
      <p className={`muted ${styles.outcome}`} role="status">
        {t('metrics.written', { at })}
        {holds}
        {t('metrics.rewrites')}
      </p>
    );
  }
  return (
    <p className={`callout callout-compact ${styles.outcome}`} role="alert">
      <span>
        {t('metrics.writeFailed', { at })} {lastWrite.message} {lastWrite.remedy}
      </span>
    </p>
  );
}

/** The path field, its Save and write button, and the last write's outcome. */
export function MetricsTextfileField() {
  const { t } = useTranslation('settings');
  const loaded = useRequest('settings:metrics-status', {}, { fallback: t('metrics.readFailed') });
  const [draft, setDraft] = useState<string>();
  // The newest status: an apply's answer outlives the error reset that typing does.
  const [applied, setApplied] = useState<MetricsStatus>();
  const apply = useAction('settings:metrics-apply', {
    fallback: t('metrics.setFailed'),
    onSuccess: (next: MetricsStatus) => {
      setApplied(next);
      setDraft(undefined);
    },
  });
  const status = applied ?? loaded.data;
  const file = draft ?? status?.file ?? '';
  // The dialog's own Save leaves this field alone; say so rather than drop the path quietly.
  const unsaved = status !== undefined && draft !== undefined && draft.trim() !== status.file;
  return (
    <>
      <Field
        label={t('metrics.label')}
        hint={
          <>
            {t('metrics.hintBefore')} <code translate="no">--collector.textfile.directory</code>{' '}
            {t('metrics.hintMiddle')} <code translate="no">{EXAMPLE}</code>
            {t('metrics.hintAfter')}
          </>
        }
        addon={
          <Button
            type="button"
            busy={apply.pending}
            disabled={status === undefined}
            onClick={() => apply.run({ file: file.trim() })}
          >
            {t('metrics.saveAndWrite')}
          </Button>
        }
      >
        <input
          value={file}
          onChange={(e) => {
            setDraft(e.target.value);
            apply.reset();
          }}
          placeholder={EXAMPLE}
          spellCheck={false}
          // A path, typed or shown as an example: never translated.
          translate="no"
        />
      </Field>
      {apply.error ? <ErrorMessage error={apply.error} /> : null}
      {loaded.error ? <ErrorMessage error={loaded.error} /> : null}
      {unsaved ? (
        <p className={`muted ${styles.outcome}`} role="note">
          {t('metrics.unsaved')}
        </p>
      ) : null}
      {status !== undefined && !apply.error && !unsaved ? <LastWrite status={status} /> : null}
    </>
  );
}
