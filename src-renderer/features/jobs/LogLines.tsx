/** The lines of a job log (time, level, message), shared by the live log panel and the history dialog. */
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../src-main/model/job.js';
import { currentFormatLocale } from '../../i18n/locale-state.js';
import { markTranslated } from '../../i18n/pseudo.js';

/** Props of {@link LogLines}. */
export interface LogLinesProps {
  readonly lines: readonly LogEntry[];
}

// A log reads like a clock: 24-hour time with seconds, in the UI's one locale.
function timeOf(entry: LogEntry, format: Intl.DateTimeFormat): string {
  const date = new Date(entry.time);
  return Number.isNaN(date.getTime()) ? '' : markTranslated(format.format(date));
}

/** Renders log entries with level colouring; the caller bounds how many it passes. */
export function LogLines({ lines }: LogLinesProps) {
  const { t } = useTranslation('jobs');
  const format = new Intl.DateTimeFormat(currentFormatLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (
    <>
      {lines.map((line, index) => (
        <div key={index} className={`log-line log-${line.level}`}>
          <span className="log-time">{timeOf(line, format)}</span>
          <span className="log-level">{t(`log.levels.${line.level}`)}</span>
          {/* Borg's own words, shown as it wrote them. */}
          <span className="log-message" translate="no">
            {line.message}
          </span>
        </div>
      ))}
    </>
  );
}
