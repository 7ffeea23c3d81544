/**
 * The on-disk index format, version 2 (header fields little-endian; sections in the machine's byte
 * order, which the marker records):
 *
 *   header (64 bytes): magic "BDAI", u32 version, u32 0x01020304 (byte-order marker), u32 count,
 *     u32 poolLength, u32 metaLength, u32 crc32 of everything after the header, zero padding
 *   f64[count] size, f64[count] mtime (wall-clock microseconds, see item-fields.ts),
 *   i32[count] parent, attr, i32[count+1] nameOff,
 *   u8[count] type, flags, u8[poolLength] name pool (names as UTF-8, each followed by '/'),
 *   meta: UTF-8 JSON {attrs: string[] (mode, user, group, mtime suffix per id), links: [entry, target][]},
 *   u8[lowerLength] the pool lower-cased (header u32 at 28; 0 when lower-casing changes a name's
 *   length), so a name search is one native Buffer.indexOf without decoding any name
 *
 * Every section starts on an 8-byte boundary, so a freshly read file is used in place (typed-array
 * views, no copying). Anything that does not check out — wrong magic, version or size, a checksum
 * mismatch, broken structure — throws IndexFormatError and the caller rebuilds the index.
 */
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { TYPE_OTHER } from './item-fields.js';
import { TreeColumns, type AdoptedColumns } from './tree-columns.js';

/**
 * Bumped whenever the layout or meaning changes; older files are rebuilt. 2: the ambiguous-name flag;
 * 3: the lower-cased name pool.
 */
export const INDEX_FORMAT_VERSION = 3;

/** The data is not a usable index file (corrupt, truncated, or another version). */
export class IndexFormatError extends Error {}

const MAGIC = 0x49414442; // "BDAI" read as a little-endian u32
const BYTE_ORDER = 0x01020304;
const HEADER = 64;
const SEPARATOR = 0x2f;
// The marker is written in the machine's own byte order, like the typed-array sections it vouches for.
const NATIVE_LE = endianness() === 'LE';

interface Layout {
  size: number;
  mtime: number;
  parent: number;
  attr: number;
  nameOff: number;
  type: number;
  flags: number;
  pool: number;
  meta: number;
  lower: number;
  end: number;
}

function layout(count: number, poolLength: number, metaLength: number, lowerLength: number): Layout {
  let at = HEADER;
  const take = (bytes: number): number => {
    const start = at;
    at = align8(at + bytes);
    return start;
  };
  const l = {
    size: take(count * 8),
    mtime: take(count * 8),
    parent: take(count * 4),
    attr: take(count * 4),
    nameOff: take((count + 1) * 4),
    type: take(count),
    flags: take(count),
    pool: take(poolLength),
    meta: take(metaLength),
    lower: take(lowerLength),
  };
  return { ...l, end: at };
}

/** Encodes the columns into one buffer. */
export function encodeColumns(c: TreeColumns): Buffer {
  const n = c.count;
  const meta = Buffer.from(JSON.stringify({ attrs: c.attrs, links: [...c.linkTargets] }));
  const lower = lowerCased(c);
  const l = layout(n, c.poolLength, meta.length, lower?.length ?? 0);
  const out = Buffer.alloc(l.end);
  const put = (at: number, view: ArrayBufferView): void => {
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
  };
  put(l.size, c.size.subarray(0, n));
  put(l.mtime, c.mtime.subarray(0, n));
  put(l.parent, c.parent.subarray(0, n));
  put(l.attr, c.attr.subarray(0, n));
  put(l.nameOff, c.nameOff.subarray(0, n + 1));
  put(l.type, c.type.subarray(0, n));
  put(l.flags, c.flags.subarray(0, n));
  put(l.pool, c.pool.subarray(0, c.poolLength));
  meta.copy(out, l.meta);
  lower?.copy(out, l.lower);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(INDEX_FORMAT_VERSION, 4);
  if (NATIVE_LE) out.writeUInt32LE(BYTE_ORDER, 8);
  else out.writeUInt32BE(BYTE_ORDER, 8);
  out.writeUInt32LE(n, 12);
  out.writeUInt32LE(c.poolLength, 16);
  out.writeUInt32LE(meta.length, 20);
  out.writeUInt32LE(lower?.length ?? 0, 28);
  out.writeUInt32LE(crc32(out.subarray(HEADER)), 24);
  return out;
}

