/**
 * Borg's common options Borgdesk puts before the command (borg 1.2 takes them there for every
 * command), shared by the run itself (exec.ts) and the command line a job log shows.
 */
/** `--lock-wait=N` when the run may wait for a held lock; nothing otherwise. */
export function commonOptions(ctx: { readonly lockWaitSeconds?: number | undefined }): string[] {
  return ctx.lockWaitSeconds === undefined ? [] : [`--lock-wait=${ctx.lockWaitSeconds}`];
}
