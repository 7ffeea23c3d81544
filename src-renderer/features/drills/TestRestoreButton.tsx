/**
 * "Test restore": queues a restore drill of the plan's newest archive in one repository (or, without
 * a plan, of the repository's newest archive). The job shows in the jobs panel; its result lands in
 * History and on the Overview.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../lib/use-request.js';

/** Props of {@link TestRestoreButton}. */
export interface TestRestoreButtonProps {
  readonly repoId: string;
  readonly planId?: string;
  /** What the button tests, for screen readers ("Documents to USB disk"). */
  readonly subject: string;
  /** Among a screen's header actions (a repository's): a plain ghost button like its neighbours. */
  readonly inHeader?: boolean;
}

/** The button, then "Restore test started." or why it could not start. */
export function TestRestoreButton({ repoId, planId, subject, inHeader }: TestRestoreButtonProps) {
  const { t } = useTranslation('drills');
  const start = useAction('drills:start', { fallback: t('startFailed') });
  return (
    <>
      <Button
        {...(inHeader ? { variant: 'ghost' as const } : { size: 'small' as const })}
        icon="download"
        busy={start.pending}
        aria-label={t('testRestoreAria', { subject })}
        onClick={() => start.run({ repoId, ...(planId === undefined ? {} : { planId }) })}
      >
        {t('testRestore')}
      </Button>
      {start.data ? (
        <span role="status" className="muted">
          {' '}
          {t('started')}
        </span>
      ) : null}
      {start.error ? <ErrorMessage error={start.error} /> : null}
    </>
  );
}
