// Errors meant for the caller come back in the mutation payload as typed objects; anything else is
// masked by Yoga as "Unexpected error."
import { InputValidationError, type StandardSchemaV1 } from '@pothos/plugin-validation';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { listCost, listLengths } from '../query-cost.js';
import { localize, localizeIssue } from '../messages.js';

// Errors meant for the caller come back in the mutation payload as typed objects; anything else is
// masked by Yoga as "Unexpected error."

/**
 * The `isTypeOf` of a typed error: matches its class and notes the refusal on the request, so the log
 * tells a caller's mistake (warn) from a request that did what it asked (info).
 */
export function errorTypeOf(errorClass: abstract new (...args: never[]) => Error, name: string) {
  return (value: unknown, ctx: Context) => {
    if (!(value instanceof errorClass)) return false;
    ctx.refusals.add(name);
    return true;
  };
}

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'A problem with the request that the caller can fix. Nothing was written.',
  fields: (t) => ({
    message: t.string({
      description: "What went wrong, for a person to read, in the caller's language (Accept-Language: id or en).",
      resolve: (error, _args, ctx) =>
        error instanceof InputValidationError
          ? error.issues
              .map(
                (issue) =>
                  `${(issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.')}: ${localizeIssue(issue as never, ctx.locale)}`,
              )
              .join('; ')
          : localize(error.message, ctx.locale),
    }),
  }),
});

builder.objectType(Error, {
  name: 'BaseError',
  description: 'A problem with the request that has no more specific type.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(Error, 'BaseError'),
});

/** An error about one input field: `path` names it, e.g. `["input", "villageCode"]`. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly path: string[],
  ) {
    super(message);
  }
}

export class NotFoundError extends FieldError {
  override name = 'NotFoundError';
}

export class ConflictError extends FieldError {
  override name = 'ConflictError';
}

/** The caller may not do this, or not in this area. Nothing was written. */
export class ForbiddenError extends FieldError {
  override name = 'ForbiddenError';
}

/** A FieldError class as a schema type: its message and the input field it is about. */
function fieldErrorType(errorClass: typeof FieldError, description: string, pathDescription: string) {
  builder.objectType(errorClass, {
    name: errorClass.name,
    description,
    interfaces: [ErrorInterface],
    isTypeOf: errorTypeOf(errorClass, errorClass.name),
    fields: (t) => ({ path: t.exposeStringList('path', { description: pathDescription }) }),
  });
}

fieldErrorType(NotFoundError, 'Something the input refers to does not exist.', 'The input field that refers to it.');
fieldErrorType(
  ConflictError,
  'The input contradicts what is already recorded (a duplicate, or a record that changed meanwhile).',
  'The input field in conflict.',
);
fieldErrorType(
  ForbiddenError,
  'Your role or area does not allow this. Nothing was written.',
  'The input field that points outside what you may change, if any.',
);

const InputValidationIssue = builder.objectRef<StandardSchemaV1.Issue>('InputValidationIssue').implement({
  description: 'One invalid input field.',
  fields: (t) => ({
    message: t.string({
      description: "What is wrong with the field, in the caller's language.",
      resolve: (issue, _args, ctx) => localizeIssue(issue as never, ctx.locale),
    }),
    path: t.stringList({
      description: 'Where the field is, e.g. `["input", "peopleInvolved"]`.',
      resolve: (issue) => issue.path?.map((part) => String(typeof part === 'object' ? part.key : part)) ?? [],
    }),
  }),
});

builder.objectType(InputValidationError, {
  name: 'InputValidationError',
  description: 'Some input fields are invalid; each issue names its field.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(InputValidationError, 'InputValidationError'),
  fields: (t) => ({
    issues: t.field({
      ...listCost(listLengths.errorItems),
      type: [InputValidationIssue],
      description: 'The invalid fields.',
      resolve: (error) => error.issues,
    }),
  }),
});

/** The `errors` option of every mutation: the typed errors it can return, and its success payload. */
export const mutationErrors = {
  types: [InputValidationError, NotFoundError, ConflictError, ForbiddenError],
  dataField: { description: 'The record as stored.' },
};

/** A bad value the schema alone cannot judge (it depends on the record): reported like any invalid field. */
export function invalidField(message: string, path: string[]): InputValidationError {
  return new InputValidationError({ issues: [{ message, path }] });
}

/** The message for a workflow step the record's status does not allow, naming the steps it does. */
export function cannotMoveMessage<Status extends string>(
  record: 'report' | 'designation' | 'signal',
  from: Status,
  to: Status,
  transitions: Record<Status, readonly Status[]>,
): string {
  const allowed = transitions[from];
  return allowed.length
    ? `A ${from} ${record} cannot become ${to} (allowed: ${allowed.join(', ')}).`
    : `A ${from} ${record} cannot become ${to}.`;
}

/**
 * Collects what a write finds wrong with the records it refers to, so the caller learns of every invalid
 * field at once rather than one per attempt. One problem keeps its own type (NotFoundError, ConflictError,
 * …); several come back together as one InputValidationError, each issue naming its field.
 */
export class Problems {
  private readonly found: (FieldError | InputValidationError)[] = [];

  add(error: FieldError | InputValidationError): void {
    this.found.push(error);
  }

  /** Runs a check that throws a typed error, keeping its error instead. Anything else still throws. */
  check(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (error instanceof ForbiddenError) throw error;
      if (error instanceof FieldError || error instanceof InputValidationError) this.add(error);
      else throw error;
    }
  }

  get count(): number {
    return this.found.length;
  }

  /** Throws what was found, if anything. */
  throwIfAny(): void {
    if (this.found.length === 1) throw this.found[0];
    if (this.found.length > 1) {
      throw new InputValidationError({
        issues: this.found.flatMap((error) =>
          error instanceof InputValidationError ? [...error.issues] : [{ message: error.message, path: error.path }],
        ),
      });
    }
  }
}