/** Decodes a buffer written by encodeColumns; throws IndexFormatError when it does not check out. */
export function decodeColumns(input: Buffer): TreeColumns {
  if (input.length < HEADER) throw new IndexFormatError('too short');
  if (input.readUInt32LE(0) !== MAGIC) throw new IndexFormatError('not an index file');
  if (input.readUInt32LE(4) !== INDEX_FORMAT_VERSION) throw new IndexFormatError('other version');
  // Typed arrays use the machine's byte order; a file from a big-endian machine is rebuilt.
  if ((NATIVE_LE ? input.readUInt32LE(8) : input.readUInt32BE(8)) !== BYTE_ORDER)
    throw new IndexFormatError('other byte order');
  const n = input.readUInt32LE(12);
  const poolLength = input.readUInt32LE(16);
  const metaLength = input.readUInt32LE(20);
  const lowerLength = input.readUInt32LE(28);
  const l = layout(n, poolLength, metaLength, lowerLength);
  if (n < 1 || l.end !== input.length || (lowerLength !== 0 && lowerLength !== poolLength))
    throw new IndexFormatError('wrong size');
  if (crc32(input.subarray(HEADER)) !== input.readUInt32LE(24)) throw new IndexFormatError('checksum');
  // Views need aligned offsets; a buffer from a shared pool may not be, so copy it once then.
  const data = input.byteOffset % 8 === 0 ? input : Buffer.from(input);
  const base = data.byteOffset;
  const ab = data.buffer;
  const meta = parseMeta(data.toString('utf8', l.meta, l.meta + metaLength));
  const parts: AdoptedColumns = {
    count: n,
    size: new Float64Array(ab, base + l.size, n),
    mtime: new Float64Array(ab, base + l.mtime, n),
    parent: new Int32Array(ab, base + l.parent, n),
    attr: new Int32Array(ab, base + l.attr, n),
    nameOff: new Int32Array(ab, base + l.nameOff, n + 1),
    type: new Uint8Array(ab, base + l.type, n),
    flags: new Uint8Array(ab, base + l.flags, n),
    pool: data.subarray(l.pool, l.pool + poolLength),
    poolLength,
    attrs: meta.attrs,
    linkTargets: new Map(meta.links),
    ...(lowerLength === 0 ? {} : { lowerPool: data.subarray(l.lower, l.lower + lowerLength) }),
  };
  checkStructure(parts);
  return TreeColumns.adopt(parts);
}

function parseMeta(text: string): { attrs: string[]; links: [number, string][] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new IndexFormatError('meta');
  }
  const v = value as { attrs?: unknown; links?: unknown };
  const isStrings = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === 'string');
  const isLinks = (a: unknown): a is [number, string][] =>
    Array.isArray(a) &&
    a.every((e) => Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'string');
  if (!isStrings(v.attrs) || v.attrs.length % 4 !== 0 || v.attrs.length === 0 || !isLinks(v.links))
    throw new IndexFormatError('meta');
  return { attrs: v.attrs, links: v.links };
}

// The checksum catches damage; this catches a well-formed file whose numbers would index out of range.
function checkStructure(p: AdoptedColumns): void {
  const { count, parent, nameOff, type, attr, pool, lowerPool } = p;
  const attrs = p.attrs.length / 4;
  if (parent[0] !== -1 || nameOff[0] !== 0 || nameOff[count] !== p.poolLength)
    throw new IndexFormatError('structure');
  for (let i = 0; i < count; i++) {
    const up = parent[i] as number;
    const end = nameOff[i + 1] as number;
    const bad =
      (i > 0 && (up < 0 || up >= i)) ||
      end <= (nameOff[i] as number) ||
      pool[end - 1] !== SEPARATOR ||
      (lowerPool !== undefined && lowerPool[end - 1] !== SEPARATOR) ||
      (type[i] as number) > TYPE_OTHER ||
      !isId(attr[i], attrs);
    if (bad) throw new IndexFormatError('structure');
  }
}

// The pool lower-cased as buildSearchText does it (the whole pool at once), when every name keeps
// its byte length, so the pool's name offsets hold for it too; otherwise none.
function lowerCased(c: TreeColumns): Buffer | undefined {
  const lower = Buffer.from(c.pool.toString('utf8', 0, c.poolLength).toLowerCase(), 'utf8');
  if (lower.length !== c.poolLength) return undefined;
  for (let i = 1; i <= c.count; i++) if (lower[(c.nameOff[i] as number) - 1] !== SEPARATOR) return undefined;
  return lower;
}

function isId(id: number | undefined, count: number): boolean {
  return id !== undefined && id >= 0 && id < count;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
