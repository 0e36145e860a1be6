// What other packages' tests use from the API (exported as @binaan/api/testing).
export * from './seeded-api.js';
export * from './service.js';
export * from './database.js';
export * from './property-depth.js';
export * from './front-ends.js';
