/**
 * One of Borgdesk's config files (plans, repositories, checks, settings), read entry by entry and
 * saved so that memory never runs ahead of the disk.
 *
 * Reading: a missing file is empty. Each entry is validated on its own (the store's `decode`);
 * entries that fail are written with their reasons to `<name>.json.set-aside-<time>.json` beside
 * the file before the file is ever rewritten without them, and a notice says how many and where.
 * A file that does not parse at all is renamed to `<name>.json.corrupt-<time>` and the store starts
 * empty. A file whose `version` is newer than this release knows is used as far as it is understood
 * and never written: every save is refused with a clear error.
 *
 * Saving: changes are queued in call order; each builds the next state from the last saved one,
 * writes it atomically, and only then becomes the state the app sees. A failed save leaves both the
 * file and memory as they were and rejects with a plain error naming the folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConfigNotice } from '../../model/app.js';
import { AppError } from '../app-error.js';
import type { ConfigNotices } from './config-notices.js';
import { configWriteError, errnoCode } from './config-write-error.js';
import { isPlainObject, type SetAsideEntry } from './entry-decode.js';
import { writeJsonAtomic } from './json-file.js';
import { log } from '../logging/log.js';

/** Which config file. */
export type ConfigFileName = ConfigNotice['file'];

/** What a store's decode returns: the usable value and the entries it could not use. */
export interface Decoded<T> {
  readonly value: T;
  readonly setAside: readonly SetAsideEntry[];
}

/** What a change returns: the next state (absent: nothing to save) and the caller's result. */
export interface Change<T, R> {
  readonly next?: T;
  readonly result: R;
}

/** How one config file is read and written. */
export interface ConfigFileOptions<T> {
  readonly dir: string;
  readonly name: ConfigFileName;
  /** The newest file version this release understands (and writes). */
  readonly version: number;
  readonly empty: () => T;
  /** Read the file's object entry by entry (also older versions; a missing `version` is current). */
  readonly decode: (raw: Readonly<Record<string, unknown>>) => Decoded<T>;
  /** The file's content for `value`, without `version` (added here). */
  readonly encode: (value: T) => Record<string, unknown>;
  readonly notices: ConfigNotices;
  readonly now?: () => number;
}

// How many set-aside names a notice lists; the file holds them all.
const MAX_NAMES = 5;

/** A config file and its last saved state. */
export class ConfigFile<T> {
  private chain: Promise<unknown> = Promise.resolve();
  private readOnly: (() => AppError) | undefined;
  private pendingSetAside: readonly SetAsideEntry[] = [];

  private constructor(
    private readonly options: ConfigFileOptions<T>,
    /** The file's absolute path. */
    readonly file: string,
    private current: T,
  ) {}

  /** Read the file (see the module comment); never throws for what is in the file. */
  static async open<T>(options: ConfigFileOptions<T>): Promise<ConfigFile<T>> {
    const file = path.join(options.dir, `${options.name}.json`);
    const store = new ConfigFile(options, file, options.empty());
    await store.load();
    return store;
  }

  /** The state as last saved (or loaded). */
  get value(): T {
    return this.current;
  }

