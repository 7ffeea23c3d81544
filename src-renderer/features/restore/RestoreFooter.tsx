/**
 * The restore dialog's buttons for each step: Preview first; then Restore, or — when files already
 * exist — an explicit Skip or Overwrite; only Close once the job runs. Each button has its own key,
 * so one never turns into another in place (no colour flash while they swap).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';

/** Which step the dialog is at. */
export type RestoreStep =
  | { readonly kind: 'setup'; readonly previewing: boolean; readonly blocked: boolean }
  | { readonly kind: 'ready'; readonly conflicts: number; readonly starting?: 'skip' | 'overwrite' }
  | { readonly kind: 'job'; readonly running: boolean };

/** Props of {@link RestoreFooter}. */
export interface RestoreFooterProps {
  readonly step: RestoreStep;
  readonly onClose: () => void;
  readonly onPreview: () => void;
  readonly onStart: (onConflict: 'skip' | 'overwrite') => void;
}

/** The footer buttons. */
export function RestoreFooter({ step, onClose, onPreview, onStart }: RestoreFooterProps) {
  const { t } = useTranslation(['restore', 'common']);
  const close = (
    <Button key="close" onClick={onClose}>
      {t('common:actions.close')}
    </Button>
  );
  if (step.kind === 'job') {
    return (
      <>
        {step.running ? <p className="footer-note">{t('footer.continues')}</p> : null}
        {close}
      </>
    );
  }
  if (step.kind === 'setup') {
    return (
      <>
        {close}
        <Button
          key="preview"
          variant="primary"
          icon="search"
          onClick={onPreview}
          busy={step.previewing}
          disabled={step.blocked}
        >
          {t('footer.preview')}
        </Button>
      </>
    );
  }
  const starting = step.starting;
  if (step.conflicts > 0) {
    return (
      <>
        {close}
        <Button
          key="overwrite"
          variant="danger"
          onClick={() => onStart('overwrite')}
          busy={starting === 'overwrite'}
          disabled={starting !== undefined}
        >
          {t('footer.overwrite')}
        </Button>
        <Button
          key="skip"
          variant="primary"
          onClick={() => onStart('skip')}
          busy={starting === 'skip'}
          disabled={starting !== undefined}
        >
          {t('footer.skip')}
        </Button>
      </>
    );
  }
  return (
    <>
      {close}
      <Button
        key="restore"
        variant="primary"
        icon="download"
        onClick={() => onStart('skip')}
        busy={starting !== undefined}
      >
        {t('footer.restore')}
      </Button>
    </>
  );
}
