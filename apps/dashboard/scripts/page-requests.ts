// The GraphQL requests the dashboard's pages send when national leadership opens them with the default
// filters (the whole country, this month): each page's own document and the variables its hook builds,
// so that the benchmark (bench/) measures the pages as users get them. Run as a script, it prints them
// as JSON: [{ page, operationName, id, document, variables }].
import { pathToFileURL } from 'node:url';
import { trustedDocumentId, trustedDocumentText } from '@binaan/client';
import type { DocumentNode } from 'graphql';
import { coveragePageVariables, CoveragePageQuery } from '../src/features/area-coverage/coverage-query';
import { mapPageVariables, MapPageQuery } from '../src/features/map/map-query';
import { overviewPageVariables, OverviewPageQuery } from '../src/features/overview/overview-query';
import { reportsPageVariables, ReportsPageQuery } from '../src/features/reports/reports-query';
import { signalsPageVariables, SignalsPageQuery } from '../src/features/signals/signals-query';
import { trainingPageVariables, TrainingPageQuery } from '../src/features/training/training-query';
import { parseFilters } from '../src/lib/filters/url-filters';
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
  const national = parseFilters(new URLSearchParams(), now);
  return [
    // Sent once when the dashboard opens, before any page.
    request('(shell)', ShellQuery, {}),
    request('/ringkasan', OverviewPageQuery, overviewPageVariables(national)),
    request('/peta', MapPageQuery, mapPageVariables(national, 'PROVINCE')),
    request('/peta?tingkat=kab', MapPageQuery, mapPageVariables(national, 'REGENCY')),
    request('/cakupan', CoveragePageQuery, coveragePageVariables(national, null)),
    request('/laporan', ReportsPageQuery, reportsPageVariables(national)),
    request('/sinyal', SignalsPageQuery, signalsPageVariables(national, false)),
    request('/pelatihan', TrainingPageQuery, trainingPageVariables(national)),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(nationalPageRequests(), null, 2)}\n`);
}
