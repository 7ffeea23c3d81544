/**
 * Shown instead of the app when borg cannot be used: what is wrong (missing, too old, broken, or
 * Windows, where borg runs only inside WSL), what was found or searched, how to install it on each
 * platform, and a way to point at a custom borg.
 */
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { AppStatus, BorgStatus } from '../../../src-main/model/app.js';
import { Button } from '../../components/Button.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import styles from './setup.module.css';

/** Props of {@link BorgMissing}. */
export interface BorgMissingProps {
  readonly status: AppStatus;
}

type SetupT = TFunction<'setup'>;

// Versions and paths are data: they sit in translate="no" so they are never machine-translated.
const data = { data: <span translate="no" /> };

/** A catalog sentence naming the borg found: its `<data>` parts (version, path) are data. */
function FoundBorg({
  t,
  i18nKey,
  values,
}: {
  readonly t: SetupT;
  readonly i18nKey: 'tooOld.detail' | 'unsupported.found' | 'broken.detail' | 'ready.detail';
  readonly values: Readonly<Record<string, string>>;
}) {
  return <Trans t={t} i18nKey={i18nKey} values={values} components={data} />;
}

function headline(borg: BorgStatus, t: SetupT): { title: string; detail: ReactNode } {
  switch (borg.state) {
    case 'missing':
      return { title: t('missing.title'), detail: t('missing.detail') };
    case 'too-old':
      return {
        title: t('tooOld.title'),
        detail: (
          <FoundBorg
            t={t}
            i18nKey="tooOld.detail"
            values={{ version: borg.version, path: borg.path, minimum: borg.minimum }}
          />
        ),
      };
    case 'unsupported':
      return {
        title: t('unsupported.title'),
        detail: (
          <>
            <FoundBorg
              t={t}
              i18nKey="unsupported.found"
              values={{ version: borg.version, path: borg.path }}
            />{' '}
            {/* The core's own words for why (until it sends a code for them). */}
            {borg.reason} {t('unsupported.install')}
          </>
        ),
      };
    case 'broken':
      return {
        title: t('broken.title'),
        detail: (
          <>
            <FoundBorg t={t} i18nKey="broken.detail" values={{ path: borg.path }} />{' '}
            <span translate="no">{borg.detail}</span>
          </>
        ),
      };
    case 'platform-unsupported':
      // The core's reason is always the one Windows sentence (app-status.ts), said here in the UI's language.
      return { title: t('windows.title'), detail: `${t('windows.reason')} ${t('windows.detail')}` };
    case 'ok':
      return {
        title: t('ready.title'),
        detail: (
          <FoundBorg t={t} i18nKey="ready.detail" values={{ version: borg.version, path: borg.path }} />
        ),
      };
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
  const { t } = useTranslation('setup');
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const [borgPath, setBorgPath] = useState(settings?.borgPath ?? '');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const { title, detail } = headline(status.borg, t);
  // A path to a borg.exe would not help: Borgdesk does not drive borg on Windows (app-status.ts).
  const wsl = status.borg.state === 'platform-unsupported';

  const checkAgain = async (): Promise<void> => {
    setChecking(true);
    setError(undefined);
    try {
      if (borgPath.trim() !== (settings?.borgPath ?? '')) await updateSettings({ borgPath: borgPath.trim() });
      await loadStatus();
    } catch (e) {
      setError(toErrorInfo(e, t('saveFailed')));
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
            <summary>
              {t('searched', {
                count: status.borg.searched.length,
                formatted: formatCount(status.borg.searched.length),
              })}
            </summary>
            <ul translate="no">
              {status.borg.searched.map((place) => (
                <li key={place}>
                  <code>{place}</code>
                </li>
              ))}
            </ul>
          </details>
        ) : null}

        <h2>{wsl ? t('useInsideWsl') : t('install')}</h2>
        <ul className={`boxed-list ${styles.installHints}`}>
          {sortHints(status).map((hint) => (
            <li key={hint.platform}>
              <span className={styles.installPlatform} translate="no">
                {hint.platform}
              </span>
              <code className={styles.installCommand} translate="no">
                {hint.command}
              </code>
              <CopyButton text={hint.command} label={t('copyCommand', { platform: hint.platform })} />
            </li>
          ))}
        </ul>

        {wsl ? null : (
          <>
            <h2>{t('elsewhere')}</h2>
            {error ? <ErrorMessage error={error} /> : null}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void checkAgain();
              }}
            >
              <Field label={t('borgPath.label')} hint={t('borgPath.hint')}>
                <input
                  value={borgPath}
                  onChange={(e) => setBorgPath(e.target.value)}
                  placeholder="/usr/local/bin/borg"
                  translate="no"
                  spellCheck={false}
                />
              </Field>
              <div className={styles.setupActions}>
                <Button type="submit" variant="primary" icon="refresh" busy={checking}>
                  {t('checkAgain')}
                </Button>
              </div>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
