/**
 * A labelled form row: the label is bound to the control by id, and the hint or error is announced
 * as the control's description.
 */
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/** Props of {@link Field}. */
export interface FieldProps {
  readonly label: string;
  /** One input, select or textarea; it receives the id and description. */
  readonly children: ReactElement<ControlProps>;
  readonly hint?: ReactNode;
  readonly error?: string;
  /** Extra content beside the control (a Browse… button). */
  readonly addon?: ReactNode;
}

/** A label, a control and its hint or error. */
export function Field({ label, children, hint, error, addon }: FieldProps) {
  const id = useId();
  const describedBy = `${id}-desc`;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id,
        'aria-describedby': hint || error ? describedBy : undefined,
        'aria-invalid': error ? true : undefined,
      })
    : children;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className={addon ? 'field-row' : undefined}>
        {control}
        {addon}
      </div>
      {error ? (
        <p className="field-error" id={describedBy}>
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={describedBy}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
