// Queries run through graphql-jit where they can: each document is compiled once into a function that
// resolves and completes its fields without graphql-js's generic walk (bench/README.md: reports and
// coverage return hundreds of rows of plain figures, a page of villages 50 nodes, and that walk was the
// API's largest cost after the database).
//
// What cannot run compiled is a relation the Pothos Prisma plugin preloads: it keys what it loaded on
// graphql-js's own `info.path`, which a compiled query builds differently, so each row would load its
// relation again (the N+1 test in records.test.ts fails that way). So a query is compiled only if no
// field it selects is such a relation, read from the schema (the plugin marks its fields); a change that
// adds one to a query takes that query back to graphql-js. test/compiled-execution.test.ts runs figures,
// record pages and errors both ways and requires the same answer.
import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type SelectionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The document's fragments by name. */
function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * A field whose data the Prisma plugin loads along with its parent's (a relation, or a field with a
 * `select`). A column exposed as it is (`t.exposeString`) is read from the row and can run compiled.
 */
export function isPreloadedField(field: GraphQLField<unknown, unknown>): boolean {
  const extensions = field.extensions as Record<string, unknown>;
  return Boolean(
    extensions['pothosPrismaRelationField'] ||
    extensions['pothosPrismaLoaded'] ||
    extensions['pothosPrismaFallback'] ||
    (extensions['pothosPrismaSelect'] && !extensions['pothosExposedField']),
  );
}

/**
 * Whether this operation runs compiled: a query that selects no preloaded field (through fragments too,
 * on every type an interface or union may be) and no introspection.
 */
export function compilable(
  graphqlSchema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  const fragments = fragmentsOf(document);
  const objectTypes = (type: GraphQLNamedType) =>
    isAbstractType(type) ? graphqlSchema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  const visiting = new Set<string>();
  const allowed = (selectionSet: SelectionSetNode, type: GraphQLNamedType): boolean =>
    selectionSet.selections.every((selection: SelectionNode) => {
      if (selection.kind === 'FragmentSpread') {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) return false;
        visiting.add(fragment.name.value);
        const condition = graphqlSchema.getType(fragment.typeCondition.name.value);
        const ok = condition !== undefined && allowed(fragment.selectionSet, condition);
        visiting.delete(fragment.name.value);
        return ok;
      }
      if (selection.kind === 'InlineFragment') {
        const condition = selection.typeCondition ? graphqlSchema.getType(selection.typeCondition.name.value) : type;
        return condition !== undefined && allowed(selection.selectionSet, condition);
      }
      const name = selection.name.value;
      if (name === '__typename') return true;
      if (name.startsWith('__')) return false;
      return objectTypes(type).every((objectType) => {
        const field = objectType.getFields()[name];
        if (!field) return true; // not on this possible type: validation has the final word
        if (isPreloadedField(field)) return false;
        return !selection.selectionSet || allowed(selection.selectionSet, getNamedType(field.type));
      });
    });
  return allowed(operation.selectionSet, graphqlSchema.getQueryType()!);
}

/**
 * The field at this response path. graphql-jit's errors carry locations but not the field, and Yoga
 * rebuilds every error from its field when it answers, so without it the locations would be lost.
 */
function fieldAt(document: DocumentNode, operation: OperationDefinitionNode, path: readonly (string | number)[]) {
  const fragments = fragmentsOf(document);
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

export function useCompiledExecution(graphqlSchema: GraphQLSchema): Plugin {
  // Decided once per parsed document (Yoga's parser cache hands back the same object for the same text).
  const byDocument = new WeakMap<DocumentNode, Map<string, boolean>>();
  const compiledDocument = ({ document, operationName }: ExecutionArgs) => {
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (compiled === undefined) byName.set(key, (compiled = compilable(graphqlSchema, document, operationName)));
    return compiled;
  };
  // Variables graphql-js would refuse go to graphql-js, which answers 400 with the scalar's own message
  // and the variable's location; graphql-jit would answer 200 with a vaguer one.
  const enableIf = (args: ExecutionArgs) => {
    if (!compiledDocument(args)) return false;
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
