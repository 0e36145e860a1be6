// @binaan/domain: the programme's vocabulary, typed once and used by the API, the seed, the dashboard
// and the tests. The database's enums are tied to these lists by a test in @binaan/db.
export * from './areas.js';
export * from './people.js';
export * from './periods.js';
export * from './programme.js';
export * from './reports.js';
export * from './time.js';
export * from './signals.js';
