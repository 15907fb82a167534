import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { maskResidentId } from '@hub/vocabulary';
import pino from 'pino';
import { hubConfig } from './config.ts';

/** What the hub knows about the request being served, for every log line written while serving it. */
export interface RequestScope {
  requestId: string;
  /** The verified caller's role, once known (the gateway's access log names it). */
  role?: string;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The sandbox date while one is set (gateway/src/sandbox-clock.ts): every log line names it. */
let sandboxDate: () => string | null = () => null;
export function logSandboxDate(source: () => string | null) {
  sandboxDate = source;
}

/** Runs `fn` as the handling of one request: log lines and subgraph calls inside it carry its id. */
export const inRequestScope = <T>(scope: RequestScope, fn: () => T): T => scopes.run(scope, fn);
export const requestScope = (): RequestScope | undefined => scopes.getStore();

/** A resident ID's shape: 17 digits and a check character, not inside a longer digit run. */
const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?!\d)/;

export const REQUEST_ID_HEADER = 'x-request-id';
/**
 * A caller's own request id is kept when it is short and plain (it ends up in logs and headers),
 * and holds nothing shaped like a resident ID; else the hub makes one.
 */
const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) && !RESIDENT_ID.test(header)
    ? header
    : randomUUID();
}

/** HUB_LOG_LEVEL; a bad configuration is reported by the start's checks, not by importing the logger. */
function configuredLevel(): string {
  try {
    return hubConfig().logLevel;
  } catch {
    return 'info';
  }
}

/** Keys never written as they are, wherever a line has them at its top level. */
const TOP_LEVEL_REDACTED = ['authorization', 'token', 'variables', 'residentId', 'holderName', 'name'] as const;

/**
 * The hub's one logger: JSON lines on stdout, level from HUB_LOG_LEVEL (default
 * `info`). Inside a request every line carries its `reqId`. Nothing that could
 * name a person is logged on purpose; the redact paths are a second line of
 * defence should a caller ever pass a request, token or variables in.
 */
export const logger = pino(
  {
    level: configuredLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const scope = scopes.getStore();
      const sandbox = sandboxDate();
      if (sandbox) return scope ? { reqId: scope.requestId, sandboxDate: sandbox } : { sandboxDate: sandbox };
      return scope ? { reqId: scope.requestId } : {};
    },
    redact: {
      paths: [
        ...TOP_LEVEL_REDACTED,
        'headers.authorization',
        'headers["x-hub-caller"]',
        '*.authorization',
        '*.token',
        '*.variables',
        '*.residentId',
        '*.holderName',
        '*.headers.authorization',
        '*.headers["x-hub-caller"]',
      ],
      censor: '[redacted]',
    },
  },
  // process.stdout rather than pino's own fd writer, so one process (tests) can read its own log lines.
  process.stdout,
);

/**
 * The logger of the one line per request (access log): the same logger, but redacting top-level
 * keys only. Its lines carry a fixed set of scalar fields (method, operation, status, ms, role),
 * and pino runs every wildcard path (`*.token` …) over every key of every line: in an allocation
 * profile of the gateway under the 证书查询 benchmark that was 16% of everything it allocated
 * (an A/B showed no measurable change in CPU per request, only less garbage).
 */
export const accessLogger = (service: string) =>
  logger.child({ service }, { redact: { paths: [...TOP_LEVEL_REDACTED], censor: '[redacted]' } });

/** Anything shaped like a resident ID leaves masked (maskResidentId: first 3 and last 2 characters kept). */
const RESIDENT_ID_SHAPE = new RegExp(RESIDENT_ID.source, 'g');
export const scrubResidentIds = (s: string) => s.replace(RESIDENT_ID_SHAPE, (id) => maskResidentId(id));

/**
 * Server-side error log. Driver errors can carry SQL parameters (names,
 * resident IDs), so only the error's class, code and first message line are
 * written, never its parameters, and resident-ID shapes are masked.
 */
export function logError(service: string, err: unknown) {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  // Masked before it is cut, so no ID is left half-visible at the cut.
  const firstLine = (s: string | undefined) =>
    scrubResidentIds(s ?? '')
      .split('\n')[0]
      ?.replace(/params:.*$/i, '')
      .slice(0, 300) ?? '';
  logger.error(
    {
      service,
      error: {
        type: e?.name ?? 'Error',
        ...(e?.code ? { code: String(e.code) } : {}),
        message: firstLine(e?.message),
        ...(e?.cause ? { cause: `${e.cause.code ?? ''} ${firstLine(e.cause.message)}`.trim() } : {}),
      },
    },
    'unexpected error',
  );
}
