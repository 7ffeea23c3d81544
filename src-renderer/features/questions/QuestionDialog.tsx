/**
 * Borg's question, asked in Borgdesk: borg's own words verbatim, what they mean in plain words,
 * what yes does and what no does, then Yes / No. A security warning (a possible attack) has no
 * yes: it shows the safe next steps and can only be closed or dismissed.
 */
import { useTranslation } from 'react-i18next';
import type { QuestionWords } from '../../../src-main/model/question-texts.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { ErrorInfo } from '../../lib/error-info.js';
import styles from './questions.module.css';

/** Props of {@link QuestionDialog}. */
export interface QuestionDialogProps {
  readonly words: QuestionWords;
  /** Borg's words as it printed them; empty when borg gave none. */
  readonly borgText: string;
  /** What stopped and where, e.g. "“Nightly: back up to Disk” stopped at this question." */
  readonly context?: string;
  readonly busy: boolean;
  readonly error: ErrorInfo | undefined;
  readonly onYes: () => void;
  readonly onNo: () => void;
  readonly onClose: () => void;
}

/** The question dialog (`role="dialog"`, titled "Borg asks a question" or "Borg stopped: possible attack"). */
export function QuestionDialog(props: QuestionDialogProps) {
  const { t } = useTranslation(['questions', 'common']);
  const { words, borgText, context, busy, error, onYes, onNo, onClose } = props;
  const warning = words.kind === 'warning';
  return (
    <Dialog
      title={warning ? t('titleWarning') : t('titleQuestion')}
      size="medium"
      busy={busy}
      onClose={onClose}
      footer={
        warning ? (
          <>
            <Button variant="ghost" onClick={onClose} disabled={busy}>
              {t('common:actions.close')}
            </Button>
            <Button onClick={onNo} busy={busy}>
              {t('dismiss')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onNo} disabled={busy}>
              {t('no')}
            </Button>
            <Button variant="primary" onClick={onYes} busy={busy}>
              {t('yes')}
            </Button>
          </>
        )
      }
    >
      {context !== undefined ? <p className={styles.sectionText}>{context}</p> : null}
      {borgText !== '' ? (
        <>
          <p className={styles.sectionTitle}>{warning ? t('borgSays') : t('borgAsks')}</p>
          <pre className={styles.borgText} aria-label={t('borgWordsAria')} translate="no">
            {borgText}
          </pre>
        </>
      ) : null}
      <p className={styles.sectionTitle}>{t('meaning')}</p>
      <p className={styles.sectionText}>{words.meaning}</p>
      <p className={styles.sectionTitle}>{warning ? t('whatToDo') : t('ifYes')}</p>
      <p className={styles.sectionText}>{words.yesDoes}</p>
      <p className={styles.sectionTitle}>{warning ? t('untilThen') : t('ifNo')}</p>
      <p className={styles.sectionText}>{words.noDoes}</p>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
