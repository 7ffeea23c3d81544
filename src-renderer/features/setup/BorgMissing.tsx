/**
 * Shown instead of the app when borg cannot be used: what is wrong (missing, too old, broken, or
 * Windows, where borg runs only inside WSL), what was found or searched, how to install it on each
 * platform, and a way to point at a custom borg.
 */
import { useState } from 'react';
import type { AppStatus, BorgStatus } from '../../../src-main/model/app.js';
import { Button } from '../../components/Button.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import styles from './setup.module.css';

/** Props of {@link BorgMissing}. */
export interface BorgMissingProps {
  readonly status: AppStatus;
}

function headline(borg: BorgStatus): { title: string; detail: string } {
  switch (borg.state) {
    case 'missing':
      return {
        title: 'BorgBackup is not installed',
        detail: 'Borgdesk drives the borg program, and could not find it.',
      };
    case 'too-old':
      return {
        title: 'BorgBackup is too old',
        detail: `Found borg ${borg.version} at ${borg.path}; Borgdesk needs ${borg.minimum} or newer.`,
      };
    case 'unsupported':
      return {
        title: 'This BorgBackup is not supported yet',
        detail: `Found borg ${borg.version} at ${borg.path}. ${borg.reason} Install borg 1.4 (or 1.2) beside it and point Borgdesk at that one below.`,
      };
    case 'broken':
      return { title: 'BorgBackup does not work', detail: `${borg.path} did not run: ${borg.detail}` };
    case 'platform-unsupported':
      return {
        title: 'On Windows, Borgdesk runs inside WSL',
        detail: `${borg.reason} Install borg inside WSL, start Borgdesk’s browser host there, and open the address it prints in your Windows browser.`,
      };
    case 'ok':
      return { title: 'BorgBackup is ready', detail: `borg ${borg.version} at ${borg.path}` };
  }
}

// Put the hint for this platform first, so the right command is the first one people see.
function sortHints(status: AppStatus): AppStatus['installHints'] {
  const mac = status.platform === 'darwin';
  const score = (platform: string): number => (mac === /mac/i.test(platform) ? 0 : 1);
  return [...status.installHints].sort((a, b) => score(a.platform) - score(b.platform));
}

/** The "borg is missing" setup screen. */
export function BorgMissing({ status }: BorgMissingProps) {
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const [borgPath, setBorgPath] = useState(settings?.borgPath ?? '');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const { title, detail } = headline(status.borg);
  // A path to a borg.exe would not help: Borgdesk does not drive borg on Windows (app-status.ts).
  const wsl = status.borg.state === 'platform-unsupported';

  const checkAgain = async (): Promise<void> => {
    setChecking(true);
    setError(undefined);
    try {
      if (borgPath.trim() !== (settings?.borgPath ?? '')) await updateSettings({ borgPath: borgPath.trim() });
      await loadStatus();
    } catch (e) {
      setError(toErrorInfo(e, 'The path could not be saved.'));
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className={styles.setup}>
      <div className={`card ${styles.setupCard}`}>
        <div className={styles.setupIcon} aria-hidden="true">
          <Icon name="alert" size={26} />
        </div>
        <h1>{title}</h1>
        <p className="lead">{detail}</p>
        {status.borg.state === 'missing' && status.borg.searched.length > 0 ? (
          <details className={styles.searched}>
            <summary>Where Borgdesk looked ({status.borg.searched.length} places)</summary>
            <ul>
              {status.borg.searched.map((place) => (
                <li key={place}>
                  <code>{place}</code>
                </li>
              ))}
            </ul>
          </details>
        ) : null}

        <h2>{wsl ? 'Use Borgdesk inside WSL' : 'Install BorgBackup'}</h2>
        <ul className={`boxed-list ${styles.installHints}`}>
          {sortHints(status).map((hint) => (
            <li key={hint.platform}>
              <span className={styles.installPlatform}>{hint.platform}</span>
              <code className={styles.installCommand}>{hint.command}</code>
              <CopyButton text={hint.command} label={`Copy the ${hint.platform} command`} />
            </li>
          ))}
        </ul>

        {wsl ? null : (
          <>
            <h2>Or use a borg installed elsewhere</h2>
            {error ? <ErrorMessage error={error} /> : null}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void checkAgain();
              }}
            >
              <Field label="Path to borg" hint="Leave empty to search your PATH.">
                <input
                  value={borgPath}
                  onChange={(e) => setBorgPath(e.target.value)}
                  placeholder="/usr/local/bin/borg"
                  spellCheck={false}
                />
              </Field>
              <div className={styles.setupActions}>
                <Button type="submit" variant="primary" icon="refresh" busy={checking}>
                  Check again
                </Button>
              </div>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