  /** Queue a change; it sees every earlier change and takes effect only once it is on disk. */
  update<R>(change: (current: T) => Change<T, R>): Promise<R> {
    const run = async (): Promise<R> => {
      const { next, result } = change(this.current);
      if (next === undefined) return result;
      if (this.readOnly !== undefined) throw this.readOnly();
      // The entries set aside at load are still only in the file: save them before they go.
      if (this.pendingSetAside.length > 0) await this.setAside(true);
      try {
        await writeJsonAtomic(this.file, { version: this.options.version, ...this.options.encode(next) });
      } catch (e) {
        const error = configWriteError(e, this.file);
        this.notice({ kind: 'write-failed', detail: `${error.message} ${error.remedy ?? ''}`.trim() });
        throw error;
      }
      this.current = next;
      this.options.notices.clear(this.options.name, 'write-failed');
      return result;
    };
    const next = this.chain.then(run);
    // Keep the queue going after a failed change; the caller still sees the rejection.
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return;
      // Unreadable on disk (EACCES, EIO): never overwrite what could not be read.
      const code = errnoCode(e) ?? 'error';
      this.notice({
        kind: 'unreadable',
        keptAt: this.file,
        unreadableReason: 'open-failed',
        errnoCode: code,
        detail: `It could not be opened (${code}).`,
      });
      this.readOnly = () => this.unreadableError();
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      await this.moveAside('not-json', 'It is not complete JSON (damaged or cut short).');
      return;
    }
    const version = isPlainObject(raw) ? (raw['version'] ?? this.options.version) : undefined;
    if (!isPlainObject(raw) || typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
      await this.moveAside('bad-layout', 'It does not have the layout Borgdesk writes.');
      return;
    }
    const decoded = this.options.decode(raw);
    this.current = decoded.value;
    if (version > this.options.version) {
      this.readOnly = () => this.newerError();
      this.notice({
        kind: 'newer-version',
        keptAt: this.file,
        ...(decoded.setAside.length > 0 ? { count: decoded.setAside.length } : {}),
      });
      return;
    }
    if (decoded.setAside.length === 0) return;
    this.pendingSetAside = decoded.setAside;
    await this.setAside(false).catch(() => undefined);
  }

  // Write the pending set-aside entries beside the file (reusing an identical earlier copy).
  private async setAside(rethrow: boolean): Promise<void> {
    const entries = this.pendingSetAside;
    const summary = {
      count: entries.length,
      names: entries.flatMap((e) => (e.label === undefined ? [] : [e.label])).slice(0, MAX_NAMES),
      // Settings are named by the renderer from their keys (the labels above are English).
      ...(this.options.name === 'settings'
        ? { settingFields: entries.map((e) => e.at).slice(0, MAX_NAMES) }
        : {}),
    };
    let target: string;
    try {
      target = (await this.earlierSetAside(entries)) ?? (await this.writeSetAside(entries));
    } catch (e) {
      const error = configWriteError(e, this.file);
      // Still in the original file, which is left as it is until they are safe elsewhere.
      this.notice({ kind: 'entries-set-aside', ...summary, keptAt: this.file, detail: error.message });
      if (rethrow) throw error;
      return;
    }
    this.pendingSetAside = [];
    this.notice({ kind: 'entries-set-aside', ...summary, keptAt: target });
  }

  private async writeSetAside(entries: readonly SetAsideEntry[]): Promise<string> {
    const stamp = this.stamp();
    let target = `${this.file}.set-aside-${stamp}.json`;
    for (let n = 1; await exists(target); n++) target = `${this.file}.set-aside-${stamp}-${n}.json`;
    await writeJsonAtomic(target, {
      setAsideFrom: path.basename(this.file),
      setAsideAt: new Date(this.now()).toISOString(),
      why: 'Borgdesk could not use these entries and kept every other entry of the file.',
      entries,
    });
    return target;
  }

  // The same entries set aside at an earlier start that wrote nothing since: do not pile up copies.
  private async earlierSetAside(entries: readonly SetAsideEntry[]): Promise<string | undefined> {
    const prefix = `${path.basename(this.file)}.set-aside-`;
    const wanted = JSON.stringify(entries);
    const names = (await fs.readdir(this.options.dir)).filter((n) => n.startsWith(prefix)).sort();
    for (const name of names.reverse()) {
      const candidate = path.join(this.options.dir, name);
      const text = await fs.readFile(candidate, 'utf8').catch(() => '');
      try {
        if (JSON.stringify((JSON.parse(text) as { entries?: unknown }).entries) === wanted) return candidate;
      } catch {
        // Not one of ours (or damaged): look further.
      }
    }
    return undefined;
  }

  private async moveAside(unreadableReason: 'not-json' | 'bad-layout', detail: string): Promise<void> {
    const movedTo = `${this.file}.corrupt-${this.stamp()}`;
    try {
      await fs.rename(this.file, movedTo);
    } catch {
      // Cannot move it: keep it untouched and refuse to write over it.
      this.readOnly = () => this.unreadableError();
      this.notice({ kind: 'unreadable', keptAt: this.file, unreadableReason, detail });
      return;
    }
    log.warn(`${this.file} was unreadable; moved to ${movedTo}`);
    this.notice({ kind: 'unreadable', keptAt: movedTo, unreadableReason, detail });
  }

  private newerError(): AppError {
    const name = path.basename(this.file);
    return new AppError(
      'ConfigReadOnly',
      `${name} was written by a newer Borgdesk; changes can't be saved until you update.`,
      `Update Borgdesk to the version that wrote ${this.file}. Until then Borgdesk uses what it understands and leaves the file as it is.`,
      { reason: 'writtenNewerBorgdeskChanges', params: { name, file: this.file } },
    );
  }

  private unreadableError(): AppError {
    const name = path.basename(this.file);
    return new AppError(
      'ConfigReadOnly',
      `${name} could not be read, so Borgdesk does not write over it; changes can't be saved.`,
      `Check ${this.file} (its owner and permissions), or move it away, then restart Borgdesk.`,
      { reason: 'readBorgdeskWriteOver', params: { name, file: this.file } },
    );
  }

  private notice(notice: Omit<ConfigNotice, 'id' | 'file' | 'path'>): void {
    this.options.notices.set({ file: this.options.name, path: this.file, ...notice });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/[:.]/g, '-');
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
