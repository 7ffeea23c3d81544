/**
 * The encryption modes the create dialogs offer: exactly the ones the borg in use accepts (app:status
 * borg.features.encryptionModes, recommended first), each with a label and a hint. borg 2's
 * descriptions follow its `repo-create --help`.
 */
import type { BorgStatus } from '../../src-main/model/app.js';
import {
  anyEncryptionModeSchema,
  encryptionModeSchema,
  type AnyEncryptionMode,
} from '../../src-main/model/encryption.js';
import { encryptionChoices, type Choice } from './choices.js';

const KEEP_KEY = 'Keep a copy of the key: without it the backup cannot be read.';

/** borg 2's modes that borg 1 does not have (authenticated* and none are shared, see encryptionChoices). */
const borg2OnlyChoices: readonly Choice<AnyEncryptionMode>[] = [
  {
    value: 'repokey-aes-ocb',
    label: 'Encrypted, key in repository (AES-OCB) — recommended',
    hint: 'AES-256-OCB encryption; the key is stored in the repository, protected by your passphrase. Fast on CPUs with AES hardware support.',
  },
  {
    value: 'repokey-chacha20-poly1305',
    label: 'Encrypted, key in repository (ChaCha20-Poly1305)',
    hint: 'Like the recommended mode with ChaCha20-Poly1305: faster on CPUs without AES hardware support.',
  },
  {
    value: 'repokey-blake2-aes-ocb',
    label: 'Encrypted, key in repository (BLAKE2b, AES-OCB)',
    hint: 'AES-256-OCB encryption with BLAKE2b chunk ids; the key is stored in the repository.',
  },
  {
    value: 'repokey-blake2-chacha20-poly1305',
    label: 'Encrypted, key in repository (BLAKE2b, ChaCha20-Poly1305)',
    hint: 'ChaCha20-Poly1305 encryption with BLAKE2b chunk ids; the key is stored in the repository.',
  },
  {
    value: 'keyfile-aes-ocb',
    label: 'Encrypted, key file on this computer (AES-OCB)',
    hint: `The key stays on this computer, not in the repository. ${KEEP_KEY}`,
  },
  {
    value: 'keyfile-chacha20-poly1305',
    label: 'Encrypted, key file on this computer (ChaCha20-Poly1305)',
    hint: `Key file mode with ChaCha20-Poly1305. ${KEEP_KEY}`,
  },
  {
    value: 'keyfile-blake2-aes-ocb',
    label: 'Encrypted, key file on this computer (BLAKE2b, AES-OCB)',
    hint: `Key file mode with AES-OCB and BLAKE2b chunk ids. ${KEEP_KEY}`,
  },
  {
    value: 'keyfile-blake2-chacha20-poly1305',
    label: 'Encrypted, key file on this computer (BLAKE2b, ChaCha20-Poly1305)',
    hint: `Key file mode with ChaCha20-Poly1305 and BLAKE2b chunk ids. ${KEEP_KEY}`,
  },
];

const allChoices: readonly Choice<AnyEncryptionMode>[] = [...borg2OnlyChoices, ...encryptionChoices];

/** The modes the borg in use accepts, recommended first; borg 1's list while its status is not known. */
export function encryptionModesOf(borg: BorgStatus | undefined): readonly AnyEncryptionMode[] {
  const offered = borg?.state === 'ok' ? borg.features.encryptionModes : encryptionModeSchema.options;
  // Only modes the create request can carry; a mode a future borg adds is left out until it is described.
  return offered.flatMap((mode) => {
    const parsed = anyEncryptionModeSchema.safeParse(mode);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The choices for these modes, in their order. */
export function encryptionChoicesFor(
  modes: readonly AnyEncryptionMode[],
): readonly Choice<AnyEncryptionMode>[] {
  return modes.flatMap((mode) => allChoices.filter((choice) => choice.value === mode));
}
