/**
 * What the create dialog says for a keyfile mode: the key will live only on this computer, in
 * borg's keys folder (named here, as the core finds it), and should be exported right away.
 */
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../lib/use-request.js';
import { Icon } from '../../components/Icon.js';

/** The callout; the folder appears once the core named it. */
export function KeyfileNote() {
  const { t } = useTranslation('keys');
  const folder = useRequest('keys:folder', {}, { fallback: t('keyfileNote.folderFailed') }).data?.folder;
  return (
    <div className="callout" role="note">
      <Icon name="alert" size={18} />
      <div>
        <p className="callout-title">{t('keyfileNote.title')}</p>
        <p>
          {t('keyfileNote.before')}
          {folder ? (
            <>
              {' '}
              (<code translate="no">{folder}</code>)
            </>
          ) : null}
          {t('keyfileNote.after')}
        </p>
      </div>
    </div>
  );
}
