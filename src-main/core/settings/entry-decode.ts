/**
 * Entry-by-entry reading of a config file: every entry of a list or record is validated on its own,
 * so one bad plan (a name one character too long, a value from a newer release) is set aside alone
 * and every other entry is kept. Unknown keys never make an entry invalid; callers may keep them
 * (see extraKeys) so a file touched by a newer Borgdesk of the same file version keeps its fields.
 */
import type { z } from 'zod';

/** An entry that failed validation, kept verbatim with the reason. */
export interface SetAsideEntry {
  /** Where it was in the file: `plans[2]`, `state["a|b"]`, `staleAfterDays`. */
  readonly at: string;
  /** A name a person recognises (a plan's or repository's name), when the entry has one. */
  readonly label?: string;
  readonly reason: string;
  readonly entry: unknown;
}

/** The valid entries of a list, each with the unknown keys it carried. */
export interface DecodedList<T> {
  readonly items: T[];
  /** Parallel to `items`: keys the schema does not know (empty object when none). */
  readonly extras: Record<string, unknown>[];
  readonly setAside: SetAsideEntry[];
}

/** How to read one list. */
export interface ListOptions<T> {
  /** The list's key in the file (`plans`). */
  readonly at: string;
  /** A recognisable name for an entry, valid or not. */
  readonly label?: (raw: unknown) => string | undefined;
  /** Entries with an id already seen are set aside as duplicates. */
  readonly idOf?: (item: T) => string;
}

/** Validate each item of `raw` (a missing list is empty; a non-list is set aside whole). */
export function decodeList<T>(raw: unknown, schema: z.ZodType<T>, options: ListOptions<T>): DecodedList<T> {
  const result: DecodedList<T> = { items: [], extras: [], setAside: [] };
  if (raw === undefined) return result;
  if (!Array.isArray(raw)) {
    result.setAside.push({ at: options.at, reason: 'not a list', entry: raw });
    return result;
  }
  const seen = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const at = `${options.at}[${index}]`;
    const label = options.label?.(item);
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      result.setAside.push({ at, ...labelled(label), reason: zodReason(parsed.error), entry: item });
      return;
    }
    const id = options.idOf?.(parsed.data);
    if (id !== undefined && seen.has(id)) {
      result.setAside.push({ at, ...labelled(label), reason: `a second entry with id ${id}`, entry: item });
      return;
    }
    if (id !== undefined) seen.add(id);
    result.items.push(parsed.data);
    result.extras.push(extraKeys(item, parsed.data));
  });
  return result;
}

/** Validate each value of a record (a missing record is empty; a non-object is set aside whole). */
export function decodeRecord<T>(
  raw: unknown,
  schema: z.ZodType<T>,
  at: string,
): { readonly value: Record<string, T>; readonly setAside: SetAsideEntry[] } {
  const value: Record<string, T> = {};
  const setAside: SetAsideEntry[] = [];
  if (raw === undefined) return { value, setAside };
  if (!isPlainObject(raw)) return { value, setAside: [{ at, reason: 'not an object', entry: raw }] };
  for (const [key, item] of Object.entries(raw)) {
    const parsed = schema.safeParse(item);
    if (parsed.success) value[key] = parsed.data;
    else setAside.push({ at: `${at}[${JSON.stringify(key)}]`, reason: zodReason(parsed.error), entry: item });
  }
  return { value, setAside };
}

/**
 * The keys of `raw` that `parsed` lacks: what zod stripped as unknown. `version` and `omit` are
 * never extras (the file's version is the file's own; the caller writes the known keys itself).
 */
export function extraKeys(
  raw: unknown,
  parsed: unknown,
  omit: readonly string[] = [],
): Record<string, unknown> {
  if (!isPlainObject(raw)) return {};
  const known = isPlainObject(parsed) ? parsed : {};
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'version' || omit.includes(key) || key in known) continue;
    extras[key] = value;
  }
  return extras;
}

/** `raw[key]` when it is a non-empty string (cut to 100 characters), for an entry's label. */
export function stringField(raw: unknown, key: string): string | undefined {
  if (!isPlainObject(raw)) return undefined;
  const value = raw[key];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.length > 100 ? `${value.slice(0, 99)}…` : value;
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line naming each failed field, for the set-aside file (never shown raw in the UI). */
export function zodReason(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ');
}

function labelled(label: string | undefined): { label?: string } {
  return label === undefined || label === '' ? {} : { label };
}
