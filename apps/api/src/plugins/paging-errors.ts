// Pothos refuses a malformed cursor, or paging arguments that cannot go together ("after" with "last"),
// with an error that has no code and an English message. Both are the caller's mistake: they get
// BAD_USER_INPUT, as every other bad argument does, in the caller's language (messages.ts).
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Locale } from '../context.js';
import { localize } from '../messages.js';

const PAGING_MISTAKE =
  /^(?:Invalid cursor|Invalid offset cursor|Cursor must be a string|Expected compound cursor|Arguments? "(?:first|last|before|after)")/;

/** The error as a typed one if it is a paging mistake; otherwise unchanged. */
export function typedPagingError(error: GraphQLError, locale: Locale): GraphQLError {
  if (error.extensions['code'] || !PAGING_MISTAKE.test(error.message)) return error;
  return new GraphQLError(localize(error.message, locale), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}

export function usePagingErrors(): Plugin {
  return {
    onExecute({ args }) {
      const locale = (args.contextValue as unknown as { locale: Locale }).locale;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.some((error) => PAGING_MISTAKE.test(error.message))) return;
          setResult({ ...result, errors: result.errors.map((error) => typedPagingError(error, locale)) });
        },
      };
    },
  };
}
