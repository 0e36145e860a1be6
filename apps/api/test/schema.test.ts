// The checked-in SDL is what other applications read; it must match the code, and describe everything.
import { readFileSync } from 'node:fs';
import {
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { printSortedSchema, schemaFile } from '../src/schema/sdl.js';

describe('the GraphQL schema', () => {
  it('matches the checked-in schema.graphql (run `npm run print-schema -w @binaan/api` after changing it)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printSortedSchema());
  });

  it('guards every query field with an auth scope (only `me` answers anyone)', () => {
    const unguarded = Object.values(schema.getQueryType()!.getFields())
      .filter((field) => !(field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes)
      .map((field) => field.name);
    expect(unguarded).toEqual(['me']);
    const analytics = ['coverage', 'reportStats', 'reportingCompleteness', 'trainingCompletion', 'overview'];
    for (const name of analytics) {
      const options = (
        schema.getQueryType()!.getFields()[name]!.extensions as { pothosOptions: { authScopes: unknown } }
      ).pothosOptions;
      expect(options.authScopes, name).toEqual({ readAggregates: true });
    }
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith('__')) continue;
      if (['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('marks every personal field as such: nullable, and documented as personal data', () => {
    const personal = ['fullName', 'phone', 'reporterName', 'reporterPhone', 'officerName'];
    const fields = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type))
      .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ type, field })))
      .filter(({ field }) => personal.includes(field.name));
    expect(fields.map(({ type, field }) => `${type.name}.${field.name}`).sort()).toEqual([
      'Designation.officerName',
      'TaskForceMember.fullName',
      'TaskForceMember.phone',
      'VillageReport.reporterName',
      'VillageReport.reporterPhone',
    ]);
    for (const { field } of fields) {
      expect(String(field.type)).not.toMatch(/!$/);
      expect(field.description).toMatch(/^Personal data/);
    }
  });
});
