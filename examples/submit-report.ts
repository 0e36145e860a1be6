// An application of a village or a partner agency sending a report to Binaan and reading it back.
//
//   BINAAN_URL=http://localhost:4000/graphql BINAAN_TOKEN=bnn_t_… npx tsx examples/submit-report.ts 63.02.15.2002
//
// The token needs the reports:submit scope (and records:read to read the report back); a token limited
// to an office may only report villages in that office's area. Sending the same clientReference again
// is safe: the API answers with the report it already has (created: false), so a retry after a network
// failure never makes a duplicate.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { type BinaanEndpoint, graphql, requestBinaan } from '@binaan/client';

const SubmitReport = graphql(`
  mutation SubmitReport($input: SubmitVillageReportInput!) {
    submitVillageReport(input: $input) {
      __typename
      ... on MutationSubmitVillageReportSuccess { data { created report { id status submittedAt } } }
      ... on InputValidationError { message issues { path message } }
      ... on Error { message }
    }
  }
`);

const ReadReport = graphql(`
  query ReadReport($id: ID!) {
    node(id: $id) {
      ... on VillageReport {
        id
        type
        status
        occurredOn
        peopleInvolved
        description
        village { code name }
        regency { name }
        transitions { toStatus changedAt }
      }
    }
  }
`);

export async function submitAndReadBack(
  endpoint: BinaanEndpoint,
  villageCode: string,
  clientReference = `example-${randomUUID()}`,
) {
  const submitted = await requestBinaan(endpoint, SubmitReport, {
    input: {
      source: 'example-app',
      clientReference,
      villageCode,
      type: 'FOREIGN_NATIONAL_PRESENT',
      occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      peopleInvolved: 2,
      description: 'Dua warga negara asing menginap di rumah warga tanpa lapor ke desa.',
    },
  });
  const result = submitted.submitVillageReport;
  if (result.__typename !== 'MutationSubmitVillageReportSuccess') {
    const issues =
      result.__typename === 'InputValidationError'
        ? result.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        : [];
    throw new Error(`${result.__typename}: ${result.message} ${issues.join('; ')}`.trim());
  }
  const read = await requestBinaan(endpoint, ReadReport, { id: result.data.report.id });
  return { created: result.data.created, report: read.node };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.BINAAN_URL ?? 'http://localhost:4000/graphql';
  const token = process.env.BINAAN_TOKEN;
  const villageCode = process.argv[2];
  if (!token || !villageCode) {
    console.error('usage: BINAAN_URL=… BINAAN_TOKEN=bnn_t_… tsx submit-report.ts <village code> [client reference]');
    process.exit(2);
  }
  const { created, report } = await submitAndReadBack(
    { url, token, clientName: 'example-submit-report' },
    villageCode,
    process.argv[3],
  );
  console.log(JSON.stringify({ created, report }, null, 2));
}
