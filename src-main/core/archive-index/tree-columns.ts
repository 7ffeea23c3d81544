/**
 * Columnar storage for an archive tree: one typed-array slot per entry instead of one object per
 * entry, so a million entries cost tens of megabytes and the garbage collector has almost nothing
 * to trace. Names live as UTF-8 in one byte pool, each followed by '/' (a byte no name contains).
 * Entry 0 is the archive root (empty name, parent -1); a parent is always added before its
 * children, so parent[i] < i for every other entry.
 */
import { TYPE_DIR } from './item-fields.js';

/** Flag bit: the item itself was listed by borg (not only implied by a deeper path). */
export const FLAG_LISTED = 1;
/**
 * Flag bit: borg lists another item of the same folder under the same name. Borg 1.x prints each
 * byte of a name that is not valid UTF-8 as "?", so names that differ only there look alike, and
 * no pattern can ask borg for one of them without the others.
 */
export const FLAG_AMBIGUOUS = 2;

const SEPARATOR = 0x2f; // '/'

/** The entry columns; indexes are entry numbers. Public fields keep the hot loops free of calls. */
export class TreeColumns {
  count = 0;
  parent: Int32Array;
  type: Uint8Array;
  flags: Uint8Array;
  size: Float64Array;
  mtime: Float64Array;
  /** Id of the entry's (mode, user, group, mtime suffix) in `attrs`. */
  attr: Int32Array;
  /** nameOff[i]..nameOff[i+1]-2 are entry i's name bytes; length count+1. */
  nameOff: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  childCount: Int32Array;
  pool: Buffer;
  poolLength = 0;
  /**
   * From an index file: every name lower-cased, byte for byte where the pool has it (only stored when
   * lower-casing keeps each name's length), valid while `count` is still `lowerCount`.
   */
  lowerPool: Buffer | undefined;
  lowerCount = -1;
  /**
   * Interned attribute tuples, flattened: id k is attrs[4k..4k+3] = mode, user, group, and the UTC-offset
   * suffix of the mtime (borg 2 prints one). An archive has a handful of distinct tuples; id 0 is all ''.
   */
  readonly attrs: string[];
  readonly linkTargets: Map<number, string>;
  private readonly attrIds = new Map<string, number>();

  constructor(capacity = 1024) {
    this.parent = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.size = new Float64Array(capacity);
    this.mtime = new Float64Array(capacity);
    this.attr = new Int32Array(capacity);
    this.nameOff = new Int32Array(capacity + 1);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.childCount = new Int32Array(capacity);
    this.pool = Buffer.allocUnsafeSlow(Math.max(64, capacity * 16));
    this.attrs = ['', '', '', ''];
    this.linkTargets = new Map();
    this.attrIds.set(attrKey('', '', '', ''), 0);
    const root = this.append(-1, '', 0, TYPE_DIR);
    this.flags[root] = FLAG_LISTED;
  }

  /** Adopts decoded columns (exact-size views); the child lists are rebuilt from `parent`. */
  static adopt(parts: AdoptedColumns): TreeColumns {
    const c = Object.create(TreeColumns.prototype) as TreeColumns;
    const n = parts.count;
    Object.assign(c, parts, {
      firstChild: new Int32Array(n).fill(-1),
      nextSibling: new Int32Array(n).fill(-1),
      childCount: new Int32Array(n),
      attrIds: new Map<string, number>(),
      lowerPool: parts.lowerPool,
      lowerCount: parts.lowerPool === undefined ? -1 : n,
    });
    // Walking backwards and prepending leaves every child list in entry order.
    const { parent } = parts;
    const { firstChild, nextSibling, childCount } = c;
    for (let i = n - 1; i > 0; i--) {
      const p = parent[i] as number;
      nextSibling[i] = firstChild[p] as number;
      firstChild[p] = i;
      childCount[p] = (childCount[p] as number) + 1;
    }
    for (let k = 0; k < c.attrs.length; k += 4)
      c.attrIds.set(attrKey(c.attrs[k], c.attrs[k + 1], c.attrs[k + 2], c.attrs[k + 3]), k / 4);
    return c;
  }

  /** Id of an attribute tuple, interning it on first sight. */
  internAttr(mode: string, user: string, group: string, suffix: string): number {
    const key = attrKey(mode, user, group, suffix);
    let id = this.attrIds.get(key);
    if (id === undefined) {
      id = this.attrs.length / 4;
      this.attrs.push(mode, user, group, suffix);
      this.attrIds.set(key, id);
    }
    return id;
  }

