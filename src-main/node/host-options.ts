/**
 * Command-line flags and environment of the browser host. Flags win over the environment:
 * `--host`/`BORGDESK_HOST`, `--port`/`BORGDESK_PORT` (0 picks a free port), `--print-json`, and `BORGDESK_URL_FILE`.
 */

/** Port used when none is given; a busy default falls back to a free port. */
export const DEFAULT_PORT = 7391;

/** How the browser host should start. */
export interface HostOptions {
  readonly host: string;
  readonly port: number;
  /** True when the person chose the port, so a busy port is an error rather than a fallback. */
  readonly portExplicit: boolean;
  /** Print one JSON line `{url, port, token}` instead of the human sentence (for tests and scripts). */
  readonly printJson: boolean;
  /** File to write the URL into once listening (`BORGDESK_URL_FILE`), for tests that start the server. */
  readonly urlFile?: string;
}

/** A flag or variable with an unusable value; the message says which and why. */
export class HostOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostOptionsError';
  }
}

function parsePort(value: string, from: string): number {
  const port = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new HostOptionsError(
      `${from} must be a port number from 0 to 65535 (0 picks a free port), not "${value}".`,
    );
  }
  return port;
}

const usage = 'Usage: borgdesk-server [--host ADDRESS] [--port N] [--print-json]';

/** Parse `argv` (without node and script) and `env` into {@link HostOptions}. */
export function parseHostOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): HostOptions {
  let host = env['BORGDESK_HOST']?.trim() || '127.0.0.1';
  const envPort = env['BORGDESK_PORT']?.trim();
  let port = envPort ? parsePort(envPort, 'BORGDESK_PORT') : DEFAULT_PORT;
  let portExplicit = Boolean(envPort);
  let printJson = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new HostOptionsError(`${flag} needs a value. ${usage}`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--host':
        host = takeValue().trim();
        break;
      case '--port':
        port = parsePort(takeValue(), '--port');
        portExplicit = true;
        break;
      case '--print-json':
        printJson = true;
        break;
      default:
        throw new HostOptionsError(`Unknown option "${arg}". ${usage}`);
    }
  }
  if (host === '') throw new HostOptionsError(`--host needs an address. ${usage}`);
  const urlFile = env['BORGDESK_URL_FILE']?.trim();
  return { host, port, portExplicit, printJson, ...(urlFile ? { urlFile } : {}) };
}
