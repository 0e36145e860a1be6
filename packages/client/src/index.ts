// @binaan/client: what an application needs to talk to the Binaan GraphQL API with types.
export { graphql, type FragmentOf, type ResultOf, type TadaDocumentNode, type VariablesOf } from './graphql.js';
export {
  BinaanRequestError,
  requestBinaan,
  sendBinaan,
  type BinaanEndpoint,
  type BinaanResponse,
  type GraphQLErrorPayload,
  type RequestOptions,
} from './request.js';
export {
  isDocumentNode,
  trustedDocumentId,
  trustedDocumentManifest,
  trustedDocumentText,
  type TrustedDocumentManifest,
} from './trusted-documents.js';

/** The client id the dashboard sends in `x-binaan-client`; the API holds it to its trusted documents. */
export const DASHBOARD_CLIENT_NAME = 'dashboard';
