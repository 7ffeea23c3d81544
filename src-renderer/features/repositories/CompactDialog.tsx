/**
 * "Compact…": what `borg compact` will do and, where Borgdesk could measure it, about how much it
 * frees; then it starts as a job whose progress, Cancel and log show on the repository screen.
 */
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('repositories');
  const compact = useAction('repos:compact', {
    fallback: t('compact.failed'),
    onSuccess: onClose,
  });
  const { pending: busy, error } = compact;
  // Borg 2's delete only marks archives; compact is what makes it final.
  const features = useBorgFeatures();
  const softDelete = features?.softDelete === true;
  return (
    <Dialog
      title={t('compact.title', { name: repoName })}
      size="small"
      onClose={onClose}
      busy={busy}
      onSubmit={() => compact.run({ repoId })}
      footer={<DialogFooter onClose={onClose} busy={busy} submitLabel={t('compact.submit')} />}
    >
      {reclaimable === undefined ? (
        <p>
          {features?.compactReportsFreed === false
            ? t('compact.unmeasured')
            : t('compact.unmeasuredReported')}
        </p>
      ) : reclaimable > 0 ? (
        <p>
          <Trans t={t} i18nKey="compact.frees" components={{ size: <ByteSize bytes={reclaimable} /> }} />
        </p>
      ) : (
        <p>{t('compact.little')}</p>
      )}
      {softDelete ? <p className="callout">{t('compact.final')}</p> : null}
      <p className="muted">{t('compact.explanation')}</p>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
