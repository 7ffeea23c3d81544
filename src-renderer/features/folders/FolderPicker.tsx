/**
 * Chooses folders: the host's native dialog when it has one (Electron), otherwise the in-app
 * browser over `fs:list-folder` (browser host). Render it while choosing; it calls `onClose` at the end.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../lib/use-request.js';
import { FolderBrowser } from './FolderBrowser.js';

/** Props of {@link FolderPicker}. */
export interface FolderPickerProps {
  readonly title: string;
  readonly multiple: boolean;
  /** Where the in-app browser opens; home when omitted. */
  readonly startPath?: string;
  /** Called with the chosen folders (never empty). */
  readonly onPick: (paths: string[]) => void;
  readonly onClose: () => void;
}

// Whether the host has a native chooser does not change while the page lives; ask once.
let nativeSupported: boolean | undefined;

/** A folder chooser that picks the best mechanism the host offers. */
export function FolderPicker({ title, multiple, startPath, onPick, onClose }: FolderPickerProps) {
  const { t } = useTranslation('folders');
  // The native dialog is shown once per mount: later prop changes must not reopen it.
  const [ask] = useState(() => (nativeSupported === false ? undefined : { title, multiple }));
  const native = useRequest('dialog:choose-folders', ask, {
    fallback: t('picker.failed'),
    onSuccess: (answer) => {
      nativeSupported = answer.supported;
      if (!answer.supported) return;
      if (answer.paths.length > 0) onPick(answer.paths);
      onClose();
    },
  });
  const useBrowser = ask === undefined || native.error !== undefined || native.data?.supported === false;

  if (!useBrowser) return null;
  return (
    <FolderBrowser
      title={title}
      multiple={multiple}
      startPath={startPath}
      onPick={onPick}
      onClose={onClose}
    />
  );
}
