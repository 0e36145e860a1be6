// Every GraphQL document the field app sends. The build registers them as trusted documents
// (scripts/trusted-documents.ts); the app then sends only their ids, and a device credential can run
// nothing else in production. Types come from the API's printed schema through @binaan/client.
import { graphql } from '@binaan/client';

const ERROR = graphql(`
  fragment LaporError on Error @_unmask {
    __typename
    message
    ... on InputValidationError {
      issues {
        path
        message
      }
    }
    ... on NotFoundError {
      path
    }
    ... on ConflictError {
      path
    }
    ... on ForbiddenError {
      path
    }
  }
`);

export const EnrolDevice = graphql(
  `
    mutation EnrolDevice($code: String!) {
      enrolDevice(input: { code: $code }) {
        __typename
        ...LaporError
        ... on MutationEnrolDeviceSuccess {
          data {
            credential
            device {
              id
              label
              village {
                code
                name
                regency {
                  name
                }
              }
            }
          }
        }
      }
    }
  `,
  [ERROR],
);

export const ThisDevice = graphql(`
  query ThisDevice {
    thisDevice {
      id
      label
      revokedAt
    }
  }
`);

export const SubmitReport = graphql(
  `
    mutation SubmitReport($input: SubmitVillageReportInput!) {
      submitVillageReport(input: $input) {
        __typename
        ...LaporError
        ... on MutationSubmitVillageReportSuccess {
          data {
            created
            report {
              id
            }
          }
        }
      }
    }
  `,
  [ERROR],
);

export const ReportStatuses = graphql(`
  query ReportStatuses($refs: [String!]!) {
    deviceReports(clientReferences: $refs) {
      clientReference
      reportId
      status
      statusChangedAt
    }
  }
`);
