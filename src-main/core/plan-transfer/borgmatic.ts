/**
 * Reads a borgmatic configuration file (YAML): the sectioned layout of borgmatic before 1.8
 * (location:, storage:, retention:, consistency:, hooks:) and the flat one after, with command
 * hooks as before_backup/after_backup/on_error or as borgmatic 2's `commands:` list. One file is one
 * plan backing up to each of its repositories. Option names follow borgmatic's configuration reference.
 */
import { parse } from 'yaml';
import {
  compressionField,
  hookFrom,
  retentionFrom,
  templateField,
  type ImportedRepository,
  type ImportedSet,
} from './imported-set.js';
import { repoNameFromUrl } from './vorta.js';

const SECTIONS = ['location', 'storage', 'retention', 'consistency', 'hooks', 'output'] as const;

/** Options read into the plan; every other option is listed as not taken over. */
const MAPPED = new Set([
  'source_directories',
  'repositories',
  'exclude_patterns',
  'patterns',
  'exclude_caches',
  'exclude_if_present',
  'one_file_system',
  'compression',
  'archive_name_format',
  'keep_within',
  'keep_last',
  'keep_hourly',
  'keep_daily',
  'keep_weekly',
  'keep_monthly',
  'keep_yearly',
  'before_backup',
  'after_backup',
  'on_error',
  'commands',
  'encryption_passcommand',
  'encryption_passphrase',
]);

const MONITORS = [
  'healthchecks',
  'cronitor',
  'cronhub',
  'pagerduty',
  'ntfy',
  'uptime_kuma',
  'apprise',
  'zabbix',
  'loki',
  'sentry',
  'pushover',
];
const DATABASES = [
  'postgresql_databases',
  'mysql_databases',
  'mariadb_databases',
  'mongodb_databases',
  'sqlite_databases',
];

/** Why some well-known options are not taken over, in plain words. */
function unmappedSentence(option: string): string {
  if (MONITORS.includes(option))
    return `Monitoring with ${option.replace('_', ' ')} is not taken over: set up monitoring in Borgdesk.`;
  if (DATABASES.includes(option))
    return `borgmatic's ${option.replace('_databases', '')} database dumps are not taken over: add a "before" command that dumps the database.`;
  if (option === 'checks' || option.startsWith('check_'))
    return "borgmatic's consistency checks are not taken over: schedule checks in Borgdesk.";
  if (option === 'ssh_command')
    return "The ssh_command option is not used: choose the SSH key in the repository's settings.";
  if (option === 'exclude_from' || option === 'patterns_from')
    return `The files named by ${option} are not read: copy their patterns into the plan.`;
  if (option.startsWith('keep_')) return `The retention rule ${option} is not one Borgdesk offers.`;
  if (/^(before|after)_/.test(option))
    return `The ${option} commands are not taken over (Borgdesk runs commands before and after a backup only).`;
  return `The option ${option} is not used by Borgdesk.`;
}

/** True when parsed YAML looks like a borgmatic configuration (it names sources or repositories). */
export function looksLikeBorgmatic(data: unknown): boolean {
  if (!isRecord(data)) return false;
  const flat = flatten(data);
  return 'source_directories' in flat || 'repositories' in flat;
}

