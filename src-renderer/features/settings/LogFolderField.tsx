/**
 * Where Borgdesk's log is, for sending it with a question: the desktop app's log folder with a button
 * that opens it, or — in the browser host — the plain fact that lines go to the terminal's standard
 * error (a button there could only fail).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import styles from './ArchiveIndexCache.module.css';

/** The Logs line of Settings. */
export function LogFolderField() {
  const { t } = useTranslation('settings');
  const location = useRequest('app:log-location', {}, { fallback: t('logs.locationFailed') });
  const open = useAction('app:open-log-folder', { fallback: t('logs.openFailed') });
  const where = location.data;
  const error = open.error ?? location.error;
  return (
    <div className="field" role="group" aria-label={t('logs.label')}>
      <span className="field-label">{t('logs.label')}</span>
      <p className={`field-hint ${styles.usage}`}>
        <span>
          {where === undefined ? (
            '…'
          ) : where.kind === 'stderr' ? (
            t('logs.stderr')
          ) : (
            <>
              {t('logs.folderBefore')} <span translate="no">{where.folder}</span>
              {t('logs.folderAfter')}
            </>
          )}
        </span>
        {where?.kind === 'folder' && where.canOpen && (
          <Button onClick={() => open.run({})} busy={open.pending}>
            {t('logs.open')}
          </Button>
        )}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
