/**
 * Shows a printable page (the recovery kit, or borg's QR key page) in a sandboxed frame with Print
 * and Save. The kit has no scripts, so its frame allows none and may be printed from here; borg's QR
 * page draws its code with a script, so that frame runs scripts but stays cross-origin (Save it and
 * print it from the browser).
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { saveTextFile } from '../../lib/save-file.js';
import styles from './keys.module.css';

/** Props of {@link PrintPreviewDialog}. */
export interface PrintPreviewDialogProps {
  readonly title: string;
  readonly html: string;
  readonly fileName: string;
  /** True for borg's QR page (it needs its script); false for Borgdesk's own pages. */
  readonly runsScripts: boolean;
  readonly onClose: () => void;
}

/** A dialog with the page, "Print…" (own pages) and "Save as file". */
export function PrintPreviewDialog({ title, html, fileName, runsScripts, onClose }: PrintPreviewDialogProps) {
  const { t } = useTranslation(['keys', 'common']);
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Dialog
      title={title}
      size="large"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.close')}</Button>
          <Button icon="save" onClick={() => saveTextFile(fileName, html, 'text/html')}>
            {t('preview.saveAsFile')}
          </Button>
          {runsScripts ? null : (
            <Button variant="primary" icon="file" onClick={() => frame.current?.contentWindow?.print()}>
              {t('preview.print')}
            </Button>
          )}
        </>
      }
    >
      <iframe
        ref={frame}
        title={title}
        className={styles.preview}
        sandbox={runsScripts ? 'allow-scripts' : 'allow-same-origin allow-modals'}
        srcDoc={html}
      />
    </Dialog>
  );
}
