// Two ceilings no cost estimate can promise: the objects a request returns (list items, counted as their
// lists resolve) and how long it may run. Past either, the rest of the request is refused with a typed
// error; what already resolved is returned as usual. A schema plugin, so resolvers are wrapped once when
// the schema is built; each request brings its own budget in the context (createApp sets the limits).
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';

export interface ResultLimits {
  maxObjects: number;
  deadlineMs: number;
}

/** One request's budget of objects and time. */
export class ResultBudget {
  private objects = 0;
  private readonly deadline: number;

  constructor(private readonly limits: ResultLimits) {
    this.deadline = Date.now() + limits.deadlineMs;
  }

  /** Throws once the request is past its deadline. */
  checkTime(): void {
    if (Date.now() <= this.deadline) return;
    throw new GraphQLError(
      `The request ran over its ${this.limits.deadlineMs / 1000} s limit; ask for less at a time.`,
      {
        extensions: { code: 'DEADLINE_EXCEEDED', limitMs: this.limits.deadlineMs },
      },
    );
  }

  /** Counts a resolved list; throws once the request holds more objects than it may. */
  count(items: number): void {
    this.objects += items;
    if (this.objects <= this.limits.maxObjects) return;
    throw new GraphQLError(
      `The answer would hold more than ${this.limits.maxObjects} objects; ask for smaller pages.`,
      {
        extensions: { code: 'RESULT_TOO_LARGE', limit: this.limits.maxObjects },
      },
    );
  }
}

const pluginName = 'resultLimits';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      resultLimits: PothosResultLimitsPlugin<Types>;
    }
  }
}

export class PothosResultLimitsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    // Leaves (scalars, enums) neither return objects nor take time worth checking.
    const kind = fieldConfig.type.kind;
    if (kind !== 'List' && kind !== 'Object' && kind !== 'Interface' && kind !== 'Union') return resolver;
    return (parent, args, context, info) => {
      const budget = (context as { resultBudget?: ResultBudget }).resultBudget;
      if (!budget) return resolver(parent, args, context, info);
      budget.checkTime();
      const result = resolver(parent, args, context, info) as unknown;
      if (kind !== 'List') return result;
      if (result instanceof Promise) {
        return result.then((items: unknown) => {
          if (Array.isArray(items)) budget.count(items.length);
          return items;
        });
      }
      if (Array.isArray(result)) budget.count(result.length);
      return result;
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosResultLimitsPlugin);

export default pluginName;
