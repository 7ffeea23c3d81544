/**
 * "Passphrase command" on the repository screen: the command that prints an encrypted repository's
 * passphrase (BORG_PASSCOMMAND), shown, changed (after borg accepted it) or removed.
 */
import { useId, useState } from 'react';
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
  const titleId = useId();
  const setRepositoryPasscommand = useReposStore((s) => s.setRepositoryPasscommand);
  const [draft, setDraft] = useState<string>();
  const saver = useAction(setRepositoryPasscommand, {
    fallback: 'The passphrase command could not be saved.',
    onSuccess: () => setDraft(undefined),
  });
  const busy = saver.pending;
  const error = saver.error;
  const save = (passcommand: string | null): void => saver.run({ repoId: repo.id, passcommand });

  return (
    <section className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          Passphrase command
        </h2>
        <span className="muted">
          {repo.passcommand === undefined
            ? 'Not set: the passphrase is typed'
            : 'Borg runs it for every task'}
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
            <p className="muted">
              Instead of typing the passphrase, borg can get it from a command such as a password manager.
            </p>
          ) : (
            <code className={styles.currentCommand}>{repo.passcommand}</code>
          )}
          <Button icon="terminal" onClick={() => setDraft(repo.passcommand ?? '')} disabled={busy}>
            {repo.passcommand === undefined ? 'Use a command…' : 'Change…'}
          </Button>
          {repo.passcommand === undefined ? null : (
            <Button variant="ghost" icon="trash" onClick={() => save(null)} busy={busy}>
              Remove
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
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={busy} disabled={draft.trim() === ''}>
              Save command
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
