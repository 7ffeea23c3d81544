/**
 * A byte count shown the borg way ("1.5 GB"), with the exact number in a tooltip for the curious.
 */
import { formatBytes, formatCount } from '../lib/format.js';

/** Props of {@link ByteSize}. */
export interface ByteSizeProps {
  readonly bytes: number | undefined;
  readonly className?: string;
}

/** A formatted size; an em dash when unknown. */
export function ByteSize({ bytes, className }: ByteSizeProps) {
  if (bytes === undefined) return <span className={className ? `num ${className}` : 'num'}>—</span>;
  return (
    <span className={className ? `num ${className}` : 'num'} title={`${formatCount(bytes)} bytes`}>
      {formatBytes(bytes)}
    </span>
  );
}
