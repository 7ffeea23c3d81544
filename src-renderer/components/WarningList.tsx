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
  about,
  open = false,
}: {
  warnings: readonly string[];
  about: string;
  open?: boolean;
}) {
  const { t } = useTranslation('components');
  if (warnings.length === 0) return null;
  return (
    <details className="warnings" open={open}>
      <summary>
        {t('warnings.count', { count: warnings.length, formatted: formatCount(warnings.length) })} — {about}
      </summary>
      <ul>
        {warnings.slice(0, SHOWN_WARNINGS).map((warning, index) => (
          <li key={index}>{warning}</li>
        ))}
      </ul>
      {warnings.length > SHOWN_WARNINGS ? <p className="muted">{t('warnings.logHasAll')}</p> : null}
    </details>
  );
}
