/** Settings' statement of the borg in use: its version, where it is, and what it supports in plain words. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BorgStatus } from '../../../src-main/model/app.js';
import { borgAbilities, borgVersionLabel } from '../../lib/borg-description.js';
import styles from './BorgInUse.module.css';

/** Props of {@link BorgInUse}. */
export interface BorgInUseProps {
  /** From app:status; absent while the status loads. */
  readonly borg: BorgStatus | undefined;
}

/** "Borg in use: borg 2.0.0b19 (beta) at /usr/bin/borg — opens borg 2 repositories only; …". */
export function BorgInUse({ borg }: BorgInUseProps) {
  const { t } = useTranslation('settings');
  if (borg === undefined) return null;
  return (
    <div className="field" role="group" aria-label={t('borgInUse.label')}>
      <span className="field-label">{t('borgInUse.label')}</span>
      {borg.state === 'ok' ? (
        <>
          <p className="field-hint">
            <span translate="no">borg {borgVersionLabel(borg.version)}</span> {t('borgInUse.at')}{' '}
            <code translate="no">{borg.path}</code>
          </p>
          <ul className={`field-hint ${styles.abilities}`} aria-label={t('borgInUse.abilities')}>
            {borgAbilities(borg.features).map((ability) => (
              <li key={ability}>{capitalised(ability)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="callout callout-compact" role="note">
          {notUsable(borg, t)}
        </p>
      )}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function notUsable(borg: Exclude<BorgStatus, { state: 'ok' }>, t: TFunction<'settings'>): string {
  switch (borg.state) {
    case 'missing':
      return t('borgInUse.missing');
    case 'too-old':
      return t('borgInUse.tooOld', { version: borg.version, path: borg.path, minimum: borg.minimum });
    case 'broken':
      return t('borgInUse.broken', { path: borg.path, detail: borg.detail });
    case 'unsupported':
      return t('borgInUse.unsupported', { version: borg.version, path: borg.path, reason: borg.reason });
    case 'platform-unsupported':
      return t('borgInUse.platformUnsupported', { reason: borg.reason });
  }
}
