// Prometheus metrics at /metrics: per-operation latency histograms and error counts (the Envelop/Yoga
// Prometheus plugin), HTTP duration, the database pool, and Node's own process metrics.
import type { Database } from '@binaan/db';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { ReadRouting } from '../plugins/read-replica.js';
import { schema } from '../schema/index.js';

export interface Metrics {
  registry: Registry;
  plugin: ReturnType<typeof usePrometheus>;
  /** A query read from this server (plugins/read-replica.ts). */
  countRead(server: 'primary' | 'replica'): void;
  /** Exposes the read replica's state, when there is one. */
  watchReadRouting(routing: ReadRouting | null): void;
}

/** Does any field, argument, input field or enum value of the schema carry @deprecated? */
export function hasDeprecatedFields(graphqlSchema: GraphQLSchema): boolean {
  return Object.values(graphqlSchema.getTypeMap()).some((type) => {
    if (type.name.startsWith('__')) return false;
    if (isEnumType(type)) return type.getValues().some((value) => value.deprecationReason != null);
    if (isObjectType(type) || isInterfaceType(type)) {
      return Object.values(type.getFields()).some(
        (field) => field.deprecationReason != null || field.args.some((arg) => arg.deprecationReason != null),
      );
    }
    if (isInputObjectType(type))
      return Object.values(type.getFields()).some((field) => field.deprecationReason != null);
    return false;
  });
}

export function createMetrics(db: Database): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'binaan_' });
  const pool = (name: string, help: string, read: () => number) =>
    new Gauge({
      name: `binaan_db_pool_${name}`,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  pool('max', 'Most database connections the pool may open.', () => db.poolStats().max);
  pool('connections', 'Database connections open now.', () => db.poolStats().total);
  pool('idle', 'Open database connections not in use.', () => db.poolStats().idle);
  pool('waiting', 'Queries waiting for a free database connection.', () => db.poolStats().waiting);

  const plugin = usePrometheus({
    registry,
    // Served by our HTTP handler (http.ts), next to the health endpoints, not through GraphQL.
    endpoint: false,
    metrics: {
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_context: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: true,
      graphql_envelop_request: true,
      // Walks every document against the schema: worth it only while a field is deprecated.
      graphql_envelop_deprecated_field: hasDeprecatedFields(schema),
      graphql_yoga_http_duration: true,
    },
    // Operation name and type label every GraphQL metric; the URL would only add the query string.
    labels: { url: false },
  });
  const reads = new Counter({
    name: 'binaan_query_reads_total',
    help: 'GraphQL queries executed, by the database server they read from (primary or replica).',
    labelNames: ['server'],
    registers: [registry],
  });
  const watchReadRouting = (routing: ReadRouting | null) => {
    if (!routing) return;
    new Gauge({
      name: 'binaan_replica_usable',
      help: '1 while the read replica answers and has replayed what it received; 0 while queries read from the primary.',
      registers: [registry],
      collect() {
        this.set(routing.state().healthy ? 1 : 0);
      },
    });
    new Gauge({
      name: 'binaan_replica_lag_seconds',
      help: 'How far the read replica data is behind the primary, in seconds (0 when it has replayed all it received).',
      registers: [registry],
      collect() {
        this.set(routing.state().lagSeconds);
      },
    });
  };
  return { registry, plugin, countRead: (server) => reads.inc({ server }), watchReadRouting };
}
