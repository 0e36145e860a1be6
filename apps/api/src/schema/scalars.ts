// The scalars every type uses: calendar dates, points in time, and JSON (the audit log's before/after).
import { isoInZone } from '@binaan/domain';
import { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from '../builder.js';

/**
 * Points in time are written in WIB with their offset (`+07:00`), the zone national figures and periods
 * are counted in, so a time and the day it counts on read alike; any offset is accepted as input.
 */
const DateTimeInWib = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => isoInZone(DateTimeResolver.serialize(value) as Date),
});

builder.addScalarType('Date', DateResolver, {
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601), without time zone.',
});
builder.addScalarType('DateTime', DateTimeInWib, {
  description:
    'A point in time, ISO 8601 with offset, written in WIB (UTC+7), e.g. `2026-12-05T06:30:00.000+07:00`; any offset is accepted as input.',
});
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });
