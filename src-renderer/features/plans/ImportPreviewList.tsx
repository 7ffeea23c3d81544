/**
 * The body of the import preview: what the file is, each repository (mapped to one already here, or
 * added locked) and each plan with a checkbox, what it carries over and what it does not.
 */
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/model/plan-transfer.js';
import { formatCount } from '../../lib/format.js';
import styles from './import-plans.module.css';
import { scheduleText } from '../../lib/core-words/schedule.js';

const SOURCE_KEYS = {
  borgdesk: 'import.sourceBorgdesk',
  vorta: 'import.sourceVorta',
  borgmatic: 'import.sourceBorgmatic',
} as const satisfies Readonly<Record<ImportPreview['source'], string>>;

/** Props of {@link ImportPreviewList}. */
export interface ImportPreviewListProps {
  readonly preview: ImportPreview;
  readonly chosen: ReadonlySet<string>;
  readonly onToggle: (planKey: string) => void;
}

/** The preview of one import file. */
export function ImportPreviewList({ preview, chosen, onToggle }: ImportPreviewListProps) {
  const { t } = useTranslation('plans');
  const count = (n: number) => ({ count: n, n: formatCount(n) });
  const repoName = new Map(
    preview.repositories.map((r) => [r.key, r.action === 'existing' ? (r.existingName ?? r.name) : r.name]),
  );
  return (
    <>
      <p className={styles.importSummary}>
        {t('import.summary', {
          source: t(SOURCE_KEYS[preview.source]),
          plans: t('import.planCount', count(preview.plans.length)),
          repositories: t('import.repositoryCount', count(preview.repositories.length)),
        })}
      </p>
      {preview.notMapped.length > 0 ? (
        <ul className={styles.importNotMapped} aria-label={t('import.notTakenOver')}>
          {preview.notMapped.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <section className={styles.importSection} aria-label={t('import.repositories')}>
        <h3>{t('import.repositories')}</h3>
        <ul className={styles.importList}>
          {preview.repositories.map((repo) => (
            <li key={repo.key} className={styles.importItem}>
              <div className={styles.importItemTitle}>
                <span translate="no">
                  {repo.action === 'existing' ? (repo.existingName ?? repo.name) : repo.name}
                </span>
                <span className={styles.importMuted} translate="no">
                  {repo.location}
                </span>
              </div>
              <ul className={styles.importLines}>
                <li>
                  {repo.action === 'existing'
                    ? t('import.existing')
                    : repo.locked
                      ? t('import.addedLocked')
                      : t('import.added')}
                </li>
                {repo.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.importSection} aria-label={t('import.plans')}>
        <h3>{t('import.plans')}</h3>
        <ul className={styles.importList}>
          {preview.plans.map((plan) => (
            <li key={plan.key} className={styles.importItem}>
              <label className={styles.importItemTitle}>
                <input
                  type="checkbox"
                  checked={plan.problem === undefined && chosen.has(plan.key)}
                  disabled={plan.problem !== undefined}
                  onChange={() => onToggle(plan.key)}
                />
                <span translate="no">{plan.name}</span>
                {plan.name !== plan.originalName ? (
                  <span className={styles.importMuted}>
                    {t('import.nameExists', { name: plan.originalName })}
                  </span>
                ) : null}
              </label>
              <ul className={styles.importLines}>
                <li>
                  {plan.sourcePaths.length > 0
                    ? t('import.backsUp', { paths: plan.sourcePaths.join(', ') })
                    : t('import.backsUpNothing')}
                </li>
                {plan.targets.map((target) => (
                  <li key={target.repositoryKey}>
                    {t('import.to', {
                      repository: repoName.get(target.repositoryKey) ?? t('import.aRepository'),
                      schedule: scheduleText(target.schedule),
                    })}
                  </li>
                ))}
                {plan.carried.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {plan.problem !== undefined ? <p className={styles.importProblem}>{plan.problem}</p> : null}
              {plan.notMapped.length > 0 ? (
                <>
                  <p className={styles.importMuted}>{t('import.leftOut')}</p>
                  <ul
                    className={styles.importNotMapped}
                    aria-label={t('import.leftOutAria', { name: plan.name })}
                  >
                    {plan.notMapped.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
