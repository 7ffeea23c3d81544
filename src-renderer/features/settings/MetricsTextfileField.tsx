/**
 * "Prometheus metrics": the textfile Borgdesk keeps for node_exporter's textfile collector, saved and
 * written at once with its own button (so a wrong folder shows up now, not after the next backup),
 * and how the last write went, in plain words with what to do when it failed.
 */
import { useState } from 'react';
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
  const { lastWrite } = status;
  if (status.file === '')
    return <p className={`muted ${styles.outcome}`}>Off: no metrics file is written.</p>;
  if (lastWrite === undefined) return null;
  const at = formatDateTime(lastWrite.at);
  if (lastWrite.ok) {
    const count = lastWrite.targets ?? 0;
    const holds =
      count === 0
        ? ': no plan has run yet, so it holds no values'
        : `, with the last run of ${count} plan destination${count === 1 ? '' : 's'}`;
    return (
      <p className={`muted ${styles.outcome}`} role="status">
        Written {at}
        {holds}. Borgdesk rewrites it after every plan run.
      </p>
    );
  }
  return (
    <p className={`callout callout-compact ${styles.outcome}`} role="alert">
      <span>
        The metrics file could not be written ({at}). {lastWrite.message} {lastWrite.remedy}
      </span>
    </p>
  );
}

/** The path field, its Save and write button, and the last write's outcome. */
export function MetricsTextfileField() {
  const loaded = useRequest(
    'settings:metrics-status',
    {},
    { fallback: 'The metrics setting could not be read.' },
  );
  const [draft, setDraft] = useState<string>();
  // The newest status: an apply's answer outlives the error reset that typing does.
  const [applied, setApplied] = useState<MetricsStatus>();
  const apply = useAction('settings:metrics-apply', {
    fallback: 'The metrics file could not be set.',
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
        label="Prometheus metrics"
        hint={
          <>
            A file for node_exporter’s textfile collector with each plan’s last run, result and sizes. Put it
            in the folder node_exporter’s <code>--collector.textfile.directory</code> names, such as{' '}
            <code>{EXAMPLE}</code>. Leave empty for none.
          </>
        }
        addon={
          <Button
            type="button"
            busy={apply.pending}
            disabled={status === undefined}
            onClick={() => apply.run({ file: file.trim() })}
          >
            Save and write now
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
        />
      </Field>
      {apply.error ? <ErrorMessage error={apply.error} /> : null}
      {loaded.error ? <ErrorMessage error={loaded.error} /> : null}
      {unsaved ? (
        <p className={`muted ${styles.outcome}`} role="note">
          Not saved yet: press Save and write now.
        </p>
      ) : null}
      {status !== undefined && !apply.error && !unsaved ? <LastWrite status={status} /> : null}
    </>
  );
}
