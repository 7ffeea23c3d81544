/**
 * The labelled choices of the select boxes, with the one-line explanations shown beneath them.
 * Descriptions follow borg's own documentation of `borg init --encryption` and `--compression`.
 */
import type { Compression } from '../../src-main/model/compression.js';
import type { AnyEncryptionMode, EncryptionMode } from '../../src-main/model/encryption.js';

/** One option of a select box. */
export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint: string;
}

/** Compression algorithms offered for a backup, lz4 first (borg's default). */
export const compressionChoices: readonly Choice<Compression>[] = [
  {
    value: 'lz4',
    label: 'lz4 — fast (recommended)',
    hint: 'Very fast, light compression. The best default for most data.',
  },
  {
    value: 'zstd,3',
    label: 'zstd level 3 — balanced',
    hint: 'Noticeably smaller archives for a moderate CPU cost.',
  },
  {
    value: 'zstd,10',
    label: 'zstd level 10 — small',
    hint: 'Much smaller for text-heavy data, but slower to back up.',
  },
  { value: 'zlib,6', label: 'zlib level 6', hint: 'Classic gzip-style compression; zstd is usually better.' },
  {
    value: 'lzma,6',
    label: 'lzma level 6 — smallest',
    hint: 'Smallest output, very slow. Only for data you rarely back up.',
  },
  {
    value: 'none',
    label: 'None',
    hint: 'No compression. Fine for photos, video and other already-compressed files.',
  },
];

/** Encryption modes offered when creating a repository, the recommended one first. */
export const encryptionChoices: readonly Choice<EncryptionMode>[] = [
  {
    value: 'repokey-blake2',
    label: 'Encrypted, key in repository (BLAKE2b) — recommended',
    hint: 'AES-256 encryption; the key is stored in the repository, protected by your passphrase. BLAKE2b is fast on most computers.',
  },
  {
    value: 'repokey',
    label: 'Encrypted, key in repository (SHA-256)',
    hint: 'Like the recommended mode, using SHA-256: faster only on CPUs with SHA hardware acceleration.',
  },
  {
    value: 'keyfile-blake2',
    label: 'Encrypted, key file on this computer (BLAKE2b)',
    hint: 'The key stays on this computer, not in the repository. Keep a copy of it: without it the backup cannot be read.',
  },
  {
    value: 'keyfile',
    label: 'Encrypted, key file on this computer (SHA-256)',
    hint: 'Key file mode with SHA-256. Keep a copy of the key file somewhere safe.',
  },
  {
    value: 'authenticated-blake2',
    label: 'Not encrypted, tamper-evident (BLAKE2b)',
    hint: 'Data is readable by anyone with access to the repository, but changes to it are detected.',
  },
  {
    value: 'authenticated',
    label: 'Not encrypted, tamper-evident (SHA-256)',
    hint: 'Readable by anyone with access, with tampering detected via HMAC-SHA256.',
  },
  {
    value: 'none',
    label: 'No encryption',
    hint: 'No encryption and no authentication. Only for repositories on media you fully trust.',
  },
];

/** The hint for a value, or an empty string. */
export function hintFor<T extends string>(choices: readonly Choice<T>[], value: T): string {
  return choices.find((choice) => choice.value === value)?.hint ?? '';
}

/** True when a mode asks for a passphrase (every mode except `none`). */
export function needsPassphrase(mode: AnyEncryptionMode): boolean {
  return mode !== 'none';
}
