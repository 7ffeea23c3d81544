/**
 * The encryption modes the create dialogs offer: exactly the ones the borg in use accepts (app:status
 * borg.features.encryptionModes, recommended first), each with a label and a hint from the components
 * catalog. borg 2's descriptions follow its `repo-create --help`.
 */
import type { TFunction } from 'i18next';
import type { BorgStatus } from '../../src-main/model/app.js';
import {
  anyEncryptionModeSchema,
  encryptionModeSchema,
  type AnyEncryptionMode,
} from '../../src-main/model/encryption.js';
import { componentsT, type Choice } from './choices.js';

/** The modes the borg in use accepts, recommended first; borg 1's list while its status is not known. */
export function encryptionModesOf(borg: BorgStatus | undefined): readonly AnyEncryptionMode[] {
  const offered = borg?.state === 'ok' ? borg.features.encryptionModes : encryptionModeSchema.options;
  // Only modes the create request can carry; a mode a future borg adds is left out until it is described.
  return offered.flatMap((mode) => {
    const parsed = anyEncryptionModeSchema.safeParse(mode);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The choices for these modes, in their order and the current language (call it while rendering). */
export function encryptionChoicesFor(
  modes: readonly AnyEncryptionMode[],
  t: TFunction<'components'> = componentsT(),
): readonly Choice<AnyEncryptionMode>[] {
  return modes.map((mode) => ({
    value: mode,
    label: t(`encryption.${mode}.label`),
    hint: t(`encryption.${mode}.hint`),
  }));
}
