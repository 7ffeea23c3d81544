/**
 * Small JSON files that survive crashes: writes go to a temp file in the same directory, are fsynced
 * and then renamed over the target (atomic on POSIX and NTFS). Reads are validated with zod; a file
 * that does not parse or validate is moved aside and the defaults are used, so a bad file never
 * stops the app from starting.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { log } from '../logging/log.js';

/** Write `data` as pretty JSON to `file` atomically (temp file + fsync + rename). */
export async function writeJsonAtomic(file: string, data: unknown): Promise<void> {
  await writeTextAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** How {@link writeTextAtomic} treats the folder and the file. */
export interface AtomicWriteOptions {
  /** The new file's mode; 0o600 (only the user) unless another program must read it. */
  readonly mode?: number;
  /**
   * Create the folder (0o700) when it is missing; true for Borgdesk's own folders. A folder named by
   * the user (the metrics textfile's) is left as it is, so a typo is reported instead of created.
   */
  readonly createDir?: boolean;
}

/**
 * Write `text` to `file` atomically: a temp file in the same folder is written, fsynced and renamed
 * over the target, so a reader (Borgdesk after a crash, node_exporter while we write) sees either the
 * old file or the new one, never half of one.
 */
export async function writeTextAtomic(
  file: string,
  text: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(file);
  if (options.createDir ?? true) await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = options.mode ?? 0o600;
  const handle = await fs.open(temp, 'w', mode);
  try {
    await handle.writeFile(text, 'utf8');
    // The umask may have narrowed the mode open() was given; a file others must read needs it whole.
    if (options.mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

// Matches the temp names above: `.<name>.<pid>.<12 hex digits>.tmp`.
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** The pid of the process that made `name` if it is one of writeTextAtomic's temp files. */
export function tempFileOwner(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match === null ? undefined : Number(match[1]);
}

// Persist the rename itself. Best effort: Windows cannot fsync a directory (EPERM) and some
// filesystems refuse it, and either failure leaves the file written, so it is ignored.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: a directory that cannot be synced is not an error.
  }
}

/** What happened when reading a JSON file, so callers can log a recovered corruption. */
export type JsonReadOutcome<T> =
  | { readonly kind: 'loaded'; readonly value: T }
  | { readonly kind: 'missing'; readonly value: T }
  | { readonly kind: 'corrupt'; readonly value: T; readonly movedTo: string; readonly reason: string };

/**
 * Read and validate `file`. Missing → defaults. Unparsable or invalid → the file is renamed to
 * `<file>.corrupt-<time>` and defaults are returned.
 */
export async function readJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  defaults: () => T,
  now: () => number = Date.now,
): Promise<JsonReadOutcome<T>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (isErrnoCode(e, 'ENOENT')) return { kind: 'missing', value: defaults() };
    throw e;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'loaded', value: parsed.data };
    reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  } catch (e) {
    reason = e instanceof Error ? e.message : 'unparsable JSON';
  }
  const movedTo = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(file, movedTo);
  return { kind: 'corrupt', value: defaults(), movedTo, reason };
}

function isErrnoCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

/** A JSON file whose writes are applied in call order (a later write never loses to an earlier one). */
export class JsonFile<T> {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly defaults: () => T,
  ) {}

  /** Load the file, recovering from corruption (see readJsonFile); logs a recovered corruption. */
  async read(): Promise<T> {
    const outcome = await readJsonFile(this.file, this.schema, this.defaults);
    if (outcome.kind === 'corrupt') {
      log.warn(`${this.file} was unreadable (${outcome.reason}); moved to ${outcome.movedTo}`);
    }
    return outcome.value;
  }

  /** Queue an atomic write of `value`; resolves once it is on disk. */
  write(value: T): Promise<void> {
    const next = this.chain.then(() => writeJsonAtomic(this.file, value));
    // Keep the chain alive after a failed write; the caller still sees the rejection.
    this.chain = next.catch(() => undefined);
    return next;
  }
}
