// The one recipe of the record lists (`activities`, `designations`, `reports`, …): a page and its total
// count read the same rows — those the filter picks among those the caller may see — in the order asked.
import type { Context } from '../context.js';

/** What a list needs of a Prisma model delegate (`ctx.db.prisma.activity`, …). */
interface ModelRows<Where, Order, Row> {
  count(args: { where: Where }): PromiseLike<number>;
  findMany(args: { where: Where; orderBy: Order; take: number; skip: number }): PromiseLike<Row[]>;
}

/** The connection arguments every record list takes besides paging. */
interface ListArgs<Filter, OrderArg> {
  filter?: Filter | null;
  orderBy?: OrderArg | null;
}

/**
 * `totalCount` and `resolve` of a `prismaConnection` over one model. `where` gets the filter and the
 * request (for the caller's area); `order` is the list's `orderInput(…).toPrisma`.
 */
export function recordList<Filter, OrderArg, Where, Order, Row>(spec: {
  rows: (ctx: Context) => ModelRows<Where, Order, Row>;
  where: (filter: Filter | null | undefined, ctx: Context) => Where | Promise<Where>;
  order: (orderBy: OrderArg | null | undefined) => Order;
  /** The same count from rollups where the filter allows (the same number, without reading every row); null: count the rows. */
  countFromRollups?: (filter: Filter | null | undefined, ctx: Context) => Promise<number | null>;
}) {
  return {
    totalCount: async (_root: unknown, args: ListArgs<Filter, OrderArg>, ctx: Context) =>
      (await spec.countFromRollups?.(args.filter, ctx)) ??
      spec.rows(ctx).count({ where: await spec.where(args.filter, ctx) }),
    resolve: async <Query extends { take: number; skip: number }>(
      query: Query,
      _root: unknown,
      args: ListArgs<Filter, OrderArg>,
      ctx: Context,
    ) =>
      spec
        .rows(ctx)
        .findMany({ ...query, where: await spec.where(args.filter, ctx), orderBy: spec.order(args.orderBy) }),
  };
}
