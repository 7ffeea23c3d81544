/**
 * Reads Vorta's "Export profile" file: one backup profile as JSON, written by Vorta from its peewee
 * models (BackupProfileModel with its RepoModel, SourceFileModel and ExclusionModel rows, the
 * SchemaVersion, and the app's WifiSettingModel and SettingsModel rows). Field names follow
 * vorta/store/models.py. A passphrase in the file (`password`) is never read.
 */
import { z } from 'zod';
import type { Schedule } from '../../model/schedule.js';
import {
  compressionField,
  hookFrom,
  retentionFrom,
  templateField,
  type ImportedPlan,
  type ImportedRepository,
  type ImportedSet,
} from './imported-set.js';

const vortaRepoSchema = z
  .object({
    url: z.string().min(1),
    name: z.string().nullish(),
    encryption: z.string().nullish(),
    create_backup_cmd: z.string().nullish(),
    extra_borg_arguments: z.string().nullish(),
  })
  .loose();

const vortaProfileSchema = z
  .object({
    name: z.string(),
    repo: z.union([vortaRepoSchema, z.null(), z.number()]).optional(),
    ssh_key: z.string().nullish(),
    compression: z.string().nullish(),
    exclude_patterns: z.string().nullish(),
    exclude_if_present: z.string().nullish(),
    schedule_mode: z.string().nullish(),
    schedule_interval_count: z.number().nullish(),
    schedule_interval_unit: z.string().nullish(),
    schedule_fixed_hour: z.number().nullish(),
    schedule_fixed_minute: z.number().nullish(),
    validation_on: z.boolean().nullish(),
    validation_weeks: z.number().nullish(),
    compaction_on: z.boolean().nullish(),
    prune_on: z.boolean().nullish(),
    prune_hour: z.number().nullish(),
    prune_day: z.number().nullish(),
    prune_week: z.number().nullish(),
    prune_month: z.number().nullish(),
    prune_year: z.number().nullish(),
    prune_keep_within: z.string().nullish(),
    new_archive_name: z.string().nullish(),
    pre_backup_cmd: z.string().nullish(),
    post_backup_cmd: z.string().nullish(),
    dont_run_on_metered_networks: z.boolean().nullish(),
    SourceFileModel: z.array(z.object({ dir: z.string() }).loose()).default([]),
    ExclusionModel: z
      .array(
        z
          .object({
            name: z.string(),
            enabled: z.boolean().default(true),
            source: z.string().default('custom'),
          })
          .loose(),
      )
      .default([]),
    WifiSettingModel: z.array(z.unknown()).optional(),
    SettingsModel: z.array(z.unknown()).optional(),
    SchemaVersion: z.object({ version: z.number() }).loose(),
  })
  .loose();
type VortaProfile = z.infer<typeof vortaProfileSchema>;

/** True when parsed JSON looks like a Vorta profile export (its SchemaVersion and sources tables). */
export function looksLikeVorta(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'SchemaVersion' in data && 'SourceFileModel' in data;
}

/** The profile in Borgdesk's terms, or undefined when the JSON is not a Vorta profile export. */
export function readVortaProfile(data: unknown): ImportedSet | undefined {
  const parsed = vortaProfileSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const profile = parsed.data;
  const notMapped: string[] = [];
  const repositories: ImportedRepository[] = [];
  const repo = typeof profile.repo === 'object' && profile.repo !== null ? profile.repo : undefined;
  if (repo !== undefined) repositories.push(vortaRepository(repo, profile));
  else notMapped.push('The profile has no repository: choose one in the plan after the import.');
  const fileNotes: string[] = [];
  if (typeof profile['password'] === 'string' && profile['password'] !== '')
    fileNotes.push(
      'The file holds the repository passphrase: it was not imported. Unlock the repository with it.',
    );
  if ((profile.WifiSettingModel?.length ?? 0) > 0 || (profile.SettingsModel?.length ?? 0) > 0)
    fileNotes.push("Vorta's app settings and Wi-Fi rules in the file are not used by Borgdesk.");
  const plan: ImportedPlan = {
    key: 'vorta-profile',
    name: profile.name.trim() === '' ? 'Vorta profile' : profile.name.trim(),
    targets:
      repo === undefined
        ? []
        : [{ repositoryKey: 'vorta-repo', schedule: vortaSchedule(profile, notMapped) }],
    fields: vortaPlanFields(profile, notMapped),
    notMapped,
  };
  return { source: 'vorta', repositories, plans: [plan], notMapped: fileNotes };
}

