// Imports every type file and builds the schema. A new type is one new file plus one line here.
import { isObjectType } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './errors.js';
import './ratio.js';
import './area.js';
import './office.js';
import './designation.js';
import './targets.js';
import './training-module.js';
import './task-force.js';
import './training.js';
import './activity.js';
import './report.js';
import './analytics/index.js';
import './session.js';
import './api-tokens.js';
import './users.js';
import './field-devices.js';
import './signals.js';
import './audit-log.js';

builder.queryType({
  description: 'Read the programme: areas, offices, designations, people, activities, reports and analytics.',
});
builder.mutationType({
  description:
    'Record the programme. Every write runs in one transaction; bad input returns a typed error and writes nothing.',
});

export const schema = builder.toSchema({ sortSchema: true });

// The prisma plugin adds `totalCount` to connections without a way to describe it; describe it here so
// that every field of the published schema is documented.
for (const type of Object.values(schema.getTypeMap())) {
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    const totalCount = type.getFields().totalCount;
    if (totalCount && !totalCount.description) totalCount.description = 'How many results match, across all pages.';
  }
}
