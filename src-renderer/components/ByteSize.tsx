/**
 * A byte count shown the borg way ("1.5 GB"), with the exact number in a tooltip for the curious.
 */
import { useTranslation } from 'react-i18next';
import { formatBytes, formatCount } from '../lib/format.js';

/** Props of {@link ByteSize}. */
export interface ByteSizeProps {
  readonly bytes: number | undefined;
  readonly className?: string;
}

/** A formatted size; an em dash when unknown. */
export function ByteSize({ bytes, className }: ByteSizeProps) {
  const { t } = useTranslation('components');
  if (bytes === undefined) return <span className={className ? `num ${className}` : 'num'}>—</span>;
  return (
    <span
      className={className ? `num ${className}` : 'num'}
      title={t('byteSize.exact', { count: bytes, bytes: formatCount(bytes) })}
    >
      {formatBytes(bytes)}
    </span>
  );
}
