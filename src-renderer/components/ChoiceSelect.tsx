/** A select over one of the app's choice lists (compression, encryption, notification level…). */
import type { Choice } from '../lib/choices.js';

/** Props of {@link ChoiceSelect}; `id` and the aria props arrive from the surrounding Field. */
export interface ChoiceSelectProps<T extends string> {
  readonly choices: readonly Choice<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly id?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean;
}

/** Shows each choice's label; hands back the chosen value with its own type. */
export function ChoiceSelect<T extends string>({
  choices,
  value,
  onChange,
  ...control
}: ChoiceSelectProps<T>) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
