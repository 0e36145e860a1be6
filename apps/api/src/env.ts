// The one place @binaan/api reads the environment (the database's own settings live in @binaan/db;
// OpenTelemetry reads its standard OTEL_* variables itself). docs/operations.md lists them all.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IDENTITY_CACHE_MS } from './auth/identity-cache.js';

export interface ApiEnv {
  port: number;
  host: string;
  production: boolean;
  /** The built dashboard served at /; default apps/dashboard/dist. */
  dashboardDir: string;
  /** The built field app served at /lapor/; default apps/lapor/dist. */
  fieldAppDir: string;
  /**
   * The front ends' trusted documents: the dashboard's (BINAAN_TRUSTED_DOCUMENTS, default
   * trusted-documents.json in dashboardDir) and the field app's (in fieldAppDir).
   */
  trustedDocumentsPaths: string[];
  /** If set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** How long in-flight requests may take to finish after SIGTERM. */
  drainTimeoutMs: number;
  logLevel: string;
  logFormat: 'json' | 'pretty';
  /** Redis for the rate limit shared by several API processes; null: each process counts alone. */
  redisUrl: string | null;
  /** Requests per caller per minute. */
  rateLimit: number;
  /** Believe X-Forwarded-For (only behind a proxy or load balancer we run). */
  trustProxy: boolean;
  /** How long analytics answers are cached, in ms; 0: not at all. */
  responseCacheTtlMs: number;
  /** How long a looked-up session, token or device is kept in this process, in ms (auth/identity-cache.ts). */
  identityCacheMs: number;
  /** Other browser origins allowed to call the API with credentials (BINAAN_CORS_ORIGINS, comma-separated). */
  corsOrigins: string[];
  /** How often the early-warning signals are computed, in ms; 0: only on demand. */
  signalsIntervalMs: number;
}

const defaultDashboardDir = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));
const defaultFieldAppDir = fileURLToPath(new URL('../../lapor/dist', import.meta.url));

function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return number;
}

/** Exact origins (`https://host[:port]`), comma-separated; anything else is a configuration error. */
function originsOf(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s*]+$/.test(origin))
      throw new Error(`BINAAN_CORS_ORIGINS holds exact origins such as https://example.go.id (got "${origin}")`);
  }
  return origins;
}

function logFormatOf(env: NodeJS.ProcessEnv): 'json' | 'pretty' {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  if (env.LOG_FORMAT) throw new Error(`LOG_FORMAT must be json or pretty (got "${env.LOG_FORMAT}")`);
  return process.stdout.isTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json';
}

/** NODE_ENV=production: for module-level settings made before readApiEnv runs (the schema builder). */
export const runningInProduction = (env: NodeJS.ProcessEnv = process.env): boolean => env.NODE_ENV === 'production';

/** OpenTelemetry's standard variables: tracing is on when an OTLP endpoint is set and the SDK not disabled. */
export function readTracingEnv(env: NodeJS.ProcessEnv = process.env): { requested: boolean; serviceName: string } {
  return {
    requested:
      env.OTEL_SDK_DISABLED !== 'true' &&
      Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
    serviceName: env.OTEL_SERVICE_NAME ?? 'binaan-api',
  };
}

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const dashboardDir = env.BINAAN_DASHBOARD_DIR ?? defaultDashboardDir;
  const fieldAppDir = env.BINAAN_FIELD_APP_DIR ?? defaultFieldAppDir;
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    throw new Error(`LOG_LEVEL must be a pino level (got "${logLevel}")`);
  return {
    port: wholeNumber('PORT', env.PORT, 4000, 0, 65_535), // 0: any free port
    host: env.HOST ?? '127.0.0.1',
    production: env.NODE_ENV === 'production',
    dashboardDir,
    fieldAppDir,
    trustedDocumentsPaths: [
      env.BINAAN_TRUSTED_DOCUMENTS ?? join(dashboardDir, 'trusted-documents.json'),
      join(fieldAppDir, 'trusted-documents.json'),
    ],
    metricsToken: env.BINAAN_METRICS_TOKEN || null,
    drainTimeoutMs: wholeNumber('BINAAN_DRAIN_TIMEOUT_MS', env.BINAAN_DRAIN_TIMEOUT_MS, 10_000, 1),
    logLevel,
    logFormat: logFormatOf(env),
    redisUrl: env.REDIS_URL || null,
    rateLimit: wholeNumber('BINAAN_RATE_LIMIT', env.BINAAN_RATE_LIMIT, 600, 1),
    trustProxy: env.BINAAN_TRUST_PROXY === 'true',
    responseCacheTtlMs: wholeNumber('BINAAN_RESPONSE_CACHE_TTL_MS', env.BINAAN_RESPONSE_CACHE_TTL_MS, 60_000, 0),
    identityCacheMs: wholeNumber(
      'BINAAN_IDENTITY_CACHE_MS',
      env.BINAAN_IDENTITY_CACHE_MS,
      DEFAULT_IDENTITY_CACHE_MS,
      0,
      60_000,
    ),
    corsOrigins: originsOf(env.BINAAN_CORS_ORIGINS),
    signalsIntervalMs: wholeNumber('BINAAN_SIGNALS_INTERVAL_MS', env.BINAAN_SIGNALS_INTERVAL_MS, 3_600_000, 0),
  };
}
