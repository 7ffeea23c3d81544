/**
 * First run: one screen that proposes everything — an encrypted repository at a sensible place, the
 * home folder without caches and trash — so the first backup is: type a passphrase twice, click
 * "Create repository and back up". Every default can be changed right here.
 */
import { useState } from 'react';
import type { AppStatus } from '../../../src-main/model/app.js';
import { BrandMark } from '../../components/BrandMark.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { PassphraseFields, passphraseProblem } from '../../components/PassphraseFields.js';
import { RememberPassphraseField, useRememberChoice } from '../../components/RememberPassphraseField.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { defaultExcludePatterns, joinPath, tildify } from '../../lib/paths.js';
import { encryptionModesOf } from '../../lib/encryption-choices.js';
import { useAppStore } from '../../stores/app-store.js';
import { FolderPicker } from '../folders/FolderPicker.js';
import { locationFieldError } from '../repositories/location-field.js';
import { useExtraLocationSchemes } from '../repositories/location-kinds.js';
import { createAndBackUp } from './first-backup.js';
import styles from './welcome.module.css';

/** Props of {@link Welcome}. */
export interface WelcomeProps {
  readonly status: AppStatus;
}

/** The first-run welcome screen. */
export function Welcome({ status }: WelcomeProps) {
  const openDialog = useAppStore((s) => s.openDialog);
  const dismissWelcome = useAppStore((s) => s.dismissWelcome);
  // The mode the first backup creates: the borg in use's recommended one (first-backup.ts).
  const newRepositoryMode = encryptionModesOf(status.borg)[0] ?? 'repokey-blake2';
  const [location, setLocation] = useState(status.defaults.repositoryPath);
  const [sources, setSources] = useState<readonly string[]>(status.defaults.sourcePaths);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useRememberChoice();
  const [picking, setPicking] = useState<'location' | 'sources'>();
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ErrorInfo>();

  const extraSchemes = useExtraLocationSchemes();
  const excludes = defaultExcludePatterns(status.homeDir, status.platform);
  const locationError = locationFieldError(location, 'Choose where to keep the backups.', extraSchemes);
  const problem = locationError ?? passphraseProblem(passphrase, confirm);

  const submit = (): void => {
    setAttempted(true);
    if (problem || busy) return;
    setError(undefined);
    createAndBackUp(
      { location: location.trim(), passphrase, remember, sources, excludePatterns: excludes, status },
      (step) => setBusy(step),
    ).catch((e: unknown) => {
      setBusy(undefined);
      setError(toErrorInfo(e, 'The repository could not be created.'));
    });
  };

  return (
    <div className={styles.welcome}>
      <div className={styles.welcomeIntro}>
        <BrandMark size={48} />
        <h1>Welcome to Borgdesk</h1>
        <p className="lead">
          Encrypted, deduplicated backups with BorgBackup. Here is a setup that suits most people — change
          anything you like, then type a passphrase and start.
        </p>
      </div>
      <form
        className={`card ${styles.welcomeCard}`}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        {error ? <ErrorMessage error={error} /> : null}
        <section className={styles.welcomeStep}>
          <span className={styles.stepNumber} aria-hidden="true">
            1
          </span>
          <div className={styles.stepBody}>
            <h2>Where to keep your backups</h2>
            <Field
              label="Location"
              error={attempted ? locationError : undefined}
              hint={`A new encrypted repository (${newRepositoryMode}). An external drive or an ssh:// server is safer still.`}
              addon={
                <Button icon="folder" onClick={() => setPicking('location')} disabled={Boolean(busy)}>
                  Browse…
                </Button>
              }
            >
              <input value={location} onChange={(e) => setLocation(e.target.value)} spellCheck={false} />
            </Field>
          </div>
        </section>
        <section className={styles.welcomeStep}>
          <span className={styles.stepNumber} aria-hidden="true">
            2
          </span>
          <div className={styles.stepBody}>
            <h2>What to back up</h2>
            <div className={styles.sourceSummary}>
              <ul>
                {sources.map((path) => (
                  <li key={path}>
                    <Icon name={path === status.homeDir ? 'home' : 'folder'} />
                    <span>
                      {path === status.homeDir
                        ? `Your home folder (${tildify(path, status.homeDir)})`
                        : tildify(path, status.homeDir)}
                    </span>
                  </li>
                ))}
              </ul>
              <Button
                size="small"
                variant="ghost"
                onClick={() => setPicking('sources')}
                disabled={Boolean(busy)}
              >
                Change…
              </Button>
            </div>
            <p className="field-hint">
              Caches and the trash are left out: {excludes.map((p) => tildify(p, status.homeDir)).join(', ')}.
            </p>
          </div>
        </section>
        <section className={styles.welcomeStep}>
          <span className={styles.stepNumber} aria-hidden="true">
            3
          </span>
          <div className={styles.stepBody}>
            <h2>Protect it with a passphrase</h2>
            <PassphraseFields
              passphrase={passphrase}
              confirm={confirm}
              onPassphrase={setPassphrase}
              onConfirm={setConfirm}
              showErrors={attempted}
              autoFocus
            />
            <p className="field-hint">
              Write it down somewhere safe. Without it, nobody — not even you — can restore these backups.
            </p>
            <RememberPassphraseField checked={remember} onChange={setRemember} />
          </div>
        </section>
        <div className={styles.welcomeActions}>
          <Button type="submit" variant="primary" size="large" icon="upload" busy={Boolean(busy)}>
            Create repository and back up
          </Button>
          {busy ? (
            <span className="muted" aria-live="polite">
              {busy}
            </span>
          ) : null}
          <span className="spacer" />
          {busy ? null : (
            <>
              <Button
                variant="ghost"
                onClick={() => openDialog({ kind: 'add-repository', mode: 'existing' })}
              >
                I already have a repository
              </Button>
              <Button variant="ghost" onClick={dismissWelcome}>
                Skip
              </Button>
            </>
          )}
        </div>
      </form>
      {picking ? (
        <FolderPicker
          title={picking === 'location' ? 'Choose where to keep your backups' : 'Choose folders to back up'}
          multiple={picking === 'sources'}
          startPath={status.homeDir}
          onPick={(paths) => {
            if (picking === 'sources') setSources(paths);
            else if (paths[0]) setLocation(joinPath(paths[0], 'borgdesk-repo'));
          }}
          onClose={() => setPicking(undefined)}
        />
      ) : null}
    </div>
  );
}
