/**
 * First run: one screen that proposes everything — an encrypted repository at a sensible place, the
 * home folder without caches and trash — so the first backup is: type a passphrase twice, click
 * "Create repository and back up". Every default can be changed right here.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['welcome', 'common']);
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
  const locationError = locationFieldError(location, t('errors.noLocation'), extraSchemes);
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
      setError(toErrorInfo(e, t('errors.createFailed')));
    });
  };

  return (
    <div className={styles.welcome}>
      <div className={styles.welcomeIntro}>
        <BrandMark size={48} />
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
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
            <h2>{t('location.heading')}</h2>
            <Field
              label={t('location.label')}
              error={attempted ? locationError : undefined}
              hint={t('location.hint', { mode: newRepositoryMode })}
              addon={
                <Button icon="folder" onClick={() => setPicking('location')} disabled={Boolean(busy)}>
                  {t('common:actions.browse')}
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
            <h2>{t('sources.heading')}</h2>
            <div className={styles.sourceSummary}>
              <ul>
                {sources.map((path) => (
                  <li key={path}>
                    <Icon name={path === status.homeDir ? 'home' : 'folder'} />
                    {path === status.homeDir ? (
                      <span>
                        <Trans
                          t={t}
                          i18nKey="sources.homeFolder"
                          values={{ path: tildify(path, status.homeDir) }}
                          components={{ path: <span translate="no" /> }}
                        />
                      </span>
                    ) : (
                      <span translate="no">{tildify(path, status.homeDir)}</span>
                    )}
                  </li>
                ))}
              </ul>
              <Button
                size="small"
                variant="ghost"
                onClick={() => setPicking('sources')}
                disabled={Boolean(busy)}
              >
                {t('sources.change')}
              </Button>
            </div>
            <p className="field-hint">
              <Trans
                t={t}
                i18nKey="sources.excluded"
                values={{ paths: excludes.map((p) => tildify(p, status.homeDir)).join(', ') }}
                components={{ paths: <span translate="no" /> }}
              />
            </p>
          </div>
        </section>
        <section className={styles.welcomeStep}>
          <span className={styles.stepNumber} aria-hidden="true">
            3
          </span>
          <div className={styles.stepBody}>
            <h2>{t('passphrase.heading')}</h2>
            <PassphraseFields
              passphrase={passphrase}
              confirm={confirm}
              onPassphrase={setPassphrase}
              onConfirm={setConfirm}
              showErrors={attempted}
              autoFocus
            />
            <p className="field-hint">{t('passphrase.hint')}</p>
            <RememberPassphraseField checked={remember} onChange={setRemember} />
          </div>
        </section>
        <div className={styles.welcomeActions}>
          <Button type="submit" variant="primary" size="large" icon="upload" busy={Boolean(busy)}>
            {t('actions.createAndBackUp')}
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
                {t('actions.haveRepository')}
              </Button>
              <Button variant="ghost" onClick={dismissWelcome}>
                {t('actions.skip')}
              </Button>
            </>
          )}
        </div>
      </form>
      {picking ? (
        <FolderPicker
          title={picking === 'location' ? t('location.pickTitle') : t('sources.pickTitle')}
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
