// Runs a GraphQL query with an API token and writes its rows as CSV (for a spreadsheet, R or pandas).
//
//   BINAAN_URL=http://localhost:4000/graphql BINAAN_TOKEN=bnn_t_… \
//     npx tsx examples/export-csv.ts query.graphql [--variables '{"year":2024}'] [--rows reports] > out.csv
//
// The rows are a connection's nodes (a field with `edges { node { … } }`) or a list of objects (`rows`);
// --rows names the field (a dotted path from the query's root) when there are several. A connection is
// read page by page: declare `$after: String` and pass it as `after:`, and select
// `pageInfo { hasNextPage endCursor }`; a line per page on stderr says how far it got.
// The columns are the query's selection, in its order, whatever the data: nested objects become dotted
// columns (`regency.name`), lists inside a row are written as JSON.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BinaanEndpoint, requestBinaan, type TadaDocumentNode } from '@binaan/client';
import {
  buildSchema,
  type FieldNode,
  getNamedType,
  type GraphQLObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from 'graphql';
import Papa from 'papaparse';

type Row = Record<string, unknown>;

const schema = buildSchema(readFileSync(new URL('../apps/api/schema.graphql', import.meta.url), 'utf8'));

interface RowsField {
  /** Response keys from `data` to the list: the connection or the list field. */
  path: string[];
  connection: boolean;
  /** The selection of one row (a connection's node). */
  selection: SelectionSetNode;
  type: GraphQLObjectType;
}

const fieldsOf = (selection: SelectionSetNode): FieldNode[] =>
  selection.selections.filter((node): node is FieldNode => node.kind === Kind.FIELD);
const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;
const unwrap = (type: Parameters<typeof getNamedType>[0]) => (isNonNullType(type) ? type.ofType : type);

/** The field holding the rows: the one at `path`, or the first connection or list of objects found. */
export function findRows(
  selection: SelectionSetNode,
  parent: GraphQLObjectType,
  path?: string[],
  at: string[] = [],
): RowsField | null {
  for (const field of fieldsOf(selection)) {
    const definition = parent.getFields()[field.name.value];
    if (!definition || !field.selectionSet) continue;
    const type = getNamedType(definition.type);
    if (!isObjectType(type)) continue;
    const here = [...at, keyOf(field)];
    const wanted = !path || path.join('.') === here.join('.');
    const edges = fieldsOf(field.selectionSet).find((child) => child.name.value === 'edges');
    const node = edges?.selectionSet && fieldsOf(edges.selectionSet).find((child) => child.name.value === 'node');
    if (wanted && node?.selectionSet) {
      const nodeType = getNamedType(
        (getNamedType(type.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type,
      );
      return { path: here, connection: true, selection: node.selectionSet, type: nodeType as GraphQLObjectType };
    }
    if (wanted && isListType(unwrap(definition.type))) {
      return { path: here, connection: false, selection: field.selectionSet, type };
    }
    const deeper = findRows(field.selectionSet, type, path, here);
    if (deeper) return deeper;
  }
  return null;
}

/** The columns of a row's selection, in its order: dotted for nested objects, one column for a list. */
export function columnsOf(selection: SelectionSetNode, type: GraphQLObjectType, prefix = ''): string[] {
  return fieldsOf(selection).flatMap((field) => {
    const column = prefix ? `${prefix}.${keyOf(field)}` : keyOf(field);
    const definition = type.getFields()[field.name.value];
    const named = definition && getNamedType(definition.type);
    if (field.selectionSet && named && isObjectType(named) && !isListType(unwrap(definition.type)))
      return columnsOf(field.selectionSet, named, column);
    return [column];
  });
}

/** A row's value for a dotted column; lists as JSON, a missing parent as empty. */
function cell(row: Row, column: string): unknown {
  const value = column.split('.').reduce<unknown>((object, key) => (object as Row | null)?.[key] ?? null, row);
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

const at = (data: unknown, path: string[]) => path.reduce<unknown>((value, key) => (value as Row | null)?.[key], data);

export async function exportCsv(
  endpoint: BinaanEndpoint,
  query: string,
  variables: Row = {},
  rowsPath?: string,
  progress: (line: string) => void = () => undefined,
): Promise<string> {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('the document has no operation');
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const rows = findRows(operation.selectionSet, root as GraphQLObjectType, rowsPath?.split('.'));
  if (!rows)
    throw new Error(
      rowsPath ? `no connection or list of objects at ${rowsPath}` : 'the query has no rows; pass --rows',
    );
  const columns = columnsOf(rows.selection, rows.type);
  const pages =
    rows.connection && operation.variableDefinitions?.some((variable) => variable.variable.name.value === 'after');
  const collected: Row[] = [];
  let after: string | null = null;
  for (let page = 1; ; page += 1) {
    const data = await requestBinaan(endpoint, document as unknown as TadaDocumentNode<Row, Row>, {
      ...variables,
      ...(pages ? { after } : {}),
    });
    const list = at(data, rows.path) as Row | Row[] | null;
    if (rows.connection) {
      const connection = list as {
        edges?: { node: Row }[];
        pageInfo?: { hasNextPage: boolean; endCursor: string | null };
        totalCount?: number;
      } | null;
      collected.push(...(connection?.edges ?? []).map((edge) => edge.node));
      const total = connection?.totalCount === undefined ? '' : ` of ${connection.totalCount}`;
      progress(`page ${page}: ${collected.length}${total} rows`);
      if (!pages || !connection?.pageInfo?.hasNextPage) break;
      if (!connection.pageInfo.endCursor) throw new Error('select pageInfo { hasNextPage endCursor } to page');
      after = connection.pageInfo.endCursor;
    } else {
      collected.push(...((list as Row[] | null) ?? []));
      break;
    }
  }
  return Papa.unparse({ fields: columns, data: collected.map((row) => columns.map((column) => cell(row, column))) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { variables: { type: 'string' }, rows: { type: 'string' } },
  });
  const token = process.env.BINAAN_TOKEN;
  if (!token || !positionals[0]) {
    console.error(
      'usage: BINAAN_URL=… BINAAN_TOKEN=bnn_t_… tsx export-csv.ts <query.graphql> [--variables JSON] [--rows path] > out.csv',
    );
    process.exit(2);
  }
  const endpoint = {
    url: process.env.BINAAN_URL ?? 'http://localhost:4000/graphql',
    token,
    clientName: 'example-export-csv',
  };
  const csv = await exportCsv(
    endpoint,
    readFileSync(positionals[0], 'utf8'),
    values.variables ? (JSON.parse(values.variables) as Row) : {},
    values.rows,
    (line) => process.stderr.write(`${line}\n`),
  );
  process.stdout.write(`${csv}\n`);
}
