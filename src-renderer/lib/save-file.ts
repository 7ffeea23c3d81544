/**
 * Offers text as a file download (an object URL on a temporary link). Works the same in the
 * browser host and in Electron, whose download manager shows a save dialog.
 */

/** Starts a download of `content` named `fileName`. */
export function saveTextFile(fileName: string, content: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Reads a file the user picked as text (a key file or a saved QR page). */
export function readPickedFile(file: File): Promise<string> {
  return file.text();
}