function vortaRepository(repo: z.infer<typeof vortaRepoSchema>, profile: VortaProfile): ImportedRepository {
  const notes: string[] = [];
  if (profile.ssh_key)
    notes.push(
      `Vorta logged in with the SSH key "${profile.ssh_key}": choose it in the repository's settings.`,
    );
  if (repo.extra_borg_arguments)
    notes.push(`Extra borg arguments "${repo.extra_borg_arguments}" are not used by Borgdesk.`);
  if (repo.create_backup_cmd) notes.push('Vorta\'s custom "create backup" command is not used by Borgdesk.');
  return {
    key: 'vorta-repo',
    name: repo.name?.trim() || repoNameFromUrl(repo.url),
    location: repo.url,
    encryption: repo.encryption ?? undefined,
    notes,
  };
}

/** The last path part of a location, as a name when Vorta has none ("backups" for user@host:backups). */
export function repoNameFromUrl(url: string): string {
  const tail = url.replace(/\/+$/, '').split(/[/:]/).pop() ?? '';
  return tail === '' || tail === '.' ? url : tail;
}

function vortaPlanFields(profile: VortaProfile, notMapped: string[]): Record<string, unknown> {
  const sourcePaths = profile.SourceFileModel.map((s) => s.dir);
  const excludes = [
    ...profile.ExclusionModel.filter((e) => e.enabled && e.source === 'custom').map((e) => e.name),
    ...(profile.exclude_patterns ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  ];
  const presets = profile.ExclusionModel.filter((e) => e.enabled && e.source === 'preset').map((e) => e.name);
  if (presets.length > 0)
    notMapped.push(
      `Vorta's exclusion presets (${presets.join(', ')}) are not Borgdesk's: pick similar presets in the plan.`,
    );
  if (profile.validation_on)
    notMapped.push(
      `Vorta checked the repository every ${profile.validation_weeks ?? 3} weeks: set up checks in Borgdesk.`,
    );
  if (profile.compaction_on) notMapped.push("Vorta's scheduled compaction is not taken over.");
  const retention = profile.prune_on
    ? retentionFrom({
        keepWithin: profile.prune_keep_within,
        keepHourly: profile.prune_hour,
        keepDaily: profile.prune_day,
        keepWeekly: profile.prune_week,
        keepMonthly: profile.prune_month,
        keepYearly: profile.prune_year,
      })
    : undefined;
  if (retention !== undefined)
    notMapped.push("Archives Vorta made are named differently: this plan's pruning leaves them alone.");
  const beforeCommand = hookFrom([profile.pre_backup_cmd ?? '']);
  const afterCommand = hookFrom([profile.post_backup_cmd ?? '']);
  return {
    sourcePaths,
    excludes,
    // Vorta passes only --exclude-if-present for the checked names, never --exclude-caches.
    excludeCaches: false,
    excludeIfPresent: vortaExcludeIfPresent(profile.exclude_if_present),
    ...compressionField(profile.compression, notMapped),
    ...templateField(profile.new_archive_name, notMapped),
    ...(retention === undefined ? {} : { retention }),
    ...(beforeCommand === undefined ? {} : { beforeCommand }),
    ...(afterCommand === undefined ? {} : { afterCommand }),
  };
}

// One name a line; newer Vorta marks each "[x] name" (used) or "[] name" (listed, switched off).
function vortaExcludeIfPresent(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  const names: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('[]') || line.startsWith('[ ]')) continue;
    const name = line.startsWith('[x]') ? line.slice(3).trim() : line;
    if (name !== '' && !name.includes('/')) names.push(name);
  }
  return names;
}

function vortaSchedule(profile: VortaProfile, notMapped: string[]): Schedule {
  const conditions = profile.dont_run_on_metered_networks ? { conditions: { notOnMetered: true } } : {};
  if (profile.schedule_mode === 'fixed') {
    const hour = String(profile.schedule_fixed_hour ?? 3).padStart(2, '0');
    const minute = String(profile.schedule_fixed_minute ?? 42).padStart(2, '0');
    return { kind: 'daily', at: `${hour}:${minute}`, ...conditions };
  }
  if (profile.schedule_mode !== 'interval') return { kind: 'off' };
  const count = profile.schedule_interval_count ?? 3;
  const unit = profile.schedule_interval_unit ?? 'hours';
  if (unit === 'hours' && count >= 1 && count <= 24)
    return { kind: 'every-hours', hours: count, ...conditions };
  if (unit === 'days' && count === 1) return { kind: 'every-hours', hours: 24, ...conditions };
  if (unit === 'minutes') {
    notMapped.push(`Vorta ran it every ${count} minutes: Borgdesk runs it at most every hour.`);
    return { kind: 'every-hours', hours: 1, ...conditions };
  }
  notMapped.push(
    `Vorta ran it every ${count} ${unit}: Borgdesk cannot repeat that, so the schedule is off. Set one in the plan.`,
  );
  return { kind: 'off' };
}
