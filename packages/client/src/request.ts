// A small typed request helper for scripts and server-side applications that call the API with a token
// (the dashboard uses urql instead). The result and variables types come from the document.
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

export interface RequestOptions {
  /** The language of messages for people: `id` (Bahasa Indonesia, the default) or `en`. */
  language?: 'id' | 'en';
  /** Sent as `x-request-id` and kept in the API's logs: quote it when reporting a problem. */
  requestId?: string;
  /** Any other headers. */
  headers?: Record<string, string>;
  /** Aborts the request (e.g. `AbortSignal.timeout(10_000)`). */
  signal?: AbortSignal;
}

export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** What the API answered: data (whole, partial or none) beside any errors, as GraphQL sends them. */
export interface BinaanResponse<Result> {
  status: number;
  data: Result | null;
  errors: GraphQLErrorPayload[];
  /** The id the API logged the request under. */
  requestId: string | null;
}

/**
 * The API answered with errors (or an HTTP error without a GraphQL body). `data` holds whatever part of
 * the result it could still compute (null when none).
 */
export class BinaanRequestError<Result = unknown> extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorPayload[],
    readonly data: Result | null = null,
    readonly requestId: string | null = null,
  ) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status}`);
    this.name = 'BinaanRequestError';
  }
}

/** Sends a document and returns the whole answer, errors and partial data included; throws only if no answer came. */
export async function sendBinaan<Result, Variables>(
  endpoint: BinaanEndpoint,
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<BinaanResponse<Result>> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: {
      ...options.headers,
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${endpoint.token}`,
      'x-binaan-client': endpoint.clientName ?? 'script',
      ...(options.language ? { 'accept-language': options.language } : {}),
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
    },
    body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Result | null; errors?: GraphQLErrorPayload[] };
  return {
    status: response.status,
    data: body.data ?? null,
    errors: body.errors ?? [],
    requestId: response.headers.get('x-request-id'),
  };
}

/**
 * Sends a document and returns its data; on any error throws a BinaanRequestError that still carries the
 * partial data and the request id.
 */
export async function requestBinaan<Result, Variables>(
  endpoint: BinaanEndpoint,
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<Result> {
  const answer = await sendBinaan(endpoint, document, variables, options);
  if (answer.errors.length || answer.status >= 400 || answer.data == null)
    throw new BinaanRequestError(answer.status, answer.errors, answer.data, answer.requestId);
  return answer.data;
}
