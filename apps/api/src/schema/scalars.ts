// The scalars every type uses: calendar dates, points in time, and JSON (the audit log's before/after).
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from '../builder.js';

builder.addScalarType('Date', DateResolver, {
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601), without time zone.',
});
builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A point in time, ISO 8601 with offset, e.g. `2024-05-03T02:30:00.000Z`.',
});
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });
