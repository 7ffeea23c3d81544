/**
 * "Compact…": what `borg compact` will do and, where Borgdesk could measure it, about how much it
 * frees; then it starts as a job whose progress, Cancel and log show on the repository screen.
 */
import { DialogFooter } from '../../components/DialogFooter.js';
import { ByteSize } from '../../components/ByteSize.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../lib/use-request.js';
import { useBorgFeatures } from './use-borg-features.js';

/** Props of {@link CompactDialog}. */
export interface CompactDialogProps {
  readonly repoId: string;
  readonly repoName: string;
  /** About how many bytes compacting frees; undefined when nothing was measured. */
  readonly reclaimable: number | undefined;
  readonly onClose: () => void;
}

/** A small dialog that starts `borg compact`. */
export function CompactDialog({ repoId, repoName, reclaimable, onClose }: CompactDialogProps) {
  const compact = useAction('repos:compact', {
    fallback: 'Compacting could not be started.',
    onSuccess: onClose,
  });
  const { pending: busy, error } = compact;
  // Borg 2's delete only marks archives; compact is what makes it final.
  const features = useBorgFeatures();
  const softDelete = features?.softDelete === true;
  return (
    <Dialog
      title={`Compact ${repoName}`}
      size="small"
      onClose={onClose}
      busy={busy}
      onSubmit={() => compact.run({ repoId })}
      footer={<DialogFooter onClose={onClose} busy={busy} submitLabel={'Compact now'} />}
    >
      {reclaimable === undefined ? (
        <p>
          Borg frees the space of deleted and pruned archives when it compacts
          {features?.compactReportsFreed === false ? '.' : '; it reports how much when done.'}
        </p>
      ) : reclaimable > 0 ? (
        <p>
          This frees up to about <ByteSize bytes={reclaimable} />: the space of deleted and pruned archives.
        </p>
      ) : (
        <p>The folder holds little besides what the archives need: compacting frees little or nothing now.</p>
      )}
      {softDelete ? (
        <p className="callout">
          Compacting makes deletions final: archives listed under Recently deleted can no longer be restored
          afterwards.
        </p>
      ) : null}
      <p className="muted">
        Borg rewrites the segment files that hold deleted data (it skips those with less than 10 % to gain).
        Nothing the archives need is removed, and cancelling is safe.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
