/**
 * Chooses folders: the host's native dialog when it has one (Electron), otherwise the in-app
 * browser over `fs:list-folder` (browser host). Render it while choosing; it calls `onClose` at the end.
 */
import { useEffect, useState } from 'react';
import { getApi } from '../../api/select-client.js';
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
  const [useBrowser, setUseBrowser] = useState(nativeSupported === false);

  useEffect(() => {
    if (nativeSupported === false) return;
    let active = true;
    getApi()
      .invoke('dialog:choose-folders', { title, multiple })
      .then(
        (answer) => {
          if (!active) return;
          nativeSupported = answer.supported;
          if (!answer.supported) {
            setUseBrowser(true);
            return;
          }
          if (answer.paths.length > 0) onPick(answer.paths);
          onClose();
        },
        () => {
          if (active) setUseBrowser(true);
        },
      );
    return () => {
      active = false;
    };
    // The native dialog is shown once per mount; later prop changes must not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
