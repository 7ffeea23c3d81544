/**
 * Opens an exported borg 1.x key (and tells borg 2's Argon2 keys apart) with a passphrase, as borg does (borg/crypto/key.py,
 * decrypt_key_file and _load): the blob is base64 msgpack {version 1, algorithm 'sha256',
 * iterations, salt, hash, data}; key = PBKDF2-HMAC-SHA256(passphrase, salt, iterations, 32);
 * plaintext = AES-256-CTR(key, iv 0)(data); HMAC-SHA256(key, plaintext) must equal hash; the
 * plaintext is msgpack {version 1, repository_id, enc_key, …}. Nothing is written anywhere: this is
 * the self-test's proof for repokey repositories, where `borg key import` would write into the
 * repository itself.
 */
import { createDecipheriv, createHmac, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { BorgError } from './errors.js';
import { readMsgpack, type MsgValue } from './msgpack-read.js';
import { parsePaperKey } from './paper-key.js';

const derive = promisify(pbkdf2);

/** A key file export split into its parts. */
export interface KeyFileText {
  /** The repository id on the "BORG_KEY <id>" line (64 hex digits). */
  readonly repositoryId: string;
  /** The encrypted key record. */
  readonly blob: Buffer;
}

/** Splits borg's key file text ("BORG_KEY <hex id>" then base64 lines); rejects with KeyInvalid. */
export function parseKeyFileText(text: string): KeyFileText {
  const match = /^BORG_KEY ([0-9a-f]{64})\r?\n([A-Za-z0-9+/=\s]+)$/.exec(text.trimEnd() + '\n');
  if (!match) {
    throw new BorgError({
      code: 'KeyInvalid',
      message: 'This is not a borg key file: it should start with "BORG_KEY" and the repository id.',
      remedy: 'Choose the file Borgdesk or "borg key export" saved.',
      reason: 'borgKeyFileShould',
    });
  }
  return { repositoryId: match[1] ?? '', blob: Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64') };
}

/** A key in any of borg's export forms, reduced to its blob and the repository id it names. */
export interface ExportedKey {
  readonly blob: Buffer;
  /** The first 18 hex digits of the repository id the export names (all a paper key carries). */
  readonly repositoryIdPrefix: string;
}

/** Reads a key file, a paper key or borg's QR page; rejects with KeyInvalid. */
export function readExportedKey(text: string): ExportedKey {
  const fromQrPage = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(text)?.[1];
  const plain = fromQrPage ?? text;
  if (/^\s*BORG_KEY /.test(plain)) {
    const file = parseKeyFileText(plain.trim());
    return { blob: file.blob, repositoryIdPrefix: file.repositoryId.slice(0, 18) };
  }
  const paper = parsePaperKey(plain);
  return { blob: paper.blob, repositoryIdPrefix: paper.repositoryIdPrefix };
}

/** Borg's key file text for a blob (base64 in lines of 70, as borg's textwrap writes it). */
export function keyFileText(repositoryId: string, blob: Buffer): string {
  const base64 = blob.toString('base64');
  const lines = base64.match(/.{1,70}/g) ?? [];
  return `BORG_KEY ${repositoryId}\n${lines.join('\n')}\n`;
}

/** What opening a key proved. */
export interface OpenedKey {
  /** The repository id inside the decrypted key (hex). */
  readonly repositoryId: string;
}

function field(record: MsgValue, name: string): MsgValue | undefined {
  return record instanceof Map ? record.get(name) : undefined;
}

function isText(value: MsgValue | undefined, text: string): boolean {
  return Buffer.isBuffer(value) && value.toString('utf8') === text;
}

function notAKey(): BorgError {
  return new BorgError({
    code: 'KeyInvalid',
    message: 'The key is damaged or in a format this borg version does not know.',
    remedy: 'Export the key again from the repository.',
    reason: 'keyDamagedFormatBorg',
  });
}

// borg 2 (crypto/key.py encrypt_key_file_argon2) protects new keys with Argon2id and ChaCha20-Poly1305.
const ARGON2 = 'argon2 chacha20-poly1305';

function argon2Key(): BorgError {
  return new BorgError({
    code: 'KeyFormatUnsupported',
    message:
      'This key is protected with Argon2 (borg 2). Borgdesk cannot decrypt such a key by itself, so it could not check it without borg.',
    remedy: 'Keep the export: borg 2 opens it. Check it by importing it on a computer with borg 2.',
    reason: 'keyProtectedArgonBorg',
  });
}

/** The `algorithm` a key blob names: "sha256" (PBKDF2, borg 1.x), "argon2 chacha20-poly1305" (borg 2); undefined if unreadable. */
export function keyBlobAlgorithm(blob: Buffer): string | undefined {
  try {
    const algorithm = field(readMsgpack(blob), 'algorithm');
    return Buffer.isBuffer(algorithm) ? algorithm.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decrypts the key blob with the passphrase; rejects with PassphraseWrong, KeyInvalid, or
 * KeyFormatUnsupported for borg 2's Argon2 keys (Node has no Argon2 before version 24).
 */
export async function openKeyBlob(blob: Buffer, passphrase: string): Promise<OpenedKey> {
  let record: MsgValue;
  try {
    record = readMsgpack(blob);
  } catch {
    throw notAKey();
  }
  if (field(record, 'version') === 1 && isText(field(record, 'algorithm'), ARGON2)) throw argon2Key();
  const salt = field(record, 'salt');
  const iterations = field(record, 'iterations');
  const hash = field(record, 'hash');
  const data = field(record, 'data');
  if (
    field(record, 'version') !== 1 ||
    !isText(field(record, 'algorithm'), 'sha256') ||
    !Buffer.isBuffer(salt) ||
    !Buffer.isBuffer(hash) ||
    !Buffer.isBuffer(data) ||
    typeof iterations !== 'number'
  ) {
    throw notAKey();
  }
  const key = await derive(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha256');
  const decipher = createDecipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  const mac = createHmac('sha256', key).update(plain).digest();
  if (mac.length !== hash.length || !timingSafeEqual(mac, hash)) {
    throw new BorgError({
      code: 'PassphraseWrong',
      message: 'The passphrase does not open this key.',
      remedy: 'Check the passphrase you wrote down. Passphrases are case-sensitive.',
      reason: 'passphraseOpenKey',
    });
  }
  let inner: MsgValue;
  try {
    inner = readMsgpack(plain);
  } catch {
    throw notAKey();
  }
  const id = field(inner, 'repository_id');
  if (!Buffer.isBuffer(id)) throw notAKey();
  return { repositoryId: id.toString('hex') };
}
