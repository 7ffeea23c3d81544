/** Test-only: small shell programs that stand in for borg (recorded output, odd exit codes, slow pipes). */
import { chmod, writeFile } from 'node:fs/promises';

/** Writes an executable `#!/bin/sh` script with `body` at `file` and returns its path. */
export async function writeShellProgram(file: string, body: string): Promise<string> {
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}
