// OpenTelemetry tracing, off unless switched on by the standard OTel environment variables: set
// OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) to export spans over OTLP/HTTP;
// OTEL_SERVICE_NAME names the service (default binaan-api). Each GraphQL operation becomes a span with
// its name and type; variables, documents and results are never recorded (they can hold personal data).
import { useOpenTelemetry } from '@envelop/opentelemetry';
import type { TracerProvider } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { readTracingEnv } from '../env.js';

export interface Tracing {
  provider: NodeTracerProvider;
  shutdown(): Promise<void>;
}

export const tracingRequested = (): boolean => readTracingEnv().requested;

/** A tracer provider sending spans to `processor` (tests pass an in-memory one), or to OTLP by environment. */
export function startTracing(processor: SpanProcessor = new BatchSpanProcessor(new OTLPTraceExporter())): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: readTracingEnv().serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  return { provider, shutdown: () => provider.shutdown() };
}

export const useTracing = (provider: TracerProvider) =>
  useOpenTelemetry({ resolvers: false, variables: false, result: false, document: false }, provider);
