import { useTranslation } from 'react-i18next';
import { formatCount } from '../lib/format.js';

/** How many warnings a result lists before pointing at the log, which keeps them all. */
const SHOWN_WARNINGS = 50;

/**
 * The warnings borg printed during a job, folded under a count and what they are about
 * ("files borg could not read completely"); nothing when there are none.
 */
export function WarningList({
  warnings,
  more = 0,
  about,
  open = false,
}: {
  warnings: readonly string[];
  /** How many more warnings the job log holds (the core caps the list it sends). */
  more?: number | undefined;
  about: string;
  open?: boolean;
}) {
  const { t } = useTranslation(['components', 'common']);
  const count = warnings.length + more;
  if (count === 0) return null;
  return (
    <details className="warnings" open={open}>
      <summary>
        {t('warnings.count', { count, formatted: formatCount(count) })} — {about}
      </summary>
      <ul>
        {warnings.slice(0, SHOWN_WARNINGS).map((warning, index) => (
          // Borg's own words, as borg wrote them.
          <li key={index} translate="no" title={t('common:borgSays')}>
            {warning}
          </li>
        ))}
        {more > 0 && warnings.length <= SHOWN_WARNINGS ? (
          <li>{t('coreTextsA.moreWarnings', { count: more, formatted: formatCount(more) })}</li>
        ) : null}
      </ul>
      {warnings.length > SHOWN_WARNINGS ? <p className="muted">{t('warnings.logHasAll')}</p> : null}
    </details>
  );
}
