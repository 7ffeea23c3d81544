/** A repository's key: export forms, import sources and the self-test's answer. Pure data: imports only zod. */
import { z } from 'zod';

/** The forms `borg key export` writes: key file text, paper text (`--paper`), HTML with a QR code (`--qr-html`). */
export const keyExportFormatSchema = z.enum(['file', 'paper', 'qr-html']);
export type KeyExportFormat = z.infer<typeof keyExportFormatSchema>;

/** An exported key (encrypted by the passphrase) for the renderer to save or print. */
export const exportedKeySchema = z.object({
  format: keyExportFormatSchema,
  content: z.string(),
  /** A suggested file name, e.g. "Home-key.txt". */
  fileName: z.string(),
});
export type ExportedKey = z.infer<typeof exportedKeySchema>;

/** Where an imported key comes from: a key file's text (or borg's QR page), or typed paper key lines. */
export const keyImportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), text: z.string().min(1).max(1_000_000) }),
  z.object({ kind: z.literal('paper'), text: z.string().min(1).max(100_000) }),
]);
export type KeyImportSource = z.infer<typeof keyImportSourceSchema>;

/** The printable recovery kit page. */
export const recoveryKitSchema = z.object({ html: z.string(), fileName: z.string() });
export type RecoveryKit = z.infer<typeof recoveryKitSchema>;

/** What the self-test proved, one plain sentence per step. */
export const selfTestResultSchema = z.object({
  proven: z.array(z.string()),
  archiveCount: z.number(),
});
export type SelfTestResult = z.infer<typeof selfTestResultSchema>;
