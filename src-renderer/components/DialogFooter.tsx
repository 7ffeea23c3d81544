/**
 * The footer of a form dialog: the way out (unavailable while the action runs, like the dialog's
 * own close button) and the primary button that submits the form.
 */
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';
import type { IconName } from './Icon.js';

/** Props of {@link DialogFooter}. */
export interface DialogFooterProps {
  readonly onClose: () => void;
  /** The action runs: both buttons wait, the submit button shows a spinner. */
  readonly busy: boolean | undefined;
  readonly submitLabel: string;
  /** "Cancel" where nothing has happened yet; "Close" where the dialog also shows a result (shown translated). */
  readonly closeLabel?: 'Cancel' | 'Close';
  readonly submitIcon?: IconName;
}

/** Cancel (or Close) and the submit button, for a Dialog's `footer`. */
export function DialogFooter(props: DialogFooterProps) {
  const { onClose, busy, submitLabel, closeLabel = 'Cancel', submitIcon } = props;
  const { t } = useTranslation('common');
  return (
    <>
      <Button onClick={onClose} disabled={busy}>
        {closeLabel === 'Close' ? t('actions.close') : t('actions.cancel')}
      </Button>
      <Button type="submit" variant="primary" icon={submitIcon} busy={busy}>
        {submitLabel}
      </Button>
    </>
  );
}
