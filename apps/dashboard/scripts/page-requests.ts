// The GraphQL requests the dashboard's pages send when national leadership opens them with the default
// filters (the whole country, this month): each page's own document and the variables its hook builds,
// so that the benchmark (bench/) measures the pages as users get them. Run as a script, it prints them
// as JSON: [{ page, operationName, id, document, variables }].
import { pathToFileURL } from 'node:url';
import { trustedDocumentId, trustedDocumentText } from '@binaan/client';
import type { DocumentNode } from 'graphql';
import { ANALYTICS_PAGES, type AnalyticsPage, openingQuery } from '../src/app/opening-queries';
import { ShellQuery } from '../src/lib/session';

export interface PageRequest {
  /** The page's path in the dashboard. */
  page: string;
  operationName: string;
  /** The trusted-document id the built dashboard sends instead of the text. */
  id: string;
  document: string;
  variables: Record<string, unknown>;
}

function request(page: string, document: DocumentNode, variables: object): PageRequest {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return {
    page,
    operationName: operation?.name?.value ?? '',
    id: trustedDocumentId(document),
    document: trustedDocumentText(document),
    variables: variables as Record<string, unknown>,
  };
}

/** Every analytics page at national scope, as a leader with the whole country opens it on `now`. */
export function nationalPageRequests(now = new Date()): PageRequest[] {
  // The pages as the router starts their queries (src/app/opening-queries.ts), and the whole country's map
  // of kabupaten/kota, its heaviest view.
  const pages: string[] = [...ANALYTICS_PAGES];
  pages.splice(pages.indexOf('/peta') + 1, 0, '/peta?tingkat=kab');
  return [
    // Sent once when the dashboard opens, before any page.
    request('(shell)', ShellQuery, {}),
    ...pages.map((page) => {
      const address = new URL(page, 'http://dashboard');
      const { query, variables } = openingQuery(address.pathname as AnalyticsPage, address.searchParams, null, now);
      return request(page, query, variables);
    }),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(nationalPageRequests(), null, 2)}\n`);
}
