/**
 * The left sidebar: the Borgdesk logo, the Overview, Plans and History screens, the repositories,
 * "Add repository" and Settings.
 */
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../components/BrandMark.js';
import { Button } from '../../components/Button.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { borgAbilities, borgReleaseKind } from '../../lib/borg-description.js';
import { useAppStore, type Section } from '../../stores/app-store.js';
import { RepositoryList } from '../repositories/RepositoryList.js';
import styles from './shell.module.css';

/** The app's sidebar. */
export function Sidebar() {
  const { t } = useTranslation('shell');
  const openDialog = useAppStore((s) => s.openDialog);
  const borg = useAppStore((s) => s.status?.borg);
  return (
    <aside className={styles.sidebar} aria-label={t('sidebar.label')}>
      <div className={styles.brand}>
        <span className={styles.brandMark} aria-hidden="true">
          <BrandMark />
        </span>
        <span className={styles.brandName}>Borgdesk</span>
      </div>
      <nav className={styles.sidebarNav} aria-label={t('sidebar.screens')}>
        <NavItem section="overview" icon="home" label={t('sidebar.overview')} />
        <NavItem section="plans" icon="clock" label={t('sidebar.plans')} />
        <NavItem section="history" icon="history" label={t('sidebar.history')} />
      </nav>
      <div className={styles.sidebarSection}>
        <h2 className={styles.sidebarHeading}>{t('sidebar.repositories')}</h2>
        <RepositoryList />
        <Button
          className={styles.addRepo}
          variant="ghost"
          icon="plus"
          onClick={() => openDialog({ kind: 'add-repository', mode: 'create' })}
        >
          {t('sidebar.addRepository')}
        </Button>
      </div>
      <div className={styles.sidebarFooter}>
        <button
          type="button"
          className={`plain-button ${styles.sidebarLink}`}
          onClick={() => openDialog({ kind: 'settings' })}
        >
          <Icon name="settings" />
          <span>{t('sidebar.settings')}</span>
        </button>
        {borg?.state === 'ok' ? (
          <span
            className={styles.borgVersion}
            title={t('sidebar.borgDetails', {
              path: borg.path,
              abilities: borgAbilities(borg.features).join('; '),
            })}
          >
            borg <span translate="no">{borg.version}</span>
            <ReleaseKind version={borg.version} />
          </span>
        ) : null}
      </div>
    </aside>
  );
}

// " (beta)" after a pre-release's version; the version itself is data, its kind is ours.
function ReleaseKind({ version }: { readonly version: string }) {
  const kind = borgReleaseKind(version);
  return kind === undefined ? null : <> ({kind})</>;
}

function NavItem(props: { readonly section: Section; readonly icon: IconName; readonly label: string }) {
  const current = useAppStore((s) => s.section === props.section);
  const showSection = useAppStore((s) => s.showSection);
  return (
    <button
      type="button"
      className={current ? `${styles.navItem} active` : styles.navItem}
      aria-current={current ? 'page' : undefined}
      onClick={() => showSection(props.section)}
    >
      <Icon name={props.icon} />
      <span>{props.label}</span>
    </button>
  );
}
