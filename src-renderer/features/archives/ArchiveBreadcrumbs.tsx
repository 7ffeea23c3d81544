/**
 * Where the browser is inside the archive: the archive root, then each folder down to the current one.
 */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { archiveCrumbs } from './archive-paths.js';
import styles from './ArchiveBreadcrumbs.module.css';

/** Props of {@link ArchiveBreadcrumbs}. */
export interface ArchiveBreadcrumbsProps {
  readonly path: string;
  readonly onNavigate: (path: string) => void;
}

// Deep paths keep the root and the last few folders; the ones between fold into "…".
const KEEP_LAST = 4;

/** The breadcrumb navigation. */
export function ArchiveBreadcrumbs({ path, onNavigate }: ArchiveBreadcrumbsProps) {
  const { t } = useTranslation('archives');
  const all = [{ label: t('breadcrumbs.root'), path: '' }, ...archiveCrumbs(path)];
  const hidden = all.length > KEEP_LAST + 2 ? all.slice(1, all.length - KEEP_LAST) : [];
  const shown = hidden.length > 0 ? [all[0], ...all.slice(all.length - KEEP_LAST)] : all;
  const lastHidden = hidden[hidden.length - 1];
  return (
    <nav className={`breadcrumb ${styles.archiveCrumbs}`} aria-label={t('breadcrumbs.label')}>
      {shown.map((crumb, index) =>
        crumb ? (
          <span key={crumb.path} className="crumb">
            <button
              type="button"
              aria-current={index === shown.length - 1 ? 'location' : undefined}
              onClick={() => onNavigate(crumb.path)}
            >
              {index === 0 ? <Icon name="archive" size={14} /> : null}
              {index === 0 ? crumb.label : <span translate="no">{crumb.label}</span>}
            </button>
            {index < shown.length - 1 ? <Icon name="chevronRight" size={12} /> : null}
            {index === 0 && lastHidden ? (
              <>
                <button
                  type="button"
                  className="crumb-more"
                  aria-label={t('breadcrumbs.goTo', { path: lastHidden.path })}
                  title={hidden.map((h) => h.label).join(' / ')}
                  translate="no"
                  onClick={() => onNavigate(lastHidden.path)}
                >
                  …
                </button>
                <Icon name="chevronRight" size={12} />
              </>
            ) : null}
          </span>
        ) : null,
      )}
    </nav>
  );
}
