// Every form reads a mutation's answer the same way: the API returns typed errors in the payload, each
// naming its input field (`["input", "note"]`); a form shows each beside its field and the rest above.

interface ErrorIssue {
  path: readonly string[];
  message: string;
}

/** The parts of a mutation payload that say what went wrong (any of the API's Error types). */
export interface ErrorPayload {
  __typename: string;
  message?: string;
  path?: readonly string[] | null;
  issues?: readonly ErrorIssue[] | null;
}

export interface FormErrors {
  /** Messages per field, keyed by the field's path inside `input` (e.g. `note`, `attendance.0.memberId`). */
  fields: Record<string, string>;
  /** Messages about no single field (e.g. "sign in first", a network failure). */
  form: string[];
}

export const noErrors: FormErrors = { fields: {}, form: [] };

export const hasErrors = (errors: FormErrors): boolean =>
  errors.form.length > 0 || Object.keys(errors.fields).length > 0;

function fieldKey(path: readonly string[] | null | undefined): string | null {
  if (!path || path.length === 0) return null;
  const inside = path[0] === 'input' ? path.slice(1) : path;
  return inside.length ? inside.join('.') : null;
}

/**
 * Spreads a failed payload over the form's fields. `known` lists the fields the form shows; an error for
 * any other field goes to the form-level list, so no message is ever dropped.
 */
export function formErrors(payload: ErrorPayload, known: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, form: [] };
  const add = (path: readonly string[] | null | undefined, message: string) => {
    const key = fieldKey(path);
    if (key && known.includes(key)) {
      result.fields[key] = result.fields[key] ? `${result.fields[key]} ${message}` : message;
    } else if (key && known.some((field) => key.startsWith(`${field}.`))) {
      const field = known.find((candidate) => key.startsWith(`${candidate}.`))!;
      result.fields[field] = result.fields[field] ? `${result.fields[field]} ${message}` : message;
    } else {
      result.form.push(message);
    }
  };
  if (payload.issues?.length) for (const issue of payload.issues) add(issue.path, issue.message);
  else add(payload.path, payload.message ?? payload.__typename);
  return result;
}
