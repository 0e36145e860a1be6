// The figures' operations run through graphql-jit: each document is compiled once into a function that
// resolves and completes its fields without graphql-js's generic walk (bench/README.md, 6 December,
// evening: reports and coverage return hundreds of rows of plain figures, and that walk was the API's
// largest cost after the database). Only operations whose every root field is a figure with no Prisma
// object below it are compiled: the Pothos Prisma plugin keys the relations it preloads on graphql-js's
// own `info.path`, which a compiled query builds differently, so record lists keep graphql-js.
// test/compiled-execution.test.ts runs every figure's example both ways and requires the same answer.
import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { FIGURE_FIELDS } from '../schema/analytics/fields.js';

/**
 * The figures' root fields with no Prisma object anywhere below them (a figure that names a training
 * module, say, reaches one): read from the schema, so that a change that adds one takes its figure out.
 */
export function compilableRootFields(graphqlSchema: GraphQLSchema): ReadonlySet<string> {
  const queryFields = graphqlSchema.getQueryType()!.getFields();
  const reachesPrisma = (start: GraphQLNamedType) => {
    const seen = new Set<string>();
    const visit = (type: GraphQLNamedType): boolean => {
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      if (type.extensions['pothosPrismaModel']) return true;
      if (isUnionType(type)) return type.getTypes().some(visit);
      if (isObjectType(type) || isInterfaceType(type)) {
        return Object.values(type.getFields()).some((field) => visit(getNamedType(field.type)));
      }
      return false;
    };
    return visit(start);
  };
  return new Set(
    FIGURE_FIELDS.filter((name) => queryFields[name] && !reachesPrisma(getNamedType(queryFields[name].type))),
  );
}

/** A query whose root selects only these fields (and `__typename`), with no fragment to look through. */
export function selectsOnly(
  rootFields: ReadonlySet<string>,
  document: DocumentNode,
  operationName?: string | null,
): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === 'Field' && (selection.name.value === '__typename' || rootFields.has(selection.name.value)),
  );
}

/**
 * The field at this response path. graphql-jit's errors carry locations but not the field, and Yoga
 * rebuilds every error from its field when it answers, so without it the locations would be lost.
 */
function fieldAt(document: DocumentNode, operation: OperationDefinitionNode, path: readonly (string | number)[]) {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === 'FragmentDefinition' ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const find = (selections: readonly SelectionNode[], key: string): FieldNode | undefined => {
    for (const selection of selections) {
      if (selection.kind === 'Field' && (selection.alias ?? selection.name).value === key) return selection;
      const inner =
        selection.kind === 'InlineFragment'
          ? selection.selectionSet
          : selection.kind === 'FragmentSpread'
            ? fragments.get(selection.name.value)?.selectionSet
            : undefined;
      const found = inner && find(inner.selections, key);
      if (found) return found;
    }
    return undefined;
  };
  let field: FieldNode | undefined;
  let selections: readonly SelectionNode[] = operation.selectionSet.selections;
  for (const key of path) {
    if (typeof key === 'number') continue;
    field = find(selections, key);
    if (!field) return undefined;
    selections = field.selectionSet?.selections ?? [];
  }
  return field;
}

export function useCompiledFigures(graphqlSchema: GraphQLSchema): Plugin {
  const rootFields = compilableRootFields(graphqlSchema);
  // Decided once per parsed document (Yoga's parser cache hands back the same object for the same text).
  const byDocument = new WeakMap<DocumentNode, Map<string, boolean>>();
  const compilable = ({ document, operationName }: ExecutionArgs) => {
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (compiled === undefined) byName.set(key, (compiled = selectsOnly(rootFields, document, operationName)));
    return compiled;
  };
  // Variables graphql-js would refuse go to graphql-js, which answers 400 with the scalar's own message
  // and the variable's location; graphql-jit would answer 200 with a vaguer one.
  const enableIf = (args: ExecutionArgs) => {
    if (!compilable(args)) return false;
    const operation = getOperationAST(args.document, args.operationName)!;
    const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
    return !coerced.errors;
  };
  // Asked by graphql-jit's plugin and by the hook below, in whichever order they run: decided once.
  const byRequest = new WeakMap<object, boolean>();
  const compiledRun = (args: ExecutionArgs) => {
    const context = args.contextValue as object;
    let decision = byRequest.get(context);
    if (decision === undefined) byRequest.set(context, (decision = enableIf(args)));
    return decision;
  };
  const jit = useGraphQlJit({}, { enableIf: compiledRun });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(jit as Plugin);
    },
    onExecute({ args }) {
      if (!compiledRun(args)) return;
      const operation = getOperationAST(args.document, args.operationName)!;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.some((error) => !error.nodes && error.path)) return;
          setResult({
            ...result,
            errors: result.errors.map((error) => {
              const field = !error.nodes && error.path ? fieldAt(args.document, operation, error.path) : undefined;
              return field
                ? new GraphQLError(error.message, {
                    nodes: field,
                    path: error.path,
                    originalError: error.originalError ?? undefined,
                    extensions: error.extensions,
                  })
                : error;
            }),
          });
        },
      };
    },
  };
}
