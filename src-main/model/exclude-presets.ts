/**
 * One-click exclusion presets. Each is shown with the exact patterns it adds, so nothing is hidden:
 * paths in the home folder become `pp:` (path prefix) patterns for the user's real home (borg does
 * not expand `~`, and pp: needs no escaping of a home folder with `[` or `*` in its name); name
 * patterns use sh: with a leading `**` + `/`, so they match at any depth and only whole path components.
 */
import { z } from 'zod';

/** The presets a plan can switch on. */
export const excludePresetIdSchema = z.enum(['caches-trash', 'node-modules', 'build-outputs', 'vm-images']);
export type ExcludePresetId = z.infer<typeof excludePresetIdSchema>;

/** The platforms presets distinguish; anything else is treated like Linux. */
export type PresetPlatform = 'linux' | 'darwin' | 'win32';

interface PresetEntry {
  /** A pattern; a leading `~/` means "in the home folder". */
  readonly pattern: string;
  /** Only on these platforms; all when absent. */
  readonly on?: readonly PresetPlatform[];
}

/** A preset as the plan editor lists it. */
export interface ExcludePreset {
  readonly id: ExcludePresetId;
  readonly label: string;
  readonly description: string;
  readonly entries: readonly PresetEntry[];
}

const LINUX: readonly PresetPlatform[] = ['linux'];
const MAC: readonly PresetPlatform[] = ['darwin'];

/** Every preset, in display order. */
export const EXCLUDE_PRESETS: readonly ExcludePreset[] = [
  {
    id: 'caches-trash',
    label: 'Caches and trash',
    description:
      "Application caches, thumbnails, the trash and borg's own security notes: all rebuilt or meant to be thrown away.",
    entries: [
      { pattern: '~/.cache', on: LINUX },
      { pattern: '~/.local/share/Trash', on: LINUX },
      { pattern: '~/.thumbnails', on: LINUX },
      // Trash folders on other drives (freedesktop.org trash spec: .Trash-<uid> at a volume's top).
      { pattern: 'sh:**/.Trash-*', on: LINUX },
      { pattern: '~/Library/Caches', on: MAC },
      { pattern: '~/.Trash', on: MAC },
      // Borg rewrites its nonce there during every backup to a remote repository ("file changed while
      // we backed it up"); it is bookkeeping borg recreates, not the user's data (keys live in ../keys).
      { pattern: '~/.config/borg/security', on: [...LINUX, ...MAC] },
    ],
  },
  {
    id: 'node-modules',
    label: 'node_modules',
    description: 'JavaScript dependencies; `npm install` brings them back.',
    entries: [{ pattern: 'sh:**/node_modules' }],
  },
  {
    id: 'build-outputs',
    label: 'Build outputs',
    description: 'Folders compilers and build tools regenerate: target, dist, build, __pycache__, .gradle.',
    entries: [
      { pattern: 'sh:**/target' },
      { pattern: 'sh:**/dist' },
      { pattern: 'sh:**/build' },
      { pattern: 'sh:**/__pycache__' },
      { pattern: 'sh:**/.gradle' },
    ],
  },
  {
    id: 'vm-images',
    label: 'Virtual machine images',
    description: 'Large disk images that change constantly; back them up separately if you need them.',
    entries: [
      { pattern: 'sh:**/*.vdi' },
      { pattern: 'sh:**/*.vmdk' },
      { pattern: 'sh:**/*.qcow2' },
      { pattern: 'sh:**/*.vhd' },
      { pattern: 'sh:**/*.vhdx' },
      { pattern: '~/VirtualBox VMs' },
      { pattern: '~/.local/share/gnome-boxes/images', on: LINUX },
      { pattern: '~/.local/share/libvirt/images', on: LINUX },
      { pattern: '~/Virtual Machines.localized', on: MAC },
      { pattern: '~/Parallels', on: MAC },
      { pattern: '~/Library/Containers/com.utmapp.UTM/Data/Documents', on: MAC },
    ],
  },
];

/** Where presets are expanded: the user's home folder and the platform. */
export interface PresetContext {
  readonly homeDir: string;
  readonly platform: string;
}

/** The exact --exclude patterns preset `id` adds for this home folder and platform. */
export function expandPreset(id: ExcludePresetId, ctx: PresetContext): string[] {
  const preset = EXCLUDE_PRESETS.find((p) => p.id === id);
  if (preset === undefined) return [];
  const platform: PresetPlatform =
    ctx.platform === 'darwin' || ctx.platform === 'win32' ? ctx.platform : 'linux';
  const home = ctx.homeDir.replace(/\/+$/, '');
  return preset.entries
    .filter((e) => e.on === undefined || e.on.includes(platform))
    .map((e) => (e.pattern.startsWith('~/') ? `pp:${home}/${e.pattern.slice(2)}` : e.pattern));
}

/** All patterns of several presets, in preset order, without duplicates. */
export function expandPresets(ids: readonly ExcludePresetId[], ctx: PresetContext): string[] {
  const ordered = EXCLUDE_PRESETS.filter((p) => ids.includes(p.id));
  return [...new Set(ordered.flatMap((p) => expandPreset(p.id, ctx)))];
}

/** Plan options that become borg flags rather than patterns. */
export interface ExclusionFlags {
  /** `--exclude-caches`: skip folders holding a CACHEDIR.TAG (https://bford.info/cachedir/). */
  readonly excludeCaches: boolean;
  /** `--exclude-if-present NAME` for each name, e.g. `.nobackup`. */
  readonly excludeIfPresent: readonly string[];
  /** `--one-file-system`: do not cross into other mounted file systems. */
  readonly oneFileSystem: boolean;
}

/** The borg create flags for a plan's exclusion options. */
export function exclusionFlagArgs(flags: ExclusionFlags): string[] {
  const args: string[] = [];
  if (flags.excludeCaches) args.push('--exclude-caches');
  for (const name of flags.excludeIfPresent) {
    const trimmed = name.trim();
    if (trimmed !== '') args.push('--exclude-if-present', trimmed);
  }
  if (flags.oneFileSystem) args.push('--one-file-system');
  return args;
}
