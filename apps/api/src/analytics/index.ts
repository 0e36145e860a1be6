// The analytics as plain SQL functions over any SqlExecutor: the GraphQL schema serves them, and the
// benchmark's raw floor (bench/) runs the very same statements without GraphQL.
export { reportingCompleteness } from './completeness.js';
export { coverageByArea } from './coverage.js';
export type { AnalyticsFilter, AreaLevel } from './filter.js';
export { overviewFigures } from './overview.js';
export { reportStats } from './reports.js';
export { memberRosterCount, trainingCompletion } from './training.js';
