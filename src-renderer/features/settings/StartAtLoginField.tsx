/**
 * "Start Borgdesk when I log in", with why it is unavailable in the browser host, and the desktop's
 * missing tray icon said plainly: without one, closing the window minimises Borgdesk instead of
 * hiding it, and the user should know why it stays in the taskbar.
 */
import { useId } from 'react';

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
        <span>Start Borgdesk when I log in</span>
      </label>
      <p className="field-hint" id={hintId}>
        {supported
          ? 'Borgdesk starts without opening its window, so scheduled backups run after every login.'
          : 'Only the desktop app can start at login. Here, start the browser host with your system instead (a systemd user service, for example).'}
      </p>
      {trayProblem !== undefined ? (
        <p className="callout callout-compact" role="note">
          No tray icon: {trayProblem}. Closing the window minimises Borgdesk instead.
        </p>
      ) : null}
    </div>
  );
}
