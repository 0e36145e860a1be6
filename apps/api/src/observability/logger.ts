// Structured JSON logs (pino): one line per GraphQL request with its request id, operation, duration,
// status and who called, by id only. Never personal data: no variables, no documents, no emails or
// names (a test reads the lines a request writes and checks).
import { randomUUID } from 'node:crypto';
import type { DefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { Context } from '../context.js';

export type { Logger };

export type LogFormat = 'json' | 'pretty';

/** JSON for machines; on a developer's terminal, pino-pretty's readable lines (LOG_FORMAT overrides). */
export function createLogger(
  options: { level?: string; format?: LogFormat; destination?: DestinationStream } = {},
): Logger {
  const settings = { level: options.level ?? 'info', base: { service: 'binaan-api' } };
  if (options.destination) return pino(settings, options.destination);
  if (options.format === 'pretty') {
    return pino({
      ...settings,
      transport: {
        target: 'pino-pretty',
        options: { ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss', singleLine: true },
      },
    });
  }
  return pino(settings);
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** The caller's request id (from a proxy or client) when it looks like one, else a new one. */
export const requestIdOf = (request: Request) => {
  const given = request.headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
};

interface RequestLog {
  requestId: string;
  startedAt: number;
  operationName?: string;
  operationType?: string;
  caller?: Record<string, string | number>;
  errorCodes: string[];
}

function callerFields(context: Partial<Context>): Record<string, string | number> {
  const caller = context.caller;
  if (!caller) return { callerKind: 'anonymous' };
  if (caller.kind === 'user') return { callerKind: 'user', userId: caller.userId, role: caller.role };
  if (caller.kind === 'token') return { callerKind: 'token', tokenId: caller.tokenId };
  if (caller.kind === 'device') return { callerKind: 'device', deviceId: caller.deviceId };
  return { callerKind: 'anonymous' };
}

/** Codes that mean the service failed, not the caller: logged as errors. Every other code is a refusal. */
const FAULT_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DATABASE_UNAVAILABLE']);

/**
 * A request's log level: a fault of ours (5xx, or a masked unexpected error inside a 200) is an error for
 * whoever is on call; a caller's mistake (bad input, refused by a limit, not signed in, forbidden) is a
 * warning, so a flood of bad requests never pages anyone; everything else is info.
 */
export function requestSeverity(status: number, errorCodes: readonly string[]): 'fault' | 'refused' | 'served' {
  if (status >= 500 || errorCodes.some((code) => FAULT_CODES.has(code))) return 'fault';
  if (status >= 400 || errorCodes.length > 0) return 'refused';
  return 'served';
}

/**
 * Logs every request that reaches Yoga and echoes its id in `x-request-id`. `onServed` hears of every
 * operation that ran without error (the database outage log uses it to see the end of an outage).
 */
export function useRequestLogging(logger: Logger, onServed?: () => void): Plugin {
  const requests = new WeakMap<Request, RequestLog>();
  return {
    onRequest({ request }) {
      requests.set(request, { requestId: requestIdOf(request), startedAt: performance.now(), errorCodes: [] });
    },
    onExecute({ args }) {
      const context = args.contextValue as Partial<Context> & { request?: Request };
      const log = context.request && requests.get(context.request);
      if (!log) return;
      const operation = args.document.definitions.find(
        (definition: DefinitionNode) =>
          definition.kind === 'OperationDefinition' &&
          (!args.operationName || definition.name?.value === args.operationName),
      );
      log.operationName =
        args.operationName ??
        (operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined) ??
        'anonymous';
      log.operationType = operation?.kind === 'OperationDefinition' ? operation.operation : undefined;
      log.caller = callerFields(context);
      return {
        onExecuteDone({ result }) {
          if ('errors' in result && result.errors) {
            log.errorCodes = result.errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          }
          // Typed errors in a payload (errors as data) are refusals too: they name the error type.
          log.errorCodes.push(...(context.refusals ?? []));
        },
      };
    },
    onResultProcess({ request, result }) {
      // Errors before execution (parse, validation, limits, trusted documents) end up here.
      const log = requests.get(request);
      const errors = !Array.isArray(result) && result && 'errors' in result ? result.errors : undefined;
      if (log && errors?.length && log.errorCodes.length === 0) {
        log.errorCodes = errors.map((error) =>
          String((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'BAD_REQUEST'),
        );
      }
    },
    onResponse({ request, response }) {
      const log = requests.get(request);
      if (!log) return;
      response.headers.set('x-request-id', log.requestId);
      const fields = {
        requestId: log.requestId,
        method: request.method,
        status: response.status,
        durationMs: Math.round((performance.now() - log.startedAt) * 10) / 10,
        client: request.headers.get('x-binaan-client') ?? undefined,
        operationName: log.operationName,
        operationType: log.operationType,
        ...log.caller,
        ...(log.errorCodes.length ? { errorCodes: [...new Set(log.errorCodes)] } : {}),
      };
      const severity = requestSeverity(response.status, log.errorCodes);
      if (severity === 'fault') logger.error(fields, 'graphql request failed');
      else if (severity === 'refused') logger.warn(fields, 'graphql request refused');
      else logger.info(fields, 'graphql request');
      if (severity === 'served' && log.operationType) onServed?.();
    },
  };
}
