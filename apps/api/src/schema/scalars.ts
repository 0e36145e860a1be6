// The scalars every type uses: calendar dates, points in time, and JSON (the audit log's before/after).
import { isoInZone } from '@binaan/domain';
import { GraphQLError, GraphQLScalarType, print, type ValueNode } from 'graphql';
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

/**
 * graphql-scalars' Date, refusing a value that is not a calendar day in words of our own, which
 * plugins/input-mistakes.ts gives the caller in their language ("2025-13-01", "1 Nov 2026", 20251101).
 */
const CalendarDate = new GraphQLScalarType({
  ...DateResolver.toConfig(),
  parseValue: (value) => asDate(() => DateResolver.parseValue(value), JSON.stringify(value)),
  parseLiteral: (literal, variables) =>
    asDate(() => DateResolver.parseLiteral(literal, variables), print(literal), literal),
});

/** The parsed date, or our error; a literal is given as `nodes` so the error points at it. */
function asDate(parse: () => unknown, shown: string, nodes?: ValueNode): unknown {
  try {
    return parse();
  } catch {
    throw new GraphQLError(`${shown} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31.`, { nodes });
  }
}

builder.addScalarType('Date', CalendarDate, {
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601), without time zone.',
});
builder.addScalarType('DateTime', DateTimeInWib, {
  description:
    'A point in time, ISO 8601 with offset, written in WIB (UTC+7), e.g. `2026-12-05T06:30:00.000+07:00`; any offset is accepted as input.',
});
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });
