/**
 * Where Borgdesk's log is, for sending it with a question: the desktop app's log folder with a button
 * that opens it, or — in the browser host — the plain fact that lines go to the terminal's standard
 * error (a button there could only fail).
 */
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import styles from './ArchiveIndexCache.module.css';

/** The Logs line of Settings. */
export function LogFolderField() {
  const location = useRequest(
    'app:log-location',
    {},
    { fallback: 'Borgdesk could not tell where its log is.' },
  );
  const open = useAction('app:open-log-folder', { fallback: 'The log folder could not be opened.' });
  const where = location.data;
  const error = open.error ?? location.error;
  return (
    <div className="field" role="group" aria-label="Logs">
      <span className="field-label">Logs</span>
      <p className={`field-hint ${styles.usage}`}>
        <span>
          {where === undefined
            ? '…'
            : where.kind === 'stderr'
              ? 'Written to the standard error of the terminal that started Borgdesk (more with BORGDESK_LOG_LEVEL=debug).'
              : `In ${where.folder}. Passphrases and the secret parts of web addresses are left out.`}
        </span>
        {where?.kind === 'folder' && where.canOpen && (
          <Button onClick={() => open.run({})} busy={open.pending}>
            Open log folder
          </Button>
        )}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
