/**
 * Borg's `--log-json` stderr lines, one JSON object per line, keyed by `type`
 * (borg docs, "JSON output / frontends": archive_progress, progress_percent, progress_message,
 * file_status, log_message, question_*). Every field but `type` may be absent or null; unknown keys
 * are ignored. Anything that is not a well-formed event becomes `{ type: 'raw', line }`.
 */
import { z } from 'zod';
import type { StepWords } from '../model/job.js';

/** Log levels borg writes in `levelname`. */
export type BorgLogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** What a `question_*` line says about a prompt (`question_prompt` → `prompt`, ...). */
export type BorgQuestionKind =
  | 'prompt'
  | 'prompt_retry'
  | 'invalid_answer'
  | 'accepted_default'
  | 'accepted_true'
  | 'accepted_false'
  | 'env_answer';

/** One parsed stderr line of `borg --log-json`. */
export type BorgLogEvent =
  | {
      type: 'archive_progress';
      originalSize?: number;
      compressedSize?: number;
      deduplicatedSize?: number;
      nfiles?: number;
      path?: string;
      time?: number;
      finished?: boolean;
    }
  | {
      type: 'progress_percent';
      operation?: number;
      msgid?: string;
      finished: boolean;
      message?: string;
      /** Set only by Borgdesk's own steps (never parsed from borg): the message as a code. */
      words?: StepWords;
      current?: number;
      total?: number;
      info?: readonly string[];
      time?: number;
    }
  | {
      type: 'progress_message';
      operation?: number;
      msgid?: string;
      finished: boolean;
      message?: string;
      /** Set only by Borgdesk's own steps (never parsed from borg): the message as a code. */
      words?: StepWords;
      time?: number;
    }
  | { type: 'file_status'; status: string; path: string }
  | {
      type: 'log_message';
      level: BorgLogLevel;
      name?: string;
      message: string;
      msgid?: string;
      time?: number;
    }
  | { type: 'question'; kind: BorgQuestionKind; msgid?: string; message: string }
  | { type: 'raw'; line: string };

// null and absent mean the same thing in borg's output; a value of the wrong type rejects the line.
const num = z
  .number()
  .nullish()
  .transform((v) => v ?? undefined);
const str = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);
const bool = z
  .boolean()
  .nullish()
  .transform((v) => v ?? undefined);

const archiveProgress = z.looseObject({
  original_size: num,
  compressed_size: num,
  deduplicated_size: num,
  nfiles: num,
  path: str,
  time: num,
  finished: bool,
});
const progressMessage = z.looseObject({
  operation: num,
  msgid: str,
  finished: bool,
  message: str,
  time: num,
});
const progressPercent = progressMessage.extend({
  current: num,
  total: num,
  // "Contents depend on msgid" (borg docs): names today, so numbers are kept as text rather than lost.
  info: z
    .array(z.union([z.string(), z.number()]))
    .nullish()
    .transform((v) => v?.map(String)),
});
const fileStatus = z.looseObject({ status: z.string(), path: z.string() });
const logMessage = z.looseObject({
  levelname: z.enum(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']),
  name: str,
  message: z.string(),
  msgid: str,
  time: num,
  // The docs' example uses `created`; borg 1.2.4 writes `time`.
  created: num,
});
const question = z.looseObject({ msgid: str, message: z.string() });

const QUESTION_KINDS: ReadonlySet<string> = new Set<BorgQuestionKind>([
  'prompt',
  'prompt_retry',
  'invalid_answer',
  'accepted_default',
  'accepted_true',
  'accepted_false',
  'env_answer',
]);

/** Turns one stderr line into an event; never throws. */
export function parseLogLine(line: string): BorgLogEvent {
  const event = parseObject(line);
  if (event) return event;
  // Borg's getpass prompt is written without a newline, so the next JSON object shares its line:
  // "Enter passphrase for key /repo: {"type": "log_message", ...}".
  const start = line.indexOf('{"');
  if (start > 0) return parseObject(line.slice(start)) ?? { type: 'raw', line };
  return { type: 'raw', line };
}

function parseObject(text: string): BorgLogEvent | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? toEvent(type, value) : undefined;
}

function toEvent(type: string, value: unknown): BorgLogEvent | undefined {
  switch (type) {
    case 'archive_progress': {
      const r = archiveProgress.safeParse(value);
      if (!r.success) return undefined;
      const d = r.data;
      return compact({
        type,
        originalSize: d.original_size,
        compressedSize: d.compressed_size,
        deduplicatedSize: d.deduplicated_size,
        nfiles: d.nfiles,
        path: d.path,
        time: d.time,
        finished: d.finished,
      });
    }
    case 'progress_percent': {
      const r = progressPercent.safeParse(value);
      if (!r.success) return undefined;
      const d = r.data;
      const base = {
        operation: d.operation,
        msgid: d.msgid,
        finished: d.finished ?? false,
        message: d.message,
      };
      return compact({ type, ...base, current: d.current, total: d.total, info: d.info, time: d.time });
    }
    case 'progress_message': {
      const r = progressMessage.safeParse(value);
      if (!r.success) return undefined;
      const d = r.data;
      const finished = d.finished ?? false;
      return compact({
        type,
        operation: d.operation,
        msgid: d.msgid,
        finished,
        message: d.message,
        time: d.time,
      });
    }
    case 'file_status': {
      const r = fileStatus.safeParse(value);
      return r.success ? { type, status: r.data.status, path: r.data.path } : undefined;
    }
    case 'log_message': {
      const r = logMessage.safeParse(value);
      if (!r.success) return undefined;
      const d = r.data;
      const time = d.time ?? d.created;
      return compact({ type, level: d.levelname, name: d.name, message: d.message, msgid: d.msgid, time });
    }
    default:
      return type.startsWith('question_') ? toQuestion(type.slice('question_'.length), value) : undefined;
  }
}

function toQuestion(kind: string, value: unknown): BorgLogEvent | undefined {
  if (!isQuestionKind(kind)) return undefined;
  const r = question.safeParse(value);
  return r.success
    ? compact({ type: 'question' as const, kind, msgid: r.data.msgid, message: r.data.message })
    : undefined;
}

function isQuestionKind(kind: string): kind is BorgQuestionKind {
  return QUESTION_KINDS.has(kind);
}

// Drops keys whose value is undefined, so events compare and serialize cleanly.
function compact<T extends object>(event: T): T {
  for (const key of Object.keys(event) as (keyof T)[]) {
    if (event[key] === undefined) delete event[key];
  }
  return event;
}
