// Mistakes in a request's input that graphql-js, the scalars or Pothos report in English, some without a
// code: a malformed cursor, paging arguments that cannot go together ("after" with "last"), a date that
// is not one, in the document or in a variable. Each is the caller's mistake: it reaches them in their
// language (messages.ts), typed as every other bad argument is. Done on the result, after the parse and
// validation cache, so a cached validation error is read in each caller's own language.
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Locale, localeOf } from '../context.js';
import { localize } from '../messages.js';

const PAGING_MISTAKE =
  /^(?:Invalid cursor|Invalid offset cursor|Cursor must be a string|Expected compound cursor|Arguments? "(?:first|last|before|after)")/;

/** graphql-js refusing a variable's value before running (wrong type, missing, null where it may not be). */
const REFUSED_VARIABLE = /^Variable "\$\w+" /;

/** graphql-js's prefix for a variable whose value its type refused; the type's own reason follows. */
const BAD_VARIABLE = /^(Variable "\$\w+" got invalid value .*?(?: at "[^"]+")?); (.+)$/s;

/** Is this one of our messages (messages.ts has it)? */
const ours = (message: string): boolean => localize(message, 'id') !== message;

/** The message in the caller's language and the code it should carry, if it is a mistake we know. */
function readAgain(error: GraphQLError, locale: Locale): { message: string; code: string } | undefined {
  if (!error.extensions['code'] && PAGING_MISTAKE.test(error.message))
    return { message: localize(error.message, locale), code: 'BAD_USER_INPUT' };
  // Every refused variable is the caller's mistake; read in their language when we know the reason.
  if (!error.extensions['code'] && REFUSED_VARIABLE.test(error.message)) {
    const [, prefix, reason] = BAD_VARIABLE.exec(error.message) ?? [];
    const known = prefix !== undefined && reason !== undefined && ours(reason);
    const read = known ? `${localize(prefix, locale)}; ${localize(reason, locale)}` : error.message;
    return { message: read, code: 'BAD_USER_INPUT' };
  }
  // A literal in the document: graphql-js reports the scalar's own error during validation, code kept.
  if (error.extensions['code'] === 'GRAPHQL_VALIDATION_FAILED' && ours(error.message))
    return { message: localize(error.message, locale), code: 'GRAPHQL_VALIDATION_FAILED' };
  return undefined;
}

/** The error in the caller's language, typed, if it is an input mistake we know; otherwise unchanged. */
export function typedInputMistake(error: GraphQLError, locale: Locale): GraphQLError {
  const known = readAgain(error, locale);
  if (!known || (known.message === error.message && known.code === error.extensions['code'])) return error;
  return new GraphQLError(known.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: known.code },
  });
}

function withTypedMistakes(result: ExecutionResult, locale: Locale): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) =>
    error instanceof GraphQLError ? typedInputMistake(error, locale) : error,
  );
  return errors.every((error, index) => error === result.errors![index]) ? result : { ...result, errors };
}

export function useInputMistakes(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      // Streams (none in this schema) are left as they are.
      if (Symbol.asyncIterator in (result as object)) return;
      const locale = localeOf(request);
      setResult(
        Array.isArray(result)
          ? result.map((one: ExecutionResult) => withTypedMistakes(one, locale))
          : withTypedMistakes(result as ExecutionResult, locale),
      );
    },
  };
}
