/**
 * Mounts a Borgdesk run left behind when it ended without unmounting (a crash, a kill) and that are
 * still busy, so the start could not unmount them. Each keeps its repository locked: backups,
 * pruning and checks of it fail until it is unmounted. Listed in the Overview's "Needs attention"
 * card and on the repository's screen, with Unmount (Force unmount… when busy), Copy and Open folder.
 */
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.js';
import { Icon } from '../../components/Icon.js';
import type { Mount } from '../../../src-main/model/restore.js';
import { useAppStore } from '../../stores/app-store.js';
import { leftoverMounts, useMountStore } from '../../stores/mount-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import dashboard from '../dashboard/dashboard.module.css';
import { OpenFolderButton } from '../restore/OpenFolderButton.js';
import { UnmountButton } from './UnmountButton.js';

/** The leftover mounts (of one repository when `repoId` is given); they need the mount store loaded. */
export function useLeftoverMounts(repoId?: string): Mount[] {
  const ensureLoaded = useMountStore((s) => s.ensureLoaded);
  const status = useMountStore((s) => s.status);
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  return leftoverMounts(status, repoId);
}

/** The repository screen's card for its leftover mounts, shown locked or not (nothing when there are none). */
export function LeftoverMountCard({ repoId }: { readonly repoId: string }) {
  const { t } = useTranslation('archives');
  const mounts = useLeftoverMounts(repoId);
  if (mounts.length === 0) return null;
  return (
    <section className={`card ${dashboard.attentionCard}`} aria-labelledby="leftover-mounts-title">
      <header className="card-header">
        <h2 id="leftover-mounts-title" className={`card-title ${dashboard.attentionTitle}`}>
          <Icon name="alert" />
          {t('leftover.stillMounted')}
        </h2>
      </header>
      <LeftoverMountList mounts={mounts} />
    </section>
  );
}

/** Props of {@link LeftoverMountList}. */
export interface LeftoverMountListProps {
  readonly mounts: readonly Mount[];
  /** Offer a way to the repository's screen (the Overview does, the repository screen need not). */
  readonly linkRepository?: boolean;
}

/** One line per leftover mount. */
export function LeftoverMountList({ mounts, linkRepository }: LeftoverMountListProps) {
  const { t } = useTranslation('archives');
  const selectRepository = useAppStore((s) => s.selectRepository);
  const host = useAppStore((s) => s.status?.host);
  const repos = useReposStore((s) => s.repos);
  if (mounts.length === 0) return null;
  return (
    <ul className={dashboard.attentionList} aria-label={t('leftover.listLabel')}>
      {mounts.map((mount) => {
        const repoName = mount.repoName ? (
          <span translate="no">{mount.repoName}</span>
        ) : (
          t('leftover.unknownRepository')
        );
        const ofRepository = mount.repoName ? (
          <Trans
            t={t}
            i18nKey="leftover.ofRepository"
            values={{ repository: mount.repoName }}
            components={{ repository: <span translate="no" /> }}
          />
        ) : (
          t('leftover.ofUnknownRepository')
        );
        return (
          <li key={mount.mountPoint} className={dashboard.attentionItem}>
            <div className={dashboard.attentionHead}>
              <strong>
                {mount.archiveName ? <span translate="no">{mount.archiveName}</span> : repoName}
              </strong>
              {mount.archiveName ? <span className="muted">{ofRepository}</span> : null}
              <span className="chip chip-warn">{t('leftover.stillMounted')}</span>
            </div>
            <p className={dashboard.attentionDetail}>
              <Trans
                t={t}
                i18nKey="leftover.explanation"
                values={{ mountPoint: mount.mountPoint }}
                components={{ path: <code translate="no" /> }}
              />
            </p>
            <p className={dashboard.attentionDetail}>
              <UnmountButton mountPoint={mount.mountPoint} compact />{' '}
              <CopyButton text={mount.mountPoint} label={t('mount.copyPath')} />{' '}
              {host === 'electron' ? (
                <OpenFolderButton path={mount.mountPoint} size="small" variant="ghost" />
              ) : null}
              {linkRepository && repos.some((r) => r.id === mount.repoId) ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => selectRepository(mount.repoId)}
                >
                  {t('leftover.showRepository')}
                </button>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