  /** One field of entry i's attribute tuple (0 mode, 1 user, 2 group, 3 mtime suffix). */
  attrOf(i: number, field: 0 | 1 | 2 | 3): string {
    return this.attrs[(this.attr[i] as number) * 4 + field] ?? '';
  }

  /** Appends an entry named `src.slice(from)` under `parent`; returns its index. */
  append(parent: number, src: string, from: number, type: number): number {
    const i = this.count;
    // 1.5x rather than 2x: at a million entries the spare slots and the copy's overlap cost tens of MB.
    if (i === this.parent.length) this.grow(i + (i >> 1));
    this.parent[i] = parent;
    this.type[i] = type;
    this.flags[i] = 0;
    this.size[i] = 0;
    this.mtime[i] = Number.NaN;
    this.attr[i] = 0;
    this.firstChild[i] = -1;
    this.nextSibling[i] = -1;
    this.childCount[i] = 0;
    this.writeName(src, from);
    this.nameOff[i + 1] = this.poolLength;
    if (parent >= 0) {
      this.nextSibling[i] = this.firstChild[parent] as number;
      this.firstChild[parent] = i;
      (this.childCount[parent] as number)++;
    }
    this.count = i + 1;
    return i;
  }

  /** Entry i's name. */
  nameOf(i: number): string {
    return this.pool.toString('utf8', this.nameOff[i] as number, (this.nameOff[i + 1] as number) - 1);
  }

  /** Whether entry i's name equals `bytes` (a UTF-8 name). */
  nameEquals(i: number, bytes: Uint8Array): boolean {
    const start = this.nameOff[i] as number;
    if ((this.nameOff[i + 1] as number) - 1 - start !== bytes.length) return false;
    for (let k = 0; k < bytes.length; k++) if (this.pool[start + k] !== bytes[k]) return false;
    return true;
  }

  /** Approximate heap bytes held (for the in-memory LRU). */
  get byteSize(): number {
    const perEntry = this.parent.byteLength * 5 + this.type.byteLength * 2 + this.size.byteLength * 2;
    let links = 0;
    for (const t of this.linkTargets.values()) links += 64 + t.length * 2;
    return perEntry + this.nameOff.byteLength + this.pool.byteLength + links + this.attrs.length * 32;
  }

  private writeName(src: string, from: number): void {
    const len = src.length;
    // UTF-8 takes at most 3 bytes per UTF-16 unit, plus the separator.
    const need = this.poolLength + (len - from) * 3 + 1;
    if (need > this.pool.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(need, this.pool.length + (this.pool.length >> 1)));
      this.pool.copy(next, 0, 0, this.poolLength);
      this.pool = next;
    }
    const pool = this.pool;
    const start = this.poolLength;
    let p = start;
    for (let k = from; k < len; k++) {
      const c = src.charCodeAt(k);
      if (c >= 0x80) {
        // Rare: leave the ASCII fast path and let Node encode the whole name.
        p = start + pool.write(src.slice(from), start, 'utf8');
        break;
      }
      pool[p++] = c;
    }
    pool[p++] = SEPARATOR;
    this.poolLength = p;
  }

  private grow(capacity: number): void {
    this.parent = grown(this.parent, capacity);
    this.type = grown(this.type, capacity);
    this.flags = grown(this.flags, capacity);
    this.size = grown(this.size, capacity);
    this.mtime = grown(this.mtime, capacity);
    this.attr = grown(this.attr, capacity);
    this.nameOff = grown(this.nameOff, capacity + 1);
    this.firstChild = grown(this.firstChild, capacity);
    this.nextSibling = grown(this.nextSibling, capacity);
    this.childCount = grown(this.childCount, capacity);
  }
}

/** What a decoder hands to `TreeColumns.adopt`. */
export interface AdoptedColumns {
  count: number;
  parent: Int32Array;
  type: Uint8Array;
  flags: Uint8Array;
  size: Float64Array;
  mtime: Float64Array;
  attr: Int32Array;
  nameOff: Int32Array;
  pool: Buffer;
  poolLength: number;
  attrs: string[];
  linkTargets: Map<number, string>;
  lowerPool?: Buffer;
}

function attrKey(mode = '', user = '', group = '', suffix = ''): string {
  return `${mode}\u0000${user}\u0000${group}\u0000${suffix}`;
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, capacity: number): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  (next as { set(values: ArrayLike<number>): void }).set(a);
  return next;
}
