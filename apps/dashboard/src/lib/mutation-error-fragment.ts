import { graphql } from '@binaan/client';

/**
 * What every form reads from a refused mutation: the message, and the field(s) it is about. Spread it
 * into a mutation's payload (`...MutationError`) so each form's document asks the same, once.
 */
export const MutationErrorFragment = graphql(`
  fragment MutationError on Error @_unmask {
    __typename
    message
    ... on InputValidationError { issues { path message } }
    ... on NotFoundError { path }
    ... on ConflictError { path }
    ... on ForbiddenError { path }
  }
`);
