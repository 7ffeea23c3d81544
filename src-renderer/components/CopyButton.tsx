/**
 * Copies a text to the clipboard and says so for two seconds.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  readonly text: string;
  /** Accessible name; defaults to "Copy". */
  readonly label?: string;
}

/** A small "Copy" button. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const { t } = useTranslation(['components', 'common']);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <Button
      size="small"
      variant="ghost"
      icon={state === 'copied' ? 'check' : 'copy'}
      onClick={copy}
      aria-label={label ?? t('common:actions.copy')}
    >
      <span aria-live="polite">
        {state === 'copied'
          ? t('common:actions.copied')
          : state === 'failed'
            ? t('copy.failed')
            : t('common:actions.copy')}
      </span>
    </Button>
  );
}