/** Parsed YAML, or undefined when the text is not YAML at all. */
export function parseYaml(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

/** The configuration in Borgdesk's terms (one plan); `fileName` names the plan. */
export function readBorgmaticConfig(data: Record<string, unknown>, fileName?: string): ImportedSet {
  const options = flatten(data);
  const notMapped: string[] = [];
  const fileNotes: string[] = [];
  const passcommand = stringOf(options['encryption_passcommand']);
  if (stringOf(options['encryption_passphrase']) !== undefined)
    fileNotes.push(
      'The file holds the repository passphrase: it was not imported. Unlock the repository with it.',
    );
  const repositories = borgmaticRepositories(options['repositories'], passcommand);
  const sourcePaths: string[] = [];
  for (const dir of stringList(options['source_directories'])) {
    if (/[*?[]/.test(dir))
      notMapped.push(`The source "${dir}" uses a wildcard: choose those folders in the plan.`);
    else if (dir.startsWith('/') || dir === '~' || dir.startsWith('~/'))
      sourcePaths.push(dir.replace(/(.)\/+$/, '$1'));
    else notMapped.push(`The source "${dir}" is not a full path: choose it again in the plan.`);
  }
  const hooks = borgmaticHooks(options, notMapped);
  const retention = retentionFrom({
    keepWithin: options['keep_within'],
    keepLast: options['keep_last'],
    keepHourly: options['keep_hourly'],
    keepDaily: options['keep_daily'],
    keepWeekly: options['keep_weekly'],
    keepMonthly: options['keep_monthly'],
    keepYearly: options['keep_yearly'],
  });
  if (retention !== undefined)
    notMapped.push("Archives borgmatic made are named differently: this plan's pruning leaves them alone.");
  notMapped.push('borgmatic ran from cron or a systemd timer: the schedule is off, set one in the plan.');
  for (const option of Object.keys(options))
    if (!MAPPED.has(option)) notMapped.push(unmappedSentence(option));
  const excludeIfPresent = options['exclude_if_present'];
  const fields: Record<string, unknown> = {
    sourcePaths,
    excludes: stringList(options['exclude_patterns']),
    patterns: stringList(options['patterns']),
    // borgmatic passes neither flag unless asked to.
    excludeCaches: options['exclude_caches'] === true,
    excludeIfPresent:
      typeof excludeIfPresent === 'string' ? [excludeIfPresent] : stringList(excludeIfPresent),
    oneFileSystem: options['one_file_system'] === true,
    ...compressionField(options['compression'], notMapped),
    ...templateField(options['archive_name_format'], notMapped),
    ...(retention === undefined ? {} : { retention }),
    ...hooks,
  };
  return {
    source: 'borgmatic',
    repositories,
    plans: [
      {
        key: 'borgmatic-config',
        name: planName(fileName, repositories),
        targets: repositories.map((r) => ({ repositoryKey: r.key, schedule: { kind: 'off' } })),
        fields,
        // Several options can share one sentence (checks and check_last): say it once.
        notMapped: [...new Set(notMapped)],
      },
    ],
    notMapped: fileNotes,
  };
}

// The sectioned layout nests options one level down; the flat layout has them at the top.
function flatten(data: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if ((SECTIONS as readonly string[]).includes(key) && isRecord(value)) Object.assign(flat, value);
    else flat[key] = value;
  }
  return flat;
}

function borgmaticRepositories(raw: unknown, passcommand: string | undefined): ImportedRepository[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  const repositories: ImportedRepository[] = [];
  list.forEach((entry, i) => {
    // Older borgmatic lists plain strings; newer lists {path, label}.
    const path = typeof entry === 'string' ? entry : isRecord(entry) ? stringOf(entry['path']) : undefined;
    if (path === undefined) return;
    const label = isRecord(entry) ? stringOf(entry['label']) : undefined;
    const encryption = isRecord(entry) ? stringOf(entry['encryption']) : undefined;
    repositories.push({
      key: `borgmatic-repo-${i + 1}`,
      name: label ?? repoNameFromUrl(path),
      location: path,
      encryption,
      passcommand,
      notes: [],
    });
  });
  return repositories;
}

// borgmatic 2's `commands:` list replaces before_backup/after_backup/on_error; both are read.
function borgmaticHooks(options: Record<string, unknown>, notMapped: string[]): Record<string, unknown> {
  const before = stringList(options['before_backup']);
  const after = stringList(options['after_backup']);
  const onError = stringList(options['on_error']);
  const commands = Array.isArray(options['commands']) ? (options['commands'] as unknown[]) : [];
  for (const step of commands) {
    if (!isRecord(step)) continue;
    const run = stringList(step['run']);
    const when = stringList(step['when']);
    const forCreate = when.length === 0 || when.includes('create');
    const point = stringOf(step['before']) ?? stringOf(step['after']);
    const isBefore = stringOf(step['before']) !== undefined;
    if (point === 'error') onError.push(...run);
    else if (point === 'action' && forCreate) (isBefore ? before : after).push(...run);
    else if (point === 'repository' || point === 'configuration' || point === 'everything')
      (isBefore ? before : after).push(...run);
    else if (run.length > 0)
      notMapped.push(
        `The commands run ${isBefore ? 'before' : 'after'} "${when.join(', ')}" are not taken over.`,
      );
  }
  const beforeCommand = hookFrom(before);
  const afterCommand = hookFrom(after);
  const afterFailureCommand = hookFrom(onError);
  return {
    ...(beforeCommand === undefined ? {} : { beforeCommand }),
    ...(afterCommand === undefined ? {} : { afterCommand }),
    ...(afterFailureCommand === undefined ? {} : { afterFailureCommand }),
  };
}

function planName(fileName: string | undefined, repositories: readonly ImportedRepository[]): string {
  const base = (fileName ?? '')
    .replace(/^.*[/\\]/, '')
    .replace(/\.ya?ml$/i, '')
    .trim();
  if (base !== '' && base !== 'config') return base.slice(0, 60);
  return repositories[0] === undefined ? 'borgmatic' : `borgmatic ${repositories[0].name}`.slice(0, 60);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function stringList(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() === '' ? [] : [v];
  if (!Array.isArray(v)) return [];
  return (v as unknown[]).filter((s): s is string => typeof s === 'string' && s.trim() !== '');
}
