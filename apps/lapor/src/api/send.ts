// How the field app talks to the API: one POST per document, with the device credential. A built app
// sends only the document's trusted id (the API in production runs nothing else for a device); the dev
// server sends the text. The answer is sorted into what the outbox must do with it.
import { type TadaDocumentNode, trustedDocumentId, trustedDocumentText } from '@binaan/client';

/** Sent as `x-binaan-client`, so the API's logs and metrics tell the field app apart. */
export const FIELD_APP_CLIENT_NAME = 'lapor';
/** How long one request may take before the phone treats the network as gone (Slow 3G included). */
const REQUEST_TIMEOUT_MS = 45_000;

export type Answer<Result> =
  /** The API answered; typed errors are inside the data. */
  | { kind: 'data'; data: Result }
  /** The credential is refused: the office revoked this phone (or it never enrolled). */
  | { kind: 'unauthenticated'; message: string }
  /** The API will never take this request as it is (malformed, or not allowed): say why, do not retry. */
  | { kind: 'refused'; message: string }
  /** The API is there but cannot take it now (overloaded, restarting, rate limit): try again later. */
  | { kind: 'unavailable'; message: string }
  /** No answer at all: no signal, or the connection broke. Whether the server acted is unknown. */
  | { kind: 'no-answer'; message: string };

/** Error codes that no retry can change. */
const PERMANENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'FORBIDDEN']);

interface GraphQLBody<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function send<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  credential: string | null,
  dev = import.meta.env.DEV,
): Promise<Answer<Result>> {
  const operation = dev
    ? { query: trustedDocumentText(document), variables }
    : { variables, extensions: { persistedQuery: { version: 1, sha256Hash: trustedDocumentId(document) } } };
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'accept-language': 'id',
        'x-binaan-client': FIELD_APP_CLIENT_NAME,
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      },
      body: JSON.stringify(operation),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch (error) {
    return { kind: 'no-answer', message: error instanceof Error ? error.message : String(error) };
  }
  let body: GraphQLBody<Result>;
  try {
    body = (await response.json()) as GraphQLBody<Result>;
  } catch {
    // Cut while the answer arrived, or not our API (a captive portal's page): the server may have acted.
    return { kind: 'no-answer', message: `HTTP ${response.status}` };
  }
  const firstError = body.errors?.[0];
  if (response.status === 401 || firstError?.extensions?.code === 'UNAUTHENTICATED') {
    return { kind: 'unauthenticated', message: firstError?.message ?? 'UNAUTHENTICATED' };
  }
  if (firstError && PERMANENT_CODES.has(firstError.extensions?.code ?? '')) {
    return { kind: 'refused', message: firstError.message };
  }
  if (body.data == null || firstError) {
    return { kind: 'unavailable', message: firstError?.message ?? `HTTP ${response.status}` };
  }
  return { kind: 'data', data: body.data };
}
