// What a query may cost, counted before anything runs: each field costs 1, and what is selected inside a
// list costs as many times as the list can be long. A connection's page is its `first`/`last` (or the
// default page size); a plain list's length is its true maximum, given where the field is defined with
// `listCost(…)`. Nested lists therefore cost what they can produce: `province { regencies { province {
// regencies … } } }` multiplies by 38 per level and is refused before any SQL.
import {
  MAX_DESIGNATION_STATUS_CHANGES,
  MAX_TASK_FORCE_MEMBERS,
  MOST_CHILDREN,
  programmeVariants,
} from '@binaan/domain';
import { type GraphQLField, getNamedType, getNullableType, GraphQLError, isListType } from 'graphql';

/** Connection pages: the default and the most one page may hold. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const queryLimits = {
  /** The most an operation may cost (see above). The dashboard's costliest page is far below it. */
  maxCost: 25_000,
  /** Nesting, fragments included. */
  maxDepth: 12,
  /** Objects (list items) one request may return, counted as they resolve. */
  maxObjects: 50_000,
  /** How long one request may run before the rest of it is refused. */
  deadlineMs: 15_000,
};

/** Plain lists whose length the data bounds; the cost of what is selected inside them multiplies by it. */
export const listLengths = {
  ...MOST_CHILDREN,
  /** Offices (Kanim) in a province, in a Kanwil's region, or working in one kabupaten/kota. */
  officesPerProvince: 20,
  /** Kabupaten/kota one office works in: at most a province's. */
  regenciesPerOffice: MOST_CHILDREN.regenciesPerProvince,
  /** Yearly targets: one per programme year. */
  targetsPerArea: 20,
  /** Members of one task force on record (the API refuses more). */
  membersPerTaskForce: MAX_TASK_FORCE_MEMBERS,
  /** Curriculum modules (the whole curriculum, or those one member completed or one session taught): 4 today. */
  modules: 10,
  /** Attendances of one session: each member of the task force, once per module. */
  attendancesPerSession: MAX_TASK_FORCE_MEMBERS * 10,
  /** Designations of one village: one per programme variant (a unique key in the database). */
  designationsPerVillage: programmeVariants.length,
  /** Training sessions held in one village. */
  trainingSessionsPerVillage: 100,
  /** Status changes of one report. */
  transitionsPerReport: 20,
  /** Status changes of one designation (the API refuses more). */
  statusChangesPerDesignation: MAX_DESIGNATION_STATUS_CHANGES,
  /** Uploads of a designation's decree listed (newest first); every one is kept in the database. */
  decreeVersionsListed: 10,
  /** Items of one typed error (invalid fields). */
  errorItems: 50,
  /** API tokens: issued by hand, by a few people; the national list is the longest. */
  apiTokens: 200,
};

/**
 * The rows of an analytics report: one statement over the rollups made them all before any row resolves,
 * and nothing inside a row reads the database, so selecting more of a row costs no more SQL. What they
 * add to the response is bounded by `maxObjects`.
 */
export const rowsOfOneStatement = { complexity: { field: 1, multiplier: 1 } };

/** The `complexity` option of a plain list field that holds at most `length` items. */
export const listCost = (length: number) => ({ complexity: { field: 1, multiplier: length } });

/**
 * The cost of fields that do not say their own: a connection multiplies by its page size; its `edges` and
 * `nodes` are that page (already counted); any other list must say its length with `listCost`.
 */
export function fieldCost<Context>(
  args: Record<string, unknown>,
  _ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
) {
  if ('first' in args || 'last' in args || field.args.some((arg) => arg.name === 'first')) {
    const asked = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
    return { field: 1, multiplier: Math.min(Math.max(asked, 0), MAX_PAGE_SIZE) };
  }
  const type = getNullableType(field.type);
  if (isListType(type) && (field.name === 'edges' || field.name === 'nodes')) return { field: 1, multiplier: 1 };
  return 1;
}

/** Whether a field is a list of objects that must state its length (a test walks the schema with it). */
export function isUncostedList<Context>(field: GraphQLField<unknown, Context>): boolean {
  const type = getNullableType(field.type);
  if (!isListType(type) || field.name === 'edges' || field.name === 'nodes') return false;
  const named = getNamedType(type);
  return 'getFields' in named && typeof field.extensions.complexity === 'function';
}

export function queryTooCostly(kind: string, result: { complexity: number; depth: number; breadth: number }) {
  const [measured, limit] =
    kind === 'Depth' ? [result.depth, queryLimits.maxDepth] : [result.complexity, queryLimits.maxCost];
  return new GraphQLError(
    kind === 'Depth'
      ? `Query nested ${measured} deep; the limit is ${limit}.`
      : `Query costs ${measured}; the limit is ${limit}. Ask for smaller pages or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', cost: result.complexity, depth: result.depth, limit } },
  );
}
