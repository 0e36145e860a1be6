// The workloads, as each server is asked them: the same figures from Binaan (GraphQL with an API token),
// PostGraphile (GraphQL over the tables and the bench functions) and the floor (plain paths).
import type { AnalyticsFilter } from '@binaan/api/analytics';

export const WORKLOADS = ['overview', 'coverage', 'reports', 'villages', 'submit', 'mix'] as const;
export type Workload = (typeof WORKLOADS)[number];
/** A dashboard page's own request (apps/dashboard/scripts/page-requests.ts), Binaan only: `page /ringkasan`. */
export type PageWorkload = `page ${string}`;

/** A request the dashboard sends for one of its pages, as its page-requests script prints it. */
export interface PageRequest {
  page: string;
  operationName: string;
  /** The trusted-document id the built dashboard sends instead of the text. */
  id: string;
  document: string;
  variables: Record<string, unknown>;
}
/** The workloads that only read (`submit` and `mix` write reports, removed again after the run). */
export const READ_WORKLOADS = ['overview', 'coverage', 'reports', 'villages'] as const satisfies readonly Workload[];
export type ReadWorkload = (typeof READ_WORKLOADS)[number];

export type ServerName = 'binaan' | 'binaan-cached' | 'postgraphile' | 'floor' | 'binaan-pglite';

/** Coverage by kabupaten/kota for one province: Nusa Tenggara Timur. */
export const COVERAGE_FILTER: AnalyticsFilter = { provinceCodes: ['53'] };
/** Reports per kabupaten/kota and month for one province and year. */
export const REPORTS_FILTER: AnalyticsFilter = { provinceCodes: ['53'], from: '2025-01-01', to: '2025-12-31' };

