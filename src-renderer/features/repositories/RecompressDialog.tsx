/**
 * "Recompress…" (borg 2): choose a compression, then `borg repo-compress` rewrites every chunk with
 * it as a job whose progress, Cancel and log show on the repository screen.
 */
import { useState } from 'react';
import type { Compression } from '../../../src-main/model/compression.js';
import { ChoiceSelect } from '../../components/ChoiceSelect.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { compressionChoices, hintFor } from '../../lib/choices.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';

/** Props of {@link RecompressDialog}. */
export interface RecompressDialogProps {
  readonly repoId: string;
  readonly repoName: string;
  readonly onClose: () => void;
}

/** A small dialog that starts `borg repo-compress`. */
export function RecompressDialog({ repoId, repoName, onClose }: RecompressDialogProps) {
  const defaultCompression = useAppStore((s) => s.settings?.defaultCompression ?? 'zstd,3');
  const [compression, setCompression] = useState<Compression>(defaultCompression);
  const recompress = useAction('repos:recompress', {
    fallback: 'Recompressing could not be started.',
    onSuccess: onClose,
  });
  const { pending: busy, error } = recompress;
  return (
    <Dialog
      title={`Recompress ${repoName}`}
      size="small"
      onClose={onClose}
      busy={busy}
      onSubmit={() => recompress.run({ repoId, compression })}
      footer={<DialogFooter onClose={onClose} busy={busy} submitLabel="Recompress now" />}
    >
      <Field label="Compression" hint={hintFor(compressionChoices(), compression)}>
        <ChoiceSelect choices={compressionChoices()} value={compression} onChange={setCompression} />
      </Field>
      <p className="muted">
        Borg rewrites every chunk already in the repository with this compression (new backups use their
        plan’s). It reads and writes all the data once, so it takes a while; stopping is safe — chunks not yet
        done keep their old compression.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
