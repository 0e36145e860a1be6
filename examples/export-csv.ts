// Runs a GraphQL query with an API token and writes its rows as CSV (for a spreadsheet, R or pandas).
//
//   BINAAN_URL=http://localhost:4000/graphql BINAAN_TOKEN=bnn_t_… \
//     npx tsx examples/export-csv.ts query.graphql [--variables '{"year":2024}'] [--rows reportStats.rows] > out.csv
//
// The rows are the list at --rows (a dotted path under `data`), or else the first list in the result.
// Nested fields become dotted columns (`regency.name`); lists inside a row are written as JSON.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BinaanEndpoint, requestBinaan, type TadaDocumentNode } from '@binaan/client';
import { parse } from 'graphql';
import Papa from 'papaparse';

type Row = Record<string, unknown>;

/** The list at `path` (dotted, under data), or the first list found walking the result. */
export function rowsOf(data: unknown, path?: string): Row[] {
  if (path) {
    const found = path.split('.').reduce<unknown>((value, key) => (value as Row | null)?.[key], data);
    if (!Array.isArray(found)) throw new Error(`no list at ${path}`);
    return found as Row[];
  }
  if (Array.isArray(data)) return data as Row[];
  if (data && typeof data === 'object') {
    for (const value of Object.values(data)) {
      try {
        return rowsOf(value);
      } catch {
        // not in this branch
      }
    }
  }
  throw new Error('the result has no list; pass --rows');
}

/** `{ regency: { name } }` → `{ "regency.name": … }`; Relay edges are unwrapped to their node. */
export function flatten(row: Row, prefix = ''): Row {
  const flat: Row = {};
  const value = 'node' in row && Object.keys(row).length <= 2 ? (row.node as Row) : row;
  for (const [key, field] of Object.entries(value)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (field && typeof field === 'object' && !Array.isArray(field)) Object.assign(flat, flatten(field as Row, column));
    else flat[column] = Array.isArray(field) ? JSON.stringify(field) : field;
  }
  return flat;
}

export async function exportCsv(
  endpoint: BinaanEndpoint,
  query: string,
  variables: Row = {},
  rowsPath?: string,
): Promise<string> {
  const document = parse(query) as unknown as TadaDocumentNode<Row, Row>;
  const data = await requestBinaan(endpoint, document, variables);
  return Papa.unparse(rowsOf(data, rowsPath).map((row) => flatten(row)));
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
  );
  process.stdout.write(`${csv}\n`);
}
