/**
 * The left sidebar: the Borgdesk logo, the Overview, Plans and History screens, the repositories,
 * "Add repository" and Settings.
 */
import { BrandMark } from '../../components/BrandMark.js';
import { Button } from '../../components/Button.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { borgAbilities, borgVersionLabel } from '../../lib/borg-description.js';
import { useAppStore, type Section } from '../../stores/app-store.js';
import { RepositoryList } from '../repositories/RepositoryList.js';
import styles from './shell.module.css';

/** The app's sidebar. */
export function Sidebar() {
  const openDialog = useAppStore((s) => s.openDialog);
  const borg = useAppStore((s) => s.status?.borg);
  return (
    <aside className={styles.sidebar} aria-label="Sidebar">
      <div className={styles.brand}>
        <span className={styles.brandMark} aria-hidden="true">
          <BrandMark />
        </span>
        <span className={styles.brandName}>Borgdesk</span>
      </div>
      <nav className={styles.sidebarNav} aria-label="Screens">
        <NavItem section="overview" icon="home" label="Overview" />
        <NavItem section="plans" icon="clock" label="Plans" />
        <NavItem section="history" icon="history" label="History" />
      </nav>
      <div className={styles.sidebarSection}>
        <h2 className={styles.sidebarHeading}>Repositories</h2>
        <RepositoryList />
        <Button
          className={styles.addRepo}
          variant="ghost"
          icon="plus"
          onClick={() => openDialog({ kind: 'add-repository', mode: 'create' })}
        >
          Add repository
        </Button>
      </div>
      <div className={styles.sidebarFooter}>
        <button
          type="button"
          className={`plain-button ${styles.sidebarLink}`}
          onClick={() => openDialog({ kind: 'settings' })}
        >
          <Icon name="settings" />
          <span>Settings</span>
        </button>
        {borg?.state === 'ok' ? (
          <span
            className={styles.borgVersion}
            title={`${borg.path}: ${borgAbilities(borg.features).join('; ')}`}
          >
            borg {borgVersionLabel(borg.version)}
          </span>
        ) : null}
      </div>
    </aside>
  );
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
