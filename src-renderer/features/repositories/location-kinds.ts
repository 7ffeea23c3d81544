/**
 * Where a new repository can live: a folder or an ssh server with borg (every borg), and with
 * borg 2 an sftp server or an rclone remote — offered only when `app:status` says the borg in use
 * opens them (borg.features.extraLocationSchemes, probed at start: paramiko, rclone).
 */
import type { Choice } from '../../lib/choices.js';
import { useAppStore } from '../../stores/app-store.js';

/** The kinds of location the Add repository dialog offers. */
export type LocationKind = 'folder-or-ssh' | 'sftp' | 'rclone';

const KINDS: readonly Choice<LocationKind>[] = [
  {
    value: 'folder-or-ssh',
    label: 'A folder, or an ssh server with borg',
    hint: 'A drive on this computer, or ssh://user@host/path on a server where borg is installed.',
  },
  {
    value: 'sftp',
    label: 'SFTP server (borg 2, no borg needed on the server)',
    hint: 'sftp://user@host:port/path — the path is relative to the user’s home; start it with / again for an absolute one (sftp://user@host//srv/backups). Uses the SSH key below and the server keys Borgdesk knows.',
  },
  {
    value: 'rclone',
    label: 'rclone remote (borg 2)',
    hint: 'rclone:remote:path — a remote from “rclone config” of this computer’s user (cloud storage, WebDAV, …).',
  },
];

/** The schemes the borg in use opens beside folders and ssh:// (none before app:status arrives). */
export function useExtraLocationSchemes(): readonly string[] {
  return useAppStore((s) =>
    s.status?.borg.state === 'ok' ? s.status.borg.features.extraLocationSchemes : NONE,
  );
}
const NONE: readonly string[] = [];

/** The kinds to offer for these schemes (folder-or-ssh always). */
export function locationKindChoices(extraSchemes: readonly string[]): readonly Choice<LocationKind>[] {
  return KINDS.filter((kind) => kind.value === 'folder-or-ssh' || extraSchemes.includes(kind.value));
}

/** What the location field starts with when a kind is chosen (the scheme, so the user types the rest). */
export function locationPrefixOf(kind: LocationKind): string {
  return kind === 'sftp' ? 'sftp://' : kind === 'rclone' ? 'rclone:' : '';
}

/** The example shown in an empty location field. */
export function placeholderOf(kind: LocationKind, creating: boolean): string {
  if (kind === 'sftp') return 'sftp://user@host:22/backups/repo';
  if (kind === 'rclone') return 'rclone:myremote:backups/repo';
  return creating ? '/media/usb/backups or ssh://user@host/~/backups' : '/media/usb/backups';
}
