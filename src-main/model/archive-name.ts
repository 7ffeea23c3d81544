/**
 * Archive names of a plan, and the prefix that lets `borg prune --glob-archives` touch only that
 * plan's archives.
 *
 * Every archive of a plan is named `<prefix>-<template>`, e.g. `documents-{hostname}-{now}`. The
 * prefix is a slug of the plan's name taken when the plan is created and kept when it is renamed
 * (renaming must not orphan old archives from pruning). Slugs use only `a-z`, `0-9` and `_` — never
 * `-` — so the glob `<prefix>-*` is prefix-free: `docs-*` cannot match `docs_old-…`, because a slug
 * cannot contain the `-` that would have to follow `docs`. Any other archive in the repository whose
 * name happens to start with `<prefix>-` is treated as the plan's (shown in the prune preview).
 * Placeholders: `borg help placeholders` (borg 1.2).
 */
import { z } from 'zod';
import {
  ARCHIVE_PLACEHOLDERS,
  archiveNameProblem,
  checkArchiveName,
  parseArchiveName,
} from './archive-name-syntax.js';
import { inputProblemEnglish, type InputProblem } from './input-problems.js';

export { ARCHIVE_PLACEHOLDERS } from './archive-name-syntax.js';

/** The template a new plan gets. */
export const DEFAULT_ARCHIVE_NAME_TEMPLATE = '{hostname}-{now}';

const KNOWN = new Set<string>(ARCHIVE_PLACEHOLDERS);
const TIMED = new Set(['now', 'utcnow']);
const UNIQUE = new Set(['now', 'utcnow', 'uuid4']);

const MAX_PREFIX_LENGTH = 40;

/** A plan's archive prefix: a slug of `a-z`, `0-9` and `_` (see the module comment for why no `-`). */
export const archivePrefixSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'Use lowercase letters, digits and single underscores.')
  .max(MAX_PREFIX_LENGTH);

/**
 * Why `template` is not a usable archive name template, or undefined when it is. The name borg gets
 * is `<prefix>-<template>`; without the plan's prefix (a new plan) the longest one is assumed.
 */
export function checkArchiveNameTemplate(template: string, prefix?: string): string | undefined {
  if (template.trim() === '') return 'Give archives a name, for example {hostname}-{now}.';
  const parsed = parseArchiveName(template);
  if ('problem' in parsed) return inputProblemEnglish(parsed.problem);
  for (const part of parsed.parts) {
    if ('placeholder' in part) {
      const inner = part.format === undefined ? part.placeholder : `${part.placeholder}:${part.format}`;
      const problem = checkPlaceholder(inner);
      if (problem !== undefined) return problem;
    }
  }
  if (!parsed.parts.some((p) => 'placeholder' in p && UNIQUE.has(p.placeholder))) {
    return 'Add {now} (or {utcnow}) so every backup gets a name of its own.';
  }
  const fullName = `${prefix ?? 'p'.repeat(MAX_PREFIX_LENGTH)}-${template}`;
  const problem = checkArchiveName(fullName);
  if (problem === undefined || !/at most \d+ characters/.test(problem)) return problem;
  return `${problem.replace('this one', "this plan's archive names")} The plan's name prefix counts too.`;
}

function checkPlaceholder(inner: string): string | undefined {
  const colon = inner.indexOf(':');
  const name = colon < 0 ? inner : inner.slice(0, colon);
  const format = colon < 0 ? undefined : inner.slice(colon + 1);
  if (name.includes('!')) return `Conversions such as "{${inner}}" are not supported by borg.`;
  if (!KNOWN.has(name)) {
    return `Unknown placeholder "{${inner}}". Borg knows ${ARCHIVE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`;
  }
  if (format === undefined) return undefined;
  if (!TIMED.has(name)) return `Only {now} and {utcnow} take a format, e.g. {now:%Y-%m-%d}.`;
  if (format.includes('{')) return 'A placeholder cannot contain another one.';
  // These strftime codes (and a literal slash) put "/" into the name, which borg refuses.
  if (format.includes('/') || /%[Dxc]/.test(format)) {
    return `The format "${format}" would put "/" into the archive name; use - or _ instead.`;
  }
  return undefined;
}

/** A slug for a plan name: "Photos & Music (2024)" → "photos_music_2024"; never empty. */
export function slugifyPlanName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32)
    .replace(/_+$/, '');
  return slug === '' ? 'plan' : slug;
}

/** A slug for `name` that none of `taken` uses: "docs", then "docs_2", "docs_3", … */
export function uniqueArchivePrefix(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugifyPlanName(name);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The part every archive name of the plan starts with, e.g. "documents-". */
export function archivePrefix(plan: { readonly archivePrefix: string }): string {
  return `${plan.archivePrefix}-`;
}

/** The `--glob-archives` value that limits prune (and lists) to the plan's archives. */
export function archiveGlob(plan: { readonly archivePrefix: string }): string {
  return `${archivePrefix(plan)}*`;
}

/** The archive name passed to `borg create` (borg expands the placeholders). */
export function archiveNameFor(plan: {
  readonly archivePrefix: string;
  readonly archiveNameTemplate: string;
}): string {
  return `${archivePrefix(plan)}${plan.archiveNameTemplate}`;
}

/**
 * Why `name` cannot be an existing archive's new name (`borg rename`), or undefined. Rename does not
 * expand placeholders, so a brace would stay in the name literally: refused, with borg's own rules
 * (no "/", no "::", no ".checkpoint" ending, the length limit) checked as for a backup's name.
 */
export function renamedArchiveNameProblem(name: string): InputProblem | undefined {
  if (/[{}]/.test(name)) return { code: 'renameHasBrace' };
  return archiveNameProblem(name);
}
