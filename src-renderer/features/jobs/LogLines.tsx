/** The lines of a job log (time, level, message), shared by the live log panel and the history dialog. */
import type { LogEntry } from '../../../src-main/model/job.js';

/** Props of {@link LogLines}. */
export interface LogLinesProps {
  readonly lines: readonly LogEntry[];
}

function timeOf(entry: LogEntry): string {
  const date = new Date(entry.time);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString(undefined, { hour12: false });
}

/** Renders log entries with level colouring; the caller bounds how many it passes. */
export function LogLines({ lines }: LogLinesProps) {
  return (
    <>
      {lines.map((line, index) => (
        <div key={index} className={`log-line log-${line.level}`}>
          <span className="log-time">{timeOf(line)}</span>
          <span className="log-level">{line.level}</span>
          <span className="log-message">{line.message}</span>
        </div>
      ))}
    </>
  );
}
