/**
 * What a running job is doing: a step Borgdesk names itself, worded from the catalog, or borg's own
 * progress message, kept as borg wrote it and marked as borg's.
 */
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../src-main/model/job.js';
import { stepText } from '../lib/core-words/step.js';

type StepProgress = Extract<JobProgress, { kind: 'step' }>;

/** The step line of a job; `message` and `words` as the core sent them. */
export function StepMessage({ step }: { readonly step: Pick<StepProgress, 'message' | 'words'> }) {
  const { t } = useTranslation('common');
  if (step.words !== undefined) return <>{stepText(step.words)}</>;
  return (
    <span translate="no" title={t('borgSays')}>
      {step.message}
    </span>
  );
}
