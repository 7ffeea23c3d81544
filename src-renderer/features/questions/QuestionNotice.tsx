/**
 * One pending question of borg's, with Answer…: under the job that stopped at it, on the repository
 * screen and in Needs attention. Answering goes to the core (`questions:answer`): yes runs the
 * stopped task once more with that consent, no dismisses it; what happens then is said here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { PendingQuestion } from '../../../src-main/model/question.js';
import { Button } from '../../components/Button.js';
import { useAction } from '../../lib/use-request.js';
import { useQuestionsStore } from '../../stores/questions-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { QuestionDialog } from './QuestionDialog.js';
import styles from './questions.module.css';

/** The first line of borg's words, for a one-line summary. */
function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** What stopped at the question, in words. */
export function stoppedText(question: PendingQuestion): string {
  if (question.stopped.kind === 'read')
    return i18next.t('stoppedRead', { ns: 'questions', repository: question.repoName });
  const stopped = i18next.t('stoppedJob', { ns: 'questions', title: question.stopped.title });
  return question.stopped.scheduled
    ? `${stopped} ${i18next.t('scheduledNeverAnswers', { ns: 'questions' })}`
    : stopped;
}

/** Props of {@link QuestionNotice}. */
export interface QuestionNoticeProps {
  readonly question: PendingQuestion;
  /** Name the repository in the heading (Needs attention lists several). */
  readonly showRepository?: boolean;
}

/** The notice with its Answer… button and dialog. */
export function QuestionNotice({ question, showRepository = false }: QuestionNoticeProps) {
  const { t } = useTranslation('questions');
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const loadDetails = useReposStore((s) => s.loadDetails);
  const answer = useAction('questions:answer', {
    fallback: t('answerFailed'),
    onSuccess: (result) => {
      setOpen(false);
      setOutcome(result.message);
      // A read that stopped at the question was repeated in the core: show what it found.
      if (question.stopped.kind === 'read') void loadDetails(question.repoId);
    },
  });
  const warning = question.kind === 'warning';
  // Borg's own first line when it printed one (its words, not ours), else the core's plain meaning.
  const borgLine = firstLine(question.borgText);
  return (
    <div className={styles.notice} aria-label={warning ? t('securityWarningAria') : t('questionAria')}>
      <div className={styles.noticeHead}>
        <strong>
          {showRepository
            ? t('headingAbout', {
                heading: warning ? t('titleWarning') : t('titleQuestion'),
                repository: question.repoName,
              })
            : warning
              ? t('titleWarning')
              : t('titleQuestion')}
        </strong>
        <span className="chip chip-warn">{warning ? t('chipWarning') : t('chipWaiting')}</span>
      </div>
      {borgLine !== '' ? (
        <p className={styles.noticeText} translate="no">
          {borgLine}
        </p>
      ) : (
        <p className={styles.noticeText}>{question.meaning}</p>
      )}
      <p className={styles.noticeText}>{stoppedText(question)}</p>
      <div className={styles.noticeActions}>
        <Button variant={warning ? 'secondary' : 'primary'} size="small" onClick={() => setOpen(true)}>
          {warning ? t('read') : t('answer')}
        </Button>
      </div>
      {open ? (
        <QuestionDialog
          words={question}
          borgText={question.borgText}
          context={stoppedText(question)}
          busy={answer.pending}
          error={answer.error}
          onYes={() => answer.run({ questionId: question.id, answer: 'yes' })}
          onNo={() => answer.run({ questionId: question.id, answer: 'no' })}
          onClose={() => setOpen(false)}
        />
      ) : null}
      {outcome !== undefined ? <p className={styles.noticeText}>{outcome}</p> : null}
    </div>
  );
}

/** Which pending questions a {@link QuestionList} shows. */
export interface QuestionListProps {
  /** Only this repository's. */
  readonly repoId?: string;
  /** Only the one this job stopped at (under its result). */
  readonly jobId?: string;
  /** Not the one this job stopped at (its result card shows it already). */
  readonly exceptJobId?: string | undefined;
  readonly showRepository?: boolean;
}

const stoppedJob = (q: PendingQuestion): string | undefined =>
  q.stopped.kind === 'job' ? q.stopped.jobId : undefined;

/** The matching questions, each with Answer…; nothing when none is pending. */
export function QuestionList({ repoId, jobId, exceptJobId, showRepository = false }: QuestionListProps) {
  const all = useQuestionsStore((s) => s.questions);
  const questions = all.filter(
    (q) =>
      (repoId === undefined || q.repoId === repoId) &&
      (jobId === undefined || stoppedJob(q) === jobId) &&
      (exceptJobId === undefined || stoppedJob(q) !== exceptJobId),
  );
  const { t } = useTranslation('questions');
  if (questions.length === 0) return null;
  return (
    <div aria-label={t('listAria')}>
      {questions.map((q) => (
        <QuestionNotice key={q.id} question={q} showRepository={showRepository} />
      ))}
    </div>
  );
}
