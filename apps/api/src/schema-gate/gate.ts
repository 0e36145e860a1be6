// The breaking-change gate: diffs two versions of schema.graphql with @graphql-inspector/core. A
// breaking change passes only when SCHEMA_CHANGES.md records it with a deprecation period of at least
// MINIMUM_DEPRECATION_DAYS that has ended, and, for a removal, the removed field, argument, input field
// or enum value was already @deprecated in the old schema (consumers were warned in the schema itself).
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { type ChangelogEntry, parseChangelog } from './changelog.js';

export const MINIMUM_DEPRECATION_DAYS = 90;
const DAY_MS = 86_400_000;

export interface GateFinding {
  coordinate: string;
  message: string;
  /** Why the change may not land; null when the changelog allows it. */
  problem: string | null;
}

export interface GateResult {
  ok: boolean;
  breaking: GateFinding[];
  /** Dangerous and safe changes, for the log. */
  other: { level: string; message: string }[];
}

const REMOVALS = new Set(['FIELD_REMOVED', 'FIELD_ARGUMENT_REMOVED', 'INPUT_FIELD_REMOVED', 'ENUM_VALUE_REMOVED']);

/** Was the element at this schema coordinate marked @deprecated in this schema? */
export function wasDeprecated(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName = '', member, argument] = coordinate.split('.');
  const type = schema.getType(typeName);
  if (!type || !member) return false;
  if (isEnumType(type)) return Boolean(type.getValue(member)?.deprecationReason);
  if (isInputObjectType(type)) return Boolean(type.getFields()[member]?.deprecationReason);
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return false;
    if (!argument) return Boolean(field.deprecationReason);
    return Boolean(field.args.find((arg) => arg.name === argument)?.deprecationReason);
  }
  return false;
}

function problemWith(
  change: Change,
  entry: ChangelogEntry | undefined,
  oldSchema: GraphQLSchema,
  today: string,
): string | null {
  const coordinate = change.path ?? '';
  if (REMOVALS.has(change.type) && !wasDeprecated(oldSchema, coordinate)) {
    return `\`${coordinate}\` was not @deprecated before its removal: deprecate it first and keep it for ${MINIMUM_DEPRECATION_DAYS} days`;
  }
  if (!entry)
    return `not recorded in SCHEMA_CHANGES.md (add a "## " entry with "- Change: \`${coordinate}\`", "- Deprecated:" and "- Removable from:")`;
  if (!entry.deprecatedOn || !entry.removableFrom)
    return `the SCHEMA_CHANGES.md entry "${entry.title}" needs both "Deprecated:" and "Removable from:" dates`;
  const days = (Date.parse(entry.removableFrom) - Date.parse(entry.deprecatedOn)) / DAY_MS;
  if (days < MINIMUM_DEPRECATION_DAYS)
    return `the deprecation period of "${entry.title}" is ${days} days; it must be at least ${MINIMUM_DEPRECATION_DAYS}`;
  if (today < entry.removableFrom)
    return `"${entry.title}" is still in its deprecation period (removable from ${entry.removableFrom})`;
  return null;
}

export async function checkSchemaChange(options: {
  oldSdl: string;
  newSdl: string;
  changelog: string;
  today: string;
}): Promise<GateResult> {
  const oldSchema = buildSchema(options.oldSdl);
  const changes = await diff(oldSchema, buildSchema(options.newSdl));
  const entries = parseChangelog(options.changelog);
  const breaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => {
      const coordinate = change.path ?? change.message;
      const entry = entries.find((candidate) => candidate.coordinates.includes(coordinate));
      return { coordinate, message: change.message, problem: problemWith(change, entry, oldSchema, options.today) };
    });
  const other = changes
    .filter((change) => change.criticality.level !== CriticalityLevel.Breaking)
    .map((change) => ({ level: change.criticality.level, message: change.message }));
  return { ok: breaking.every((finding) => finding.problem === null), breaking, other };
}
