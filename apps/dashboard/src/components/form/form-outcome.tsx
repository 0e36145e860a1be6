// What a form shows after a save: the summary of what went wrong (each message beside its field too),
// or a short "saved" line. One hook holds that state, so each form only says what its mutation answered.
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { type ErrorPayload, type FormErrors, formErrors, noErrors } from '../../lib/mutation-errors';
import { ErrorSummary } from './field';

export interface FormOutcomeState {
  errors: FormErrors;
  saved: string | null;
  /** A save begins: the last "saved" line goes. */
  start(): void;
  /**
   * The API refused (its payload), or no answer came (null): what was typed stays. `moreFields` names
   * fields known only at this save (e.g. `attendance.3.memberId`, one per row sent).
   */
  refuse(payload: ErrorPayload | null | undefined, moreFields?: readonly string[]): void;
  /** Problems found before sending, per field. */
  invalid(fields: Record<string, string>): void;
  /** A message about the form as a whole (e.g. someone changed the record meanwhile). */
  conflict(message: string): void;
  succeed(message: string): void;
}

/** `known` lists the fields the form shows, by their path inside `input`; other errors go above the form. */
export function useFormOutcome(known: readonly string[]): FormOutcomeState {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState<string | null>(null);
  return {
    errors,
    saved,
    start: () => setSaved(null),
    refuse: (payload, moreFields = []) =>
      setErrors(payload ? formErrors(payload, [...known, ...moreFields]) : { fields: {}, form: [t('form.failed')] }),
    invalid: (fields) => setErrors({ fields, form: [] }),
    conflict: (message) => setErrors({ fields: {}, form: [message] }),
    succeed: (message) => {
      setErrors(noErrors);
      setSaved(message);
    },
  };
}

export function FormOutcome({
  form,
  outcome,
  labels,
}: {
  form: string;
  outcome: FormOutcomeState;
  labels: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      <ErrorSummary form={form} errors={outcome.errors} title={t('form.errorTitle')} labels={labels} />
      {outcome.saved && (
        <p role="status" className="form-saved">
          {outcome.saved}
        </p>
      )}
    </>
  );
}
