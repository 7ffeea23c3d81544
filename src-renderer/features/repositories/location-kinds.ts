/**
 * Where a new repository can live: a folder or an ssh server with borg (every borg), and with
 * borg 2 an sftp server or an rclone remote — offered only when `app:status` says the borg in use
 * opens them (borg.features.extraLocationSchemes, probed at start: paramiko, rclone).
 */
import type { TFunction } from 'i18next';
import type { Choice } from '../../lib/choices.js';
import { useAppStore } from '../../stores/app-store.js';

/** The kinds of location the Add repository dialog offers. */
export type LocationKind = 'folder-or-ssh' | 'sftp' | 'rclone';

const KINDS: readonly LocationKind[] = ['folder-or-ssh', 'sftp', 'rclone'];

function kindChoice(t: TFunction<'repositories'>, kind: LocationKind): Choice<LocationKind> {
  return { value: kind, label: t(`locationKinds.${kind}.label`), hint: t(`locationKinds.${kind}.hint`) };
}

/** The schemes the borg in use opens beside folders and ssh:// (none before app:status arrives). */
export function useExtraLocationSchemes(): readonly string[] {
  return useAppStore((s) =>
    s.status?.borg.state === 'ok' ? s.status.borg.features.extraLocationSchemes : NONE,
  );
}
const NONE: readonly string[] = [];

/** The kinds to offer for these schemes (folder-or-ssh always), in the UI's words. */
export function locationKindChoices(
  t: TFunction<'repositories'>,
  extraSchemes: readonly string[],
): readonly Choice<LocationKind>[] {
  return KINDS.filter((kind) => kind === 'folder-or-ssh' || extraSchemes.includes(kind)).map((kind) =>
    kindChoice(t, kind),
  );
}

/** What the location field starts with when a kind is chosen (the scheme, so the user types the rest). */
export function locationPrefixOf(kind: LocationKind): string {
  return kind === 'sftp' ? 'sftp://' : kind === 'rclone' ? 'rclone:' : '';
}

/** The example shown in an empty location field (a catalog string: it holds words like "or"). */
export function placeholderOf(t: TFunction<'repositories'>, kind: LocationKind, creating: boolean): string {
  if (kind === 'sftp') return t('placeholders.sftp');
  if (kind === 'rclone') return t('placeholders.rclone');
  return creating ? t('placeholders.folderOrSsh') : t('placeholders.folder');
}
