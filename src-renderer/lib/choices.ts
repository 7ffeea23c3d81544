/**
 * The labelled choices of the select boxes, with the one-line explanations shown beneath them.
 * Labels and hints come from the components catalog. Descriptions follow borg's own documentation of `borg init --encryption` and `--compression`.
 */
import i18next, { type TFunction } from 'i18next';
import type { Compression } from '../../src-main/model/compression.js';
import type { AnyEncryptionMode } from '../../src-main/model/encryption.js';

/** One option of a select box. */
export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint: string;
}

/** The `t` of the shared components' catalog, read when called so it follows the current language. */
export function componentsT(): TFunction<'components'> {
  return i18next.getFixedT(null, 'components');
}

/** Compression values with their catalog keys, lz4 first (borg's default). */
const compressionKeys = [
  ['lz4', 'lz4'],
  ['zstd,3', 'zstd3'],
  ['zstd,10', 'zstd10'],
  ['zlib,6', 'zlib6'],
  ['lzma,6', 'lzma6'],
  ['none', 'none'],
] as const satisfies readonly (readonly [Compression, string])[];

/** Compression algorithms offered for a backup, in the current language (call it while rendering). */
export function compressionChoices(
  t: TFunction<'components'> = componentsT(),
): readonly Choice<Compression>[] {
  return compressionKeys.map(([value, key]) => ({
    value,
    label: t(`compression.${key}.label`),
    hint: t(`compression.${key}.hint`),
  }));
}

/** The hint for a value, or an empty string. */
export function hintFor<T extends string>(choices: readonly Choice<T>[], value: T): string {
  return choices.find((choice) => choice.value === value)?.hint ?? '';
}

/** True when a mode asks for a passphrase (every mode except `none`). */
export function needsPassphrase(mode: AnyEncryptionMode): boolean {
  return mode !== 'none';
}
