/** Small stream and error helpers for exec.ts's child processes (no process is started here). */
import { Writable, type Readable } from 'node:stream';

/** The errno code of a Node error (ENOENT, EMFILE…), if it has one. */
export function errno(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The passphrase (or stdin text) goes into a pipe and the pipe is closed; borg may exit without reading it (EPIPE). */
export function writeSecret(stream: unknown, secret: string): void {
  if (!(stream instanceof Writable)) return;
  stream.on('error', () => undefined);
  stream.end(Buffer.from(secret, 'utf8'));
}

/** Keeps the first 64 KiB a stream delivers (a version banner is a line or two). */
export function collect(stream: Readable | null | undefined): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream?.on('data', (chunk: Buffer) => {
    if (size >= 65_536) return;
    chunks.push(chunk);
    size += chunk.length;
  });
  return () => Buffer.concat(chunks).toString('utf8');
}
