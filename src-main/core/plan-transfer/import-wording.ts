/** The plain sentences an import preview shows about a plan: what is carried over, what is not, what is wrong. */
import type { z } from 'zod';
import type { planDraftSchema } from '../../model/plan.js';
import { describeRetention } from '../../model/retention.js';

type ParsedDraft = z.output<typeof planDraftSchema>;

/** What the plan will do, one sentence per part that is set. */
export function describePlanFields(draft: ParsedDraft): string[] {
  const lines: string[] = [];
  const excludes = draft.excludes.length + draft.patterns.length;
  if (excludes > 0) lines.push(`Leaves out what ${excludes} pattern${excludes === 1 ? '' : 's'} match.`);
  if (draft.presets.length > 0) lines.push(`Exclusion presets: ${draft.presets.join(', ')}.`);
  if (draft.excludeIfPresent.length > 0)
    lines.push(`Skips folders holding ${draft.excludeIfPresent.join(', ')}.`);
  if (draft.excludeCaches) lines.push('Skips cache folders (CACHEDIR.TAG).');
  if (draft.oneFileSystem) lines.push('Stays on one file system.');
  lines.push(`Compression ${draft.compression}; archives named ${draft.archiveNameTemplate}.`);
  lines.push(
    draft.retention === undefined ? 'Never prunes.' : `Keeps ${describeRetention(draft.retention)}.`,
  );
  if (draft.beforeCommand !== undefined) lines.push(`Runs before: ${draft.beforeCommand.command}`);
  if (draft.afterCommand !== undefined) lines.push(`Runs after: ${draft.afterCommand.command}`);
  if (draft.afterFailureCommand !== undefined)
    lines.push(`Runs after a failure: ${draft.afterFailureCommand.command}`);
  if (draft.alwaysCommand !== undefined)
    lines.push(`Runs at the end, always: ${draft.alwaysCommand.command}`);
  if (draft.restoreTest !== undefined) lines.push(`Tests a restore ${draft.restoreTest}.`);
  return lines;
}

// Fields another reader may fill that this Borgdesk's plan does not have (yet): named, never lost silently.
const FIELD_WORDS: Readonly<Record<string, string>> = {
  afterFailureCommand: 'The command to run when the backup fails',
  alwaysCommand: 'The command to run after every backup',
  monitoring: 'The monitoring settings',
};

/** One sentence for each field of `fields` the parsed draft dropped because this Borgdesk does not know it. */
export function droppedFieldNotes(fields: Readonly<Record<string, unknown>>, draft: ParsedDraft): string[] {
  const kept = new Set(Object.keys(draft));
  return Object.keys(fields)
    .filter((key) => !kept.has(key) && fields[key] !== undefined)
    .map((key) => {
      const what = FIELD_WORDS[key] ?? `The setting "${key}"`;
      const detail = commandOf(fields[key]);
      return `${what}${detail === undefined ? '' : ` (${detail})`} is not mapped yet: this Borgdesk has no such setting.`;
    });
}

function commandOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const command = (v as { command?: unknown }).command;
  return typeof command === 'string' ? command : undefined;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'Name',
  targets: 'Repositories',
  sourcePaths: 'Folders',
  excludes: 'Exclude patterns',
  patterns: 'Patterns',
  presets: 'Exclusion presets',
  excludeIfPresent: 'Skip folders holding',
  compression: 'Compression',
  archiveNameTemplate: 'Archive names',
  beforeCommand: 'Command before',
  afterCommand: 'Command after',
  afterFailureCommand: 'Command after a failure',
  alwaysCommand: 'Command at the end',
  retention: 'Retention',
};

/** Why the plan cannot be imported, field by field in the editor's words. */
export function plainDraftProblem(error: z.ZodError): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const item = typeof issue.path[1] === 'number' ? ` ${issue.path[1] + 1}` : '';
    // zod's own wording ("Invalid input: expected string…") is not for users; the plan schema's is.
    const message = /^(Invalid|Too |Expected|Unrecognized)/.test(issue.message)
      ? 'this value cannot be used.'
      : issue.message;
    const line = `${FIELD_NAMES[field] ?? 'Plan'}${item}: ${message}`;
    if (!seen.has(line)) parts.push(line);
    seen.add(line);
  }
  return `It cannot be imported as it is. ${parts.join(' ')} Fix this in the file, or create the plan by hand.`;
}
