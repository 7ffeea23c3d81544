/**
 * "Start Borgdesk when I log in", with why it is unavailable in the browser host, and the desktop's
 * missing tray icon said plainly: without one, closing the window minimises Borgdesk instead of
 * hiding it, and the user should know why it stays in the taskbar.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link StartAtLoginField}. */
export interface StartAtLoginFieldProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** From app:status: only the desktop app can register itself to start at login. */
  readonly supported: boolean;
  /** From app:status: why the desktop shows no tray icon, if it does not. */
  readonly trayProblem?: string;
}

/** The switch, its hint, and the tray notice. */
export function StartAtLoginField({ checked, onChange, supported, trayProblem }: StartAtLoginFieldProps) {
  const { t } = useTranslation('settings');
  const hintId = useId();
  return (
    <div className="field">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={supported && checked}
          disabled={!supported}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t('startAtLogin.label')}</span>
      </label>
      <p className="field-hint" id={hintId}>
        {supported ? t('startAtLogin.supportedHint') : t('startAtLogin.unsupportedHint')}
      </p>
      {trayProblem !== undefined ? (
        <p className="callout callout-compact" role="note">
          {t('startAtLogin.noTray', { problem: trayProblem })}
        </p>
      ) : null}
    </div>
  );
}
