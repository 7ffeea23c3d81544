/**
 * Keeps secrets out of the log. Whatever a line carries — a message, an Error's stack, borg's output
 * quoted in it — passes through here first: every passphrase the core holds is replaced, and web
 * addresses are masked (monitoring URLs carry their token in the path or query, see mask-url.ts).
 */
import { maskUrl } from '../monitoring/mask-url.js';
import { formatDetail, type Logger, type LogLevel } from './logger.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s'"<>()]+/g;

// Shorter "secrets" would blank out ordinary words; borg refuses such passphrases from Borgdesk anyway.
const MIN_SECRET_LENGTH = 4;

/** `text` with each secret replaced by `[secret]` and each web address masked. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join('[secret]');
  }
  return out.replace(URL_PATTERN, (url) => maskUrl(url));
}

/** A logger that redacts every line before `inner` sees it; `secrets` is read at each line. */
export function createRedactingLogger(inner: Logger, secrets: () => Iterable<string>): Logger {
  const write = (level: LogLevel, message: string, detail?: unknown): void => {
    const known = [...secrets()];
    inner[level](
      redact(message, known),
      detail === undefined ? undefined : redact(formatDetail(detail), known),
    );
  };
  return {
    debug: (message, detail) => write('debug', message, detail),
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
