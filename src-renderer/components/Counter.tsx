/** One labelled figure in a `<dl className="counters">` strip (progress, results, previews). */
import type { ReactNode } from 'react';

/** Props of {@link Counter}. */
export interface CounterProps {
  readonly label: string;
  readonly children: ReactNode;
}

/** A label above a large figure. */
export function Counter({ label, children }: CounterProps) {
  return (
    <div className="counter">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