const RATIO = '{ numerator denominator rate }';
export const BINAAN_DOCUMENTS = {
  overview: `query Overview { overview { computedAt period { from to } previousPeriod { from to }
    designatedVillages { current previous change } coverage { current ${RATIO} previous ${RATIO} }
    targetAttainment { current ${RATIO} previous ${RATIO} } reports { current previous change }
    reportingCompleteness { current ${RATIO} previous ${RATIO} } membersFullyTrained { current ${RATIO} previous ${RATIO} } } }`,
  coverage: `query Coverage($provinces: [String!]) { coverage(groupBy: REGENCY, filter: { area: { provinceCodes: $provinces } }) {
    computedAt rows { area { code name } villages designatedVillages coverage ${RATIO} targetAttainment ${RATIO} } } }`,
  reports: `query Reports($provinces: [String!], $from: Date!, $to: Date!) {
    reportStats(groupBy: [REGENCY, MONTH], filter: { area: { provinceCodes: $provinces }, period: { from: $from, to: $to } }) {
    computedAt rows { regency { code name } month reports followedUp } } }`,
  villages: `query Villages($after: String) { villages(first: 50, after: $after) {
    edges { node { id code name regency { code name } province { code name } } } } }`,
  submit: `mutation Submit($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
};

export const POSTGRAPHILE_DOCUMENTS = {
  overview: `{ benchOverview }`,
  coverage: `{ benchCoverage }`,
  reports: `{ benchReports }`,
  villages: `query Villages($after: Cursor) { allVillages(first: 50, after: $after, orderBy: CODE_ASC) {
    nodes { id code name regencyByRegencyId { code name } provinceByProvinceId { code name } } } }`,
  submit: `mutation Submit($input: CreateVillageReportInput!) { createVillageReport(input: $input) { clientMutationId } }`,
};

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A village reports can be sent for: Binaan and the floor take its code, PostGraphile its ids. */
export interface SubmitVillage {
  id: number;
  code: string;
  regencyId: number;
  provinceId: number;
  designationId: number | null;
}

/** Where each server's village pages start: after the same villages (every 4,000th by code). */
export interface PageStarts {
  codes: string[];
  binaanCursors: string[];
  postgraphileCursors: string[];
}

/** Where pages start, from the villages they start after (PostGraphile's cursors are filled in later). */
export function pageStartsAfter(villages: { id: number; code: string }[]): PageStarts {
  return {
    codes: villages.map((village) => village.code),
    // Pothos' cursor for an id (run.ts checks it against a real answer).
    binaanCursors: villages.map((village) => Buffer.from(`GPC:N:${village.id}`).toString('base64')),
    postgraphileCursors: [],
  };
}

export interface RequestFactory {
  read(workload: ReadWorkload, index: number): BenchRequest;
  submit(index: number): BenchRequest;
}

/** A page's request as the built dashboard sends it: its trusted-document id and variables, no text. */
export function pageRequest(bearer: string, page: PageRequest): BenchRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({
      operationName: page.operationName,
      variables: page.variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: page.id } },
    }),
  };
}

const graphqlPost = (
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
): BenchRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
  body: JSON.stringify({ query, variables }),
});

let submissionCounter = 0;
/** Unique across servers and runs of this process, so that no submission is a retry. */
const clientReference = () => `bench-${process.pid}-${Date.now().toString(36)}-${(submissionCounter += 1)}`;

export function binaanRequests(
  tokens: { read: string; submit: string },
  pages: PageStarts,
  villages: SubmitVillage[],
): RequestFactory {
  const auth = { authorization: `Bearer ${tokens.read}` };
  return {
    read(workload, index) {
      switch (workload) {
        case 'overview':
          return graphqlPost(auth, BINAAN_DOCUMENTS.overview);
        case 'coverage':
          return graphqlPost(auth, BINAAN_DOCUMENTS.coverage, { provinces: COVERAGE_FILTER.provinceCodes });
        case 'reports':
          return graphqlPost(auth, BINAAN_DOCUMENTS.reports, {
            provinces: REPORTS_FILTER.provinceCodes,
            from: REPORTS_FILTER.from,
            to: REPORTS_FILTER.to,
          });
        case 'villages':
          return graphqlPost(auth, BINAAN_DOCUMENTS.villages, {
            after: pages.binaanCursors[index % pages.binaanCursors.length],
          });
      }
    },
    submit(index) {
      const village = villages[index % villages.length]!;
      return graphqlPost({ authorization: `Bearer ${tokens.submit}` }, BINAAN_DOCUMENTS.submit, {
        input: {
          source: 'bench:binaan',
          clientReference: clientReference(),
          villageCode: village.code,
          type: 'FOREIGN_NATIONAL_PRESENT',
          occurredOn: new Date().toISOString().slice(0, 10),
          peopleInvolved: 1,
          description: 'Benchmark submission.',
        },
      });
    },
  };
}

export function postgraphileRequests(pages: PageStarts, villages: SubmitVillage[]): RequestFactory {
  return {
    read(workload, index) {
      if (workload === 'villages') {
        return graphqlPost({}, POSTGRAPHILE_DOCUMENTS.villages, {
          after: pages.postgraphileCursors[index % pages.postgraphileCursors.length],
        });
      }
      return graphqlPost({}, POSTGRAPHILE_DOCUMENTS[workload]);
    },
    submit(index) {
      const village = villages[index % villages.length]!;
      const now = new Date().toISOString();
      return graphqlPost({}, POSTGRAPHILE_DOCUMENTS.submit, {
        input: {
          villageReport: {
            // Who submitted it: part of the idempotency key since reports are unique per submitter.
            submitter: 'bench:postgraphile',
            source: 'bench:postgraphile',
            clientReference: clientReference(),
            villageId: village.id,
            regencyId: village.regencyId,
            provinceId: village.provinceId,
            designationId: village.designationId,
            type: 'FOREIGN_NATIONAL_PRESENT',
            occurredOn: now.slice(0, 10),
            submittedAt: now,
            peopleInvolved: 1,
            description: 'Benchmark submission.',
            statusChangedAt: now,
          },
        },
      });
    },
  };
}

export function floorRequests(pages: PageStarts, villages: SubmitVillage[]): RequestFactory {
  return {
    read(workload, index) {
      const after =
        workload === 'villages' ? `?after=${encodeURIComponent(pages.codes[index % pages.codes.length]!)}` : '';
      return { method: 'GET', path: `/${workload}${after}`, headers: {} };
    },
    submit(index) {
      const village = villages[index % villages.length]!;
      return {
        method: 'POST',
        path: '/submit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ villageCode: village.code, clientReference: clientReference() }),
      };
    },
  };
}

/** The i-th request of a workload; `submit` is submissions only, `mix` nine reads in turn, then one submission. */
export function nthRequest(factory: RequestFactory, workload: Workload, index: number): BenchRequest {
  if (workload === 'submit') return factory.submit(index);
  if (workload !== 'mix') return factory.read(workload, index);
  if (index % 10 === 9) return factory.submit(index);
  return factory.read(READ_WORKLOADS[index % READ_WORKLOADS.length]!, Math.floor(index / 10));
}
