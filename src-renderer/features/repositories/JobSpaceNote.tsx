/**
 * What a finished job means for disk space: a compact says what it freed; a delete or prune says
 * its space returns only by compacting; a backup that found the repository's disk full offers the
 * ways forward (compact, delete or prune archives, another drive) instead of a dead end.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-main/model/job.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { useReposStore } from '../../stores/repos-store.js';
import { CompactDialog } from './CompactDialog.js';

/** Props of {@link JobSpaceNote}. */
export interface JobSpaceNoteProps {
  readonly job: JobSnapshot;
}

/** The space note of a finished job, or nothing when it has none. */
export function JobSpaceNote({ job }: JobSpaceNoteProps) {
  const { t } = useTranslation('repositories');
  const repoName = useReposStore((s) => s.repos.find((r) => r.id === job.repoId)?.name);
  const [compacting, setCompacting] = useState(false);
  const ok = job.status === 'succeeded' || job.status === 'warning';
  // A full cache disk is not helped by compacting the repository; its remedy says what to free.
  const code = job.error?.code;
  const diskFull =
    (code === 'DiskFull' && job.error?.fullDisk !== 'cache') || code === 'InsufficientFreeSpace';
  let note;
  if (job.kind === 'compact' && ok) {
    note =
      job.freedBytes === undefined ? (
        <p className="result-note">{t('jobSpace.compactedUnknown')}</p>
      ) : (
        <p className="result-note" data-testid="compact-freed">
          <Trans
            t={t}
            i18nKey="jobSpace.compacted"
            components={{ size: <ByteSize bytes={job.freedBytes} /> }}
          />
        </p>
      );
  } else if ((job.kind === 'delete' || job.kind === 'prune') && ok && job.planId === undefined) {
    note = (
      <p className="result-note">
        {t('jobSpace.deletedNote')}{' '}
        <Button variant="ghost" size="small" onClick={() => setCompacting(true)}>
          {t('space.compact')}
        </Button>
      </p>
    );
  } else if (diskFull) {
    note = (
      <div className="result-note">
        <p>{t('jobSpace.waysForward')}</p>
        <ul>
          <li>
            <Button variant="ghost" size="small" onClick={() => setCompacting(true)}>
              {t('space.compact')}
            </Button>{' '}
            {t('jobSpace.compactGivesBack')}
          </li>
          <li>{t('jobSpace.deleteArchives')}</li>
          <li>{t('jobSpace.otherDrive')}</li>
        </ul>
      </div>
    );
  } else return null;
  return (
    <>
      {note}
      {compacting ? (
        <CompactDialog
          repoId={job.repoId}
          repoName={repoName ?? t('jobSpace.theRepository')}
          reclaimable={undefined}
          onClose={() => setCompacting(false)}
        />
      ) : null}
    </>
  );
}
