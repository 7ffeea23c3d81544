/**
 * "Recompress…" (borg 2): choose a compression, then `borg repo-compress` rewrites every chunk with
 * it as a job whose progress, Cancel and log show on the repository screen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('repositories');
  const defaultCompression = useAppStore((s) => s.settings?.defaultCompression ?? 'zstd,3');
  const [compression, setCompression] = useState<Compression>(defaultCompression);
  const recompress = useAction('repos:recompress', {
    fallback: t('recompress.failed'),
    onSuccess: onClose,
  });
  const { pending: busy, error } = recompress;
  return (
    <Dialog
      title={t('recompress.title', { name: repoName })}
      size="small"
      onClose={onClose}
      busy={busy}
      onSubmit={() => recompress.run({ repoId, compression })}
      footer={<DialogFooter onClose={onClose} busy={busy} submitLabel={t('recompress.submit')} />}
    >
      <Field label={t('recompress.compressionLabel')} hint={hintFor(compressionChoices(), compression)}>
        <ChoiceSelect choices={compressionChoices()} value={compression} onChange={setCompression} />
      </Field>
      <p className="muted">{t('recompress.explanation')}</p>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
