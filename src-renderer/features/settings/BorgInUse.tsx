/** Settings' statement of the borg in use: its version, where it is, and what it supports in plain words. */
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
  if (borg === undefined) return null;
  return (
    <div className="field" role="group" aria-label="Borg in use">
      <span className="field-label">Borg in use</span>
      {borg.state === 'ok' ? (
        <>
          <p className="field-hint">
            borg {borgVersionLabel(borg.version)} at <code>{borg.path}</code>
          </p>
          <ul className={`field-hint ${styles.abilities}`} aria-label="What it supports">
            {borgAbilities(borg.features).map((ability) => (
              <li key={ability}>{capitalised(ability)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="callout callout-compact" role="note">
          {notUsable(borg)}
        </p>
      )}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function notUsable(borg: Exclude<BorgStatus, { state: 'ok' }>): string {
  switch (borg.state) {
    case 'missing':
      return 'No borg was found. Install borg, or enter the path to it above.';
    case 'too-old':
      return `borg ${borg.version} at ${borg.path} is too old; Borgdesk needs ${borg.minimum} or newer.`;
    case 'broken':
      return `The borg at ${borg.path} does not run: ${borg.detail}`;
    case 'unsupported':
      return `borg ${borg.version} at ${borg.path} can’t be used: ${borg.reason}`;
    case 'platform-unsupported':
      return `${borg.reason} Use Borgdesk’s browser host inside WSL instead.`;
  }
}
