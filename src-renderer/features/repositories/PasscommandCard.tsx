/**
 * "Passphrase command" on the repository screen: the command that prints an encrypted repository's
 * passphrase (BORG_PASSCOMMAND), shown, changed (after borg accepted it) or removed.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';
import { PasscommandField } from './PasscommandField.js';
import styles from './PasscommandField.module.css';

/** Props of {@link PasscommandCard}. */
export interface PasscommandCardProps {
  readonly repo: RepositorySummary;
}

/** The repository's passcommand and the buttons to change or remove it. */
export function PasscommandCard({ repo }: PasscommandCardProps) {
  const { t } = useTranslation(['repositories', 'common']);
  const titleId = useId();
  const setRepositoryPasscommand = useReposStore((s) => s.setRepositoryPasscommand);
  const [draft, setDraft] = useState<string>();
  const saver = useAction(setRepositoryPasscommand, {
    fallback: t('passcommandCard.saveFailed'),
    onSuccess: () => setDraft(undefined),
  });
  const busy = saver.pending;
  const error = saver.error;
  const save = (passcommand: string | null): void => saver.run({ repoId: repo.id, passcommand });

  return (
    <section className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          {t('passcommand.label')}
        </h2>
        <span className="muted">
          {repo.passcommand === undefined ? t('passcommandCard.notSet') : t('passcommandCard.inUse')}
        </span>
      </header>
      {error ? (
        <div className={styles.cardError}>
          <ErrorMessage error={error} />
        </div>
      ) : null}
      {draft === undefined ? (
        <div className={styles.current}>
          {repo.passcommand === undefined ? (
            <p className="muted">{t('passcommandCard.offer')}</p>
          ) : (
            <code className={styles.currentCommand} translate="no">
              {repo.passcommand}
            </code>
          )}
          <Button icon="terminal" onClick={() => setDraft(repo.passcommand ?? '')} disabled={busy}>
            {repo.passcommand === undefined ? t('passcommandCard.use') : t('passcommandCard.change')}
          </Button>
          {repo.passcommand === undefined ? null : (
            <Button variant="ghost" icon="trash" onClick={() => save(null)} busy={busy}>
              {t('common:actions.remove')}
            </Button>
          )}
        </div>
      ) : (
        <form
          className={styles.cardBody}
          onSubmit={(e) => {
            e.preventDefault();
            save(draft);
          }}
        >
          <PasscommandField value={draft} onChange={setDraft} target={{ repoId: repo.id }} disabled={busy} />
          <div className={styles.actions}>
            <Button onClick={() => setDraft(undefined)} disabled={busy}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" busy={busy} disabled={draft.trim() === ''}>
              {t('passcommandCard.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
