/**
 * The body of the import preview: what the file is, each repository (mapped to one already here, or
 * added locked) and each plan with a checkbox, what it carries over and what it does not.
 */
import type { ImportPreview } from '../../../src-main/model/plan-transfer.js';
import styles from './import-plans.module.css';
import { scheduleText } from '../../lib/core-words/schedule.js';

const SOURCE_WORDS: Readonly<Record<ImportPreview['source'], string>> = {
  borgdesk: 'A Borgdesk plans export',
  vorta: 'A Vorta profile export',
  borgmatic: 'A borgmatic configuration',
};

/** Props of {@link ImportPreviewList}. */
export interface ImportPreviewListProps {
  readonly preview: ImportPreview;
  readonly chosen: ReadonlySet<string>;
  readonly onToggle: (planKey: string) => void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The preview of one import file. */
export function ImportPreviewList({ preview, chosen, onToggle }: ImportPreviewListProps) {
  const repoName = new Map(
    preview.repositories.map((r) => [r.key, r.action === 'existing' ? (r.existingName ?? r.name) : r.name]),
  );
  return (
    <>
      <p className={styles.importSummary}>
        {SOURCE_WORDS[preview.source]}: {plural(preview.plans.length, 'plan')},{' '}
        {plural(preview.repositories.length, 'repository').replace('repositorys', 'repositories')}.
      </p>
      {preview.notMapped.length > 0 ? (
        <ul className={styles.importNotMapped} aria-label="Not taken over from the file">
          {preview.notMapped.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <section className={styles.importSection} aria-label="Repositories">
        <h3>Repositories</h3>
        <ul className={styles.importList}>
          {preview.repositories.map((repo) => (
            <li key={repo.key} className={styles.importItem}>
              <div className={styles.importItemTitle}>
                <span>{repo.action === 'existing' ? (repo.existingName ?? repo.name) : repo.name}</span>
                <span className={styles.importMuted}>{repo.location}</span>
              </div>
              <ul className={styles.importLines}>
                <li>
                  {repo.action === 'existing'
                    ? 'Already in Borgdesk: the plans use it.'
                    : repo.locked
                      ? 'Will be added, locked (Borgdesk does not contact it now).'
                      : 'Will be added (Borgdesk does not contact it now).'}
                </li>
                {repo.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.importSection} aria-label="Plans">
        <h3>Plans</h3>
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
                <span>{plan.name}</span>
                {plan.name !== plan.originalName ? (
                  <span className={styles.importMuted}>(a plan named “{plan.originalName}” exists)</span>
                ) : null}
              </label>
              <ul className={styles.importLines}>
                <li>Backs up {plan.sourcePaths.length > 0 ? plan.sourcePaths.join(', ') : 'no folder'}.</li>
                {plan.targets.map((t) => (
                  <li key={t.repositoryKey}>
                    To {repoName.get(t.repositoryKey) ?? 'a repository'}: {scheduleText(t.schedule)}.
                  </li>
                ))}
                {plan.carried.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {plan.problem !== undefined ? <p className={styles.importProblem}>{plan.problem}</p> : null}
              {plan.notMapped.length > 0 ? (
                <>
                  <p className={styles.importMuted}>Left out or changed:</p>
                  <ul className={styles.importNotMapped} aria-label={`Left out of ${plan.name}`}>
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
