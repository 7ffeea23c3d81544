/**
 * "Mount" for an archive (or the whole repository): borg mounts it read-only in a temporary folder,
 * to browse with any program. Disabled, with the reason as tooltip, where FUSE is not available.
 * Once mounted the button becomes "Unmount" (with Force unmount… when busy, UnmountButton.tsx) and
 * {@link MountBanner} shows where the files are. A mount an ended Borgdesk run left behind counts as
 * mounted too: it holds the repository's lock, so Mount would only mislead.
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Icon } from '../../components/Icon.js';
import { type ErrorInfo, toErrorInfo, wordError } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import { findMount, useMountStore } from '../../stores/mount-store.js';
import { OpenFolderButton } from '../restore/OpenFolderButton.js';
import styles from './MountControls.module.css';
import { UnmountButton } from './UnmountButton.js';

/** Props of {@link MountControls} and {@link MountBanner}. */
export interface MountControlsProps {
  readonly repoId: string;
  /** Omitted: mount the whole repository. */
  readonly archiveName?: string;
  /** The archive's id: borg 2 mounts one archive of a series by id. */
  readonly archiveId?: string | undefined;
  /** The button's name: "Mount" or "Mount repository". */
  readonly label: string;
  /** Quieter look for toolbars. */
  readonly compact?: boolean;
}

/** The Mount / Unmount button. */
export function MountControls({ repoId, archiveName, archiveId, label, compact }: MountControlsProps) {
  const { t } = useTranslation('archives');
  const status = useMountStore((s) => s.status);
  const ensureLoaded = useMountStore((s) => s.ensureLoaded);
  const mountNow = useMountStore((s) => s.mount);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  const mount = findMount(status, repoId, archiveName);
  const run = (action: () => Promise<unknown>, fallback: string): void => {
    setBusy(true);
    setError(undefined);
    action()
      .catch((e: unknown) => setError(toErrorInfo(e, fallback)))
      .finally(() => setBusy(false));
  };

  const reason = !status
    ? t('mount.checking')
    : status.available
      ? archiveName
        ? t('mount.archiveHint')
        : t('mount.repositoryHint')
      : (status.reason ?? t('mount.unavailable'));
  if (mount) return <UnmountButton mountPoint={mount.mountPoint} {...(compact ? { compact } : {})} />;
  return (
    <span className={styles.mountControls} title={reason}>
      <Button
        icon="drive"
        size={compact ? 'small' : 'medium'}
        variant={compact ? 'ghost' : 'secondary'}
        disabled={!status?.available}
        title={reason}
        busy={busy}
        onClick={() => run(() => mountNow(repoId, archiveName, archiveId), t('mount.couldNotMount'))}
      >
        {label}
      </Button>
      {error ? (
        <span className={styles.inlineError} role="alert">
          {wordError(error).message}
        </span>
      ) : null}
    </span>
  );
}

/** Where a mounted archive or repository is, with Copy (and Open folder where the host can). */
export function MountBanner({
  repoId,
  archiveName,
  hideLeftover,
}: Pick<MountControlsProps, 'repoId' | 'archiveName'> & {
  /** Where LeftoverMountList already shows a leftover mount. */
  readonly hideLeftover?: boolean;
}) {
  const { t } = useTranslation('archives');
  const mount = useMountStore((s) => findMount(s.status, repoId, archiveName));
  const host = useAppStore((s) => s.status?.host);
  if (!mount || (hideLeftover && mount.leftover)) return null;
  // borg 2 puts one archive's files in a folder named after it inside the mount: point there.
  const filesAt = mount.filesAt ?? mount.mountPoint;
  return (
    <div className="mount-info" role="group" aria-label={t('mount.bannerLabel')}>
      <Icon name="drive" />
      <span className={styles.mountText}>
        <Trans
          t={t}
          i18nKey={
            archiveName
              ? mount.leftover
                ? 'mount.archiveAtLeftover'
                : 'mount.archiveAt'
              : mount.leftover
                ? 'mount.repositoryAtLeftover'
                : 'mount.repositoryAt'
          }
          values={{ path: filesAt }}
          components={{ path: <code title={filesAt} translate="no" /> }}
        />
      </span>
      <CopyButton text={filesAt} label={t('mount.copyPath')} />
      {host === 'electron' ? <OpenFolderButton path={filesAt} size="small" variant="ghost" /> : null}
    </div>
  );
}
