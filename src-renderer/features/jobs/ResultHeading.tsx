/**
 * The head of a finished job's card: an icon for how the job ended, the verdict as a heading and a
 * line under it. JobResult (backups and the other jobs) and RestoreOutcome (restores) share it; each
 * words the verdict from its own namespace.
 */
import type { ReactNode } from 'react';
import type { JobStatus } from '../../../src-main/model/job.js';
import { Icon, type IconName } from '../../components/Icon.js';

const verdictIcons = {
  succeeded: 'check',
  warning: 'alert',
  failed: 'alert',
  cancelled: 'stop',
} as const satisfies Partial<Record<JobStatus, IconName>>;

/** How a finished job ended. */
export type Verdict = keyof typeof verdictIcons;

function isVerdict(status: JobStatus): status is Verdict {
  return Object.hasOwn(verdictIcons, status);
}

/** A job's icon and title: its verdict in `wordVerdict`'s words, or `fallback` while it has none. */
export function verdictOf(
  status: JobStatus,
  wordVerdict: (verdict: Verdict) => string,
  fallback: string,
): { readonly icon: IconName; readonly title: string } {
  return isVerdict(status)
    ? { icon: verdictIcons[status], title: wordVerdict(status) }
    : { icon: 'info', title: fallback };
}

/** Props of {@link ResultHeading}. */
export interface ResultHeadingProps {
  readonly icon: IconName;
  /** The heading's level: the one below the heading the card sits under (headings must not skip a level). */
  readonly level: 'h2' | 'h3';
  readonly id?: string;
  readonly title: ReactNode;
  readonly subtitle: ReactNode;
}

/** The verdict icon, the heading and the line under it. */
export function ResultHeading({ icon, level: Heading, id, title, subtitle }: ResultHeadingProps) {
  return (
    <div className="result-heading">
      <span className="result-icon">
        <Icon name={icon} size={20} />
      </span>
      <div>
        <Heading id={id} className="card-title">
          {title}
        </Heading>
        <p className="card-subtitle">{subtitle}</p>
      </div>
    </div>
  );
}
