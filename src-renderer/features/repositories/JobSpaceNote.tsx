/**
 * What a finished job means for disk space: a compact says what it freed; a delete or prune says
 * its space returns only by compacting; a backup that found the repository's disk full offers the
 * ways forward (compact, delete or prune archives, another drive) instead of a dead end.
 */
import { useState } from 'react';
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
        <p className="result-note">Compacting finished; borg did not say how much it freed.</p>
      ) : (
        <p className="result-note" data-testid="compact-freed">
          Compacting freed about <ByteSize bytes={job.freedBytes} />.
        </p>
      );
  } else if ((job.kind === 'delete' || job.kind === 'prune') && ok && job.planId === undefined) {
    note = (
      <p className="result-note">
        The space of deleted archives is freed only when the repository is compacted.{' '}
        <Button variant="ghost" size="small" onClick={() => setCompacting(true)}>
          Compact…
        </Button>
      </p>
    );
  } else if (diskFull) {
    note = (
      <div className="result-note">
        <p>Ways forward, on this repository’s screen:</p>
        <ul>
          <li>
            <Button variant="ghost" size="small" onClick={() => setCompacting(true)}>
              Compact…
            </Button>{' '}
            gives back the space of archives deleted or pruned earlier.
          </li>
          <li>
            Delete archives you no longer need (the bin in the archive list), or give a plan a retention
            policy to prune them; then compact.
          </li>
          <li>Or back up to a repository on another drive (Add repository).</li>
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
          repoName={repoName ?? 'the repository'}
          reclaimable={undefined}
          onClose={() => setCompacting(false)}
        />
      ) : null}
    </>
  );
}
