/** What Borgdesk says when its window's page stops (pure, unit-tested). */

/** Electron's RenderProcessGoneDetails['reason'], as a plain string so this module needs no electron. */
export type GoneReason = string;

/** True when the page ended on purpose (a reload or close), which needs no message. */
export function isExpectedExit(reason: GoneReason): boolean {
  return reason === 'clean-exit';
}

/** The message box for a page that stopped with `reason`. */
export function rendererGoneText(reason: GoneReason, exitCode: number): { message: string; detail: string } {
  const why =
    reason === 'oom'
      ? 'it ran out of memory'
      : reason === 'killed'
        ? 'it was stopped by the system'
        : reason === 'launch-failed'
          ? 'it could not start'
          : `it stopped unexpectedly (${reason}, exit code ${exitCode})`;
  return {
    message: 'Borgdesk’s window stopped working',
    detail:
      `The window’s page ended because ${why}. Backups and schedules keep running in the background. ` +
      'Reload the window to continue; the log folder (Help → Open Log Folder) has the details.',
  };
}
