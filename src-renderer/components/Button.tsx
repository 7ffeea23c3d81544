/**
 * The app's button: a few visual variants, an optional leading icon and a busy state that shows a
 * spinner without changing the accessible name (tests and screen readers find it by its label).
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  readonly size?: 'small' | 'medium' | 'large';
  readonly icon?: IconName;
  /** Shows a spinner and disables the button. */
  readonly busy?: boolean;
  readonly children?: ReactNode;
}

/** A styled button; defaults to `type="button"` so it never submits a form by accident. */
export function Button(props: ButtonProps) {
  const {
    variant = 'secondary',
    size = 'medium',
    icon,
    busy,
    className,
    children,
    disabled,
    ...rest
  } = props;
  const classes = ['button', `button-${variant}`, `button-${size}`, className].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      {...rest}
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      {children}
    </button>
  );
}
