/** The result of testing a passcommand (`repos:test-passcommand`). Pure data: imports only zod. */
import { z } from 'zod';

/** How a passcommand Test ended; `message` names the command, never what it printed. */
export const passcommandTestResultSchema = z.object({
  outcome: z.enum(['ok', 'command-failed', 'wrong-passphrase', 'timed-out', 'not-encrypted', 'other']),
  message: z.string(),
  remedy: z.string().optional(),
});
export type PasscommandTestResult = z.infer<typeof passcommandTestResultSchema>;
