/**
 * What every reader of an import file (Borgdesk, Vorta, borgmatic) turns it into: repositories
 * and plans in Borgdesk's terms, plus plain sentences about what the file holds that does not map.
 * The preview then matches repositories with the ones already added and validates each plan.
 */
import { checkArchiveNameTemplate, DEFAULT_ARCHIVE_NAME_TEMPLATE } from '../../model/archive-name.js';
import { compressionSchema, type Compression } from '../../model/compression.js';
import type { HookCommand } from '../../model/plan.js';
import type { RetentionPolicy } from '../../model/retention.js';
import type { Schedule } from '../../model/schedule.js';

/** A repository an import file names. `location` is as written there (normalised by the preview). */
export interface ImportedRepository {
  readonly key: string;
  readonly name: string;
  readonly location: string;
  /** Encryption mode when the file says; unknown: the repository is added locked. */
  readonly encryption?: string | undefined;
  readonly passcommand?: string | undefined;
  readonly sshKey?: string | undefined;
  readonly notes: readonly string[];
}

/** A plan an import file describes; `fields` are plan draft fields, validated by the preview. */
export interface ImportedPlan {
  readonly key: string;
  readonly name: string;
  /** Only a Borgdesk export carries one: the imported plan keeps pruning its old archives. */
  readonly archivePrefix?: string | undefined;
  readonly targets: readonly { readonly repositoryKey: string; readonly schedule: Schedule }[];
  readonly fields: Readonly<Record<string, unknown>>;
  readonly notMapped: readonly string[];
}

/** The whole file in Borgdesk's terms. */
export interface ImportedSet {
  readonly source: 'borgdesk' | 'vorta' | 'borgmatic';
  readonly repositories: readonly ImportedRepository[];
  readonly plans: readonly ImportedPlan[];
  readonly notMapped: readonly string[];
}

/**
 * Borg's compression spec as one of Borgdesk's choices, or undefined when there is none that means
 * the same (an `auto,` or `obfuscate,` spec, an unusual level). Borg's default levels: zstd 3, zlib 6, lzma 6.
 */
export function mapCompression(spec: string): Compression | undefined {
  const s = spec.trim().toLowerCase();
  const withDefault: Record<string, string> = { zstd: 'zstd,3', zlib: 'zlib,6', lzma: 'lzma,6' };
  const parsed = compressionSchema.safeParse(withDefault[s] ?? s);
  return parsed.success ? parsed.data : undefined;
}

/** A compression field for a plan, noting in `notMapped` what could not be kept. */
export function compressionField(spec: unknown, notMapped: string[]): { compression?: Compression } {
  if (typeof spec !== 'string' || spec.trim() === '') return {};
  const mapped = mapCompression(spec);
  if (mapped !== undefined) return { compression: mapped };
  notMapped.push(
    `Compression "${spec}" is not one Borgdesk offers: the plan uses lz4; choose another in the plan.`,
  );
  return {};
}

/** The archive name template, or the default with a note when borg or Borgdesk would refuse it. */
export function templateField(template: unknown, notMapped: string[]): { archiveNameTemplate?: string } {
  if (typeof template !== 'string' || template.trim() === '') return {};
  const problem = checkArchiveNameTemplate(template);
  if (problem === undefined) return { archiveNameTemplate: template };
  notMapped.push(
    `The archive name "${template}" was not taken over (${problem}): archives are named ${DEFAULT_ARCHIVE_NAME_TEMPLATE}.`,
  );
  return {};
}

/** A retention policy from counts, or undefined when none is above zero (borg prune needs a rule). */
export function retentionFrom(counts: {
  readonly keepWithin?: unknown;
  readonly keepLast?: unknown;
  readonly keepHourly?: unknown;
  readonly keepDaily?: unknown;
  readonly keepWeekly?: unknown;
  readonly keepMonthly?: unknown;
  readonly keepYearly?: unknown;
}): RetentionPolicy | undefined {
  const policy: Record<string, number | string> = {};
  for (const [rule, value] of Object.entries(counts)) {
    if (rule === 'keepWithin') {
      if (typeof value === 'string' && /^0*[1-9]\d*[Hdwmy]$/.test(value.trim())) policy[rule] = value.trim();
    } else if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
      policy[rule] = value;
    }
  }
  return Object.keys(policy).length === 0 ? undefined : (policy as RetentionPolicy);
}

/** One hook from one or more command lines (run one after another, stopping at the first failure). */
export function hookFrom(commands: readonly string[]): HookCommand | undefined {
  const lines = commands.map((c) => c.trim()).filter((c) => c !== '');
  if (lines.length === 0) return undefined;
  return { command: lines.join(' && '), timeoutSeconds: 600 };
}

/** A name no one in `taken` uses: "Documents", then "Documents (imported)", "Documents (imported 2)". */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  // Room for the suffix within a plan name's 80 characters.
  const base = name.slice(0, 62).trimEnd();
  if (!taken.has(`${base} (imported)`)) return `${base} (imported)`;
  for (let n = 2; ; n++) if (!taken.has(`${base} (imported ${n})`)) return `${base} (imported ${n})`;
}
