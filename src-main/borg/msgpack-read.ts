/**
 * A minimal msgpack reader for borg's key blobs (maps of raw/bin/int/bool): enough to read
 * borg 1.x's EncryptedKey and Key records, nothing more. Throws on anything else. Borg 1.x packs
 * without use_bin_type, so bytes arrive as msgpack "str": every str and bin is returned as a Buffer
 * (map keys as text).
 */

/** A decoded msgpack value of the kinds borg's key records use. */
export type MsgValue = number | boolean | null | Buffer | MsgValue[] | Map<string, MsgValue>;

/** Decodes one msgpack value from the start of `data`. */
export function readMsgpack(data: Buffer): MsgValue {
  let at = 0;
  const take = (n: number): Buffer => {
    if (at + n > data.length) throw new Error('msgpack: truncated');
    const out = data.subarray(at, at + n);
    at += n;
    return out;
  };
  const uint = (bytes: number): number => take(bytes).readUIntBE(0, bytes);
  const map = (size: number): Map<string, MsgValue> => {
    const out = new Map<string, MsgValue>();
    for (let i = 0; i < size; i++) {
      const key = value();
      out.set(Buffer.isBuffer(key) ? key.toString('utf8') : String(key), value());
    }
    return out;
  };
  const array = (size: number): MsgValue[] => Array.from({ length: size }, () => value());
  const value = (): MsgValue => {
    const tag = uint(1);
    if (tag <= 0x7f) return tag;
    if (tag >= 0x80 && tag <= 0x8f) return map(tag & 0x0f);
    if (tag >= 0x90 && tag <= 0x9f) return array(tag & 0x0f);
    if (tag >= 0xa0 && tag <= 0xbf) return Buffer.from(take(tag & 0x1f));
    if (tag >= 0xe0) return tag - 0x100;
    switch (tag) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return Buffer.from(take(uint(1)));
      case 0xc5:
        return Buffer.from(take(uint(2)));
      case 0xc6:
        return Buffer.from(take(uint(4)));
      case 0xcc:
        return uint(1);
      case 0xcd:
        return uint(2);
      case 0xce:
        return uint(4);
      case 0xcf:
        return Number(take(8).readBigUInt64BE());
      // Signed ints: borg's chunk_seed is a random signed 32-bit number.
      case 0xd0:
        return take(1).readInt8(0);
      case 0xd1:
        return take(2).readInt16BE(0);
      case 0xd2:
        return take(4).readInt32BE(0);
      case 0xd3:
        return Number(take(8).readBigInt64BE());
      case 0xd9:
        return Buffer.from(take(uint(1)));
      case 0xda:
        return Buffer.from(take(uint(2)));
      case 0xdb:
        return Buffer.from(take(uint(4)));
      case 0xdc:
        return array(uint(2));
      case 0xde:
        return map(uint(2));
      default:
        throw new Error(`msgpack: unsupported type 0x${tag.toString(16)}`);
    }
  };
  return value();
}
