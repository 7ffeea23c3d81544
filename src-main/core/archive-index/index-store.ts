/**
 * Index files on disk: `<root>/<repositoryId>/<archiveId>.bin`. Archives are immutable, so a file
 * stays valid until its archive is deleted (prune). Writes go to a temp file and are renamed into
 * place; no fsync, because a torn file fails its checksum on the next read and is simply rebuilt.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ArchiveTree } from './archive-tree.js';
import { IndexFormatError } from './tree-codec.js';
import { log } from '../logging/log.js';

const SUFFIX = '.bin';

/** Reads, writes and prunes index files under one root folder. */
export class IndexStore {
  constructor(readonly root: string) {}

  /** The file of one archive's index. */
  fileOf(repositoryId: string, archiveId: string): string {
    return path.join(this.root, safeName(repositoryId), `${safeName(archiveId)}${SUFFIX}`);
  }

  /** The stored tree, or undefined when there is none or it is unusable (a bad file is removed). */
  async read(repositoryId: string, archiveId: string): Promise<ArchiveTree | undefined> {
    const file = this.fileOf(repositoryId, archiveId);
    let data: Buffer;
    try {
      data = await readWhole(file);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return undefined;
      throw e;
    }
    try {
      return ArchiveTree.deserialize(data);
    } catch (e) {
      if (!(e instanceof IndexFormatError)) throw e;
      log.warn(`ignoring unusable archive index ${file} (${e.message}); it will be rebuilt`);
      await fs.rm(file, { force: true });
      return undefined;
    }
  }

  /** Writes an index atomically (temp file + rename). */
  async write(repositoryId: string, archiveId: string, data: Buffer): Promise<void> {
    const file = this.fileOf(repositoryId, archiveId);
    const dir = path.dirname(file);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = path.join(
      dir,
      `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      await fs.writeFile(temp, data, { mode: 0o600 });
      await fs.rename(temp, file);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
  }

  /** Removes the index files of archives not in `liveArchiveIds`, and leftover temp files. */
  async prune(repositoryId: string, liveArchiveIds: readonly string[]): Promise<string[]> {
    const dir = path.join(this.root, safeName(repositoryId));
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return [];
      throw e;
    }
    const live = new Set(liveArchiveIds.map((id) => `${safeName(id)}${SUFFIX}`));
    const removed: string[] = [];
    for (const name of names) {
      const stale = name.endsWith(SUFFIX) ? !live.has(name) : name.endsWith('.tmp') && !isOurs(name);
      if (!stale) continue;
      await fs.rm(path.join(dir, name), { force: true });
      removed.push(name);
    }
    if (live.size === 0 && removed.length === names.length) await fs.rmdir(dir).catch(() => undefined);
    return removed;
  }
}

// fs.promises.readFile reads in 512 KiB steps; one read into a buffer of the right size is several times
// faster for a large index, and the buffer is 8-byte aligned so the decoder can use it in place.
async function readWhole(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const data = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(data, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? data : data.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/** A file-name-safe form of an id: borg's hex ids stay as they are; anything else is hashed. */
export function safeName(id: string): string {
  return /^[A-Za-z0-9_-]{1,128}$/.test(id) ? id : createHash('sha256').update(id).digest('hex');
}

// A temp file of this process may still be in the middle of a write.
function isOurs(tempName: string): boolean {
  return tempName.includes(`.${process.pid}.`);
}

function errnoCode(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
}
