// A minimal typed request helper for scripts and server-side applications that call the API with a
// token (the dashboard uses urql instead). The result and variables types come from the document.
import type { TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';

export interface BinaanEndpoint {
  /** e.g. http://localhost:4000/graphql */
  url: string;
  /** An API token (`bnn_t_…`) issued with `issueApiToken`. */
  token: string;
  /** Sent as `x-binaan-client`, so the API's logs and metrics can tell applications apart. */
  clientName?: string;
}

export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The request reached the API but it answered with errors (or an HTTP error without a GraphQL body). */
export class BinaanRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorPayload[],
  ) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status}`);
    this.name = 'BinaanRequestError';
  }
}

export async function requestBinaan<Result, Variables>(
  endpoint: BinaanEndpoint,
  document: TadaDocumentNode<Result, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [] | [Variables] : [Variables]
): Promise<Result> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${endpoint.token}`,
      'x-binaan-client': endpoint.clientName ?? 'script',
    },
    body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Result | null; errors?: GraphQLErrorPayload[] };
  if (body.errors?.length || !response.ok || body.data == null)
    throw new BinaanRequestError(response.status, body.errors ?? []);
  return body.data;
}
