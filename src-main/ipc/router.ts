/**
 * The transport-neutral request router: both hosts hand it raw envelopes from the wire and send back
 * whatever it returns. It never throws; every failure becomes `{ ok: false, error }` in the one
 * serialized shape, so a bad message cannot crash a host or leak a stack trace.
 */
import type { z } from 'zod';
import { serializeError } from '../core/serialize-error.js';
import type { SerializedError } from '../model/errors.js';
import {
  isRequestName,
  isTestRequestName,
  requests,
  testRequests,
  type AnyRequestName,
  type ReplyEnvelope,
  type RequestHandlers,
  type TestRequestHandlers,
} from './contract.js';

/** Reply id used when the envelope was so broken that it carried no usable id. */
export const INVALID_ENVELOPE_ID = -1;

/** Options for {@link createRouter}. */
export interface RouterOptions {
  /** Check every result against the contract (dev and tests): a core bug then surfaces as `InvalidResult`. */
  readonly validateResults?: boolean;
}

/** Routes one raw envelope to the core and always resolves with a reply envelope. */
export interface Router {
  handle(envelope: unknown): Promise<ReplyEnvelope>;
}

type AnyHandler = (params: unknown) => Promise<unknown>;
type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

const failure = (id: number, error: SerializedError): ReplyEnvelope => ({ id, ok: false, error });

/** Turns zod issues into one line a person can read, naming each offending field. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'params';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the router needs of the core: its handlers, and whether the test-mode requests exist. */
export interface RoutedCore {
  readonly handlers: RequestHandlers & Partial<TestRequestHandlers>;
  /** Core['testMode']: when absent or false, test-mode request names are unknown methods. */
  readonly testMode?: boolean;
}

/**
 * Create a router over `core.handlers`; params are validated with the contract before a handler runs.
 * The test-mode requests (contract/test.ts) are routed and validated only when `core.testMode` is on;
 * otherwise they are unknown methods like any other name outside the contract.
 */
export function createRouter(core: RoutedCore, options: RouterOptions = {}): Router {
  const handlers = core.handlers as unknown as Readonly<Record<AnyRequestName, AnyHandler>>;
  const testMode = core.testMode === true;
  const specs: Readonly<Record<string, { params: z.ZodType; result: z.ZodType }>> = testMode
    ? { ...requests, ...testRequests }
    : requests;
  const isRouted = (name: string): name is AnyRequestName =>
    isRequestName(name) || (testMode && isTestRequestName(name));

  async function dispatch(id: number, name: AnyRequestName, rawParams: unknown): Promise<ReplyEnvelope> {
    const spec = specs[name] as { params: z.ZodType; result: z.ZodType };
    // A missing params field means "no parameters", which the empty-object schemas accept.
    const parsed = spec.params.safeParse(rawParams === undefined ? {} : rawParams);
    if (!parsed.success) {
      return failure(id, {
        code: 'InvalidParams',
        message: `Invalid parameters for ${name}: ${describeIssues(parsed.error.issues)}`,
      });
    }
    let result: unknown;
    try {
      result = await handlers[name](parsed.data);
    } catch (e) {
      return failure(id, serializeError(e));
    }
    if (options.validateResults === true) {
      const checked = spec.result.safeParse(result);
      if (!checked.success) {
        return failure(id, {
          code: 'InvalidResult',
          message: `The core answered ${name} with a result outside the contract: ${describeIssues(checked.error.issues)}`,
        });
      }
    }
    return { id, ok: true, result };
  }

  return {
    async handle(envelope) {
      if (
        !isRecord(envelope) ||
        typeof envelope['id'] !== 'number' ||
        !Number.isSafeInteger(envelope['id'])
      ) {
        return failure(INVALID_ENVELOPE_ID, {
          code: 'InvalidEnvelope',
          message: 'A request must be an object {id, method, params} with an integer id.',
        });
      }
      const id = envelope['id'];
      const method = envelope['method'];
      if (typeof method !== 'string') {
        return failure(id, {
          code: 'InvalidEnvelope',
          message: 'A request must name its method as a string.',
        });
      }
      if (!isRouted(method)) {
        return failure(id, { code: 'UnknownMethod', message: `Unknown method "${method.slice(0, 100)}".` });
      }
      return dispatch(id, method, envelope['params']);
    },
  };
}
