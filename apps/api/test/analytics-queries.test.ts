// N+1 check for the analytics: how many SQL statements each analytics field sends, Prisma's and the
// hand-written ones together. The number is fixed per field and does not grow with the rows returned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

describe('statements per analytics field', () => {
  let api: SeededApi;
  let perRequest = 0;
  beforeAll(async () => {
    api = await createSeededApi();
    perRequest = await statements('{ me { kind } }');
  });
  afterAll(() => api?.dispose());

  /** Statements a query sends, beyond those every request sends to identify the caller. */
  async function statements(query: string): Promise<number> {
    await api.graphql('{ me { kind } }', {}, 'national'); // signed in beforehand
    api.prismaQueries.length = 0;
    api.sqlQueries.length = 0;
    const result = await api.graphql(query, {}, 'national');
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return api.prismaQueries.length + api.sqlQueries.length - perRequest;
  }

  it.each([
    [
      'coverage by province (figures and targets in one)',
      '{ coverage { rows { area { code } villages designatedVillages targetAttainment { rate } } total { villages } } }',
      1,
    ],
    [
      'coverage by kecamatan (no targets)',
      '{ coverage(groupBy: DISTRICT) { rows { area { code name } villages designatedVillages } } }',
      1,
    ],
    [
      'report statistics by kecamatan, type, status and month',
      '{ reportStats(groupBy: [DISTRICT, TYPE, STATUS, MONTH]) { rows { district { code } type status month reports followedUp } } }',
      1,
    ],
    [
      'report statistics with the median (one more, for all rows)',
      '{ reportStats(groupBy: [REGENCY, MONTH]) { rows { regency { code } month reports medianDaysToFollowUp } } }',
      2,
    ],
    [
      'reporting completeness per kabupaten/kota and month',
      '{ reportingCompleteness(groupBy: REGENCY) { rows { month area { code } designatedVillages reportingVillages completeness { rate } } } }',
      1,
    ],
    [
      'training per kecamatan with every module (rollup, modules)',
      '{ trainingCompletion(groupBy: DISTRICT) { rows { area { code } members completedAll { rate } modules { module { code name } completed { rate } } } total { members } } }',
      2,
    ],
    [
      'the overview (two periods of coverage with targets, reports, completeness, training: eight sent as one)',
      '{ overview { designatedVillages { current previous } coverage { current { rate } } targetAttainment { current { rate } } reports { current previous } reportingCompleteness { current { rate } } membersFullyTrained { current { rate } } } }',
      1,
    ],
  ])('%s: %i statement(s)', async (_name, query, expected) => {
    expect(await statements(query)).toBe(expected);
  });

  it('sends as many for many rows as for few', async () => {
    const few = await statements('{ reportStats(groupBy: [PROVINCE]) { rows { reports } } }');
    const many = await statements(
      '{ reportStats(groupBy: [DISTRICT, TYPE, STATUS, MONTH]) { rows { reports medianDaysToFollowUp } } }',
    );
    expect(few).toBe(1);
    expect(many).toBe(2);
  });
});
