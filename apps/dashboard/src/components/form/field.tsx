// A labelled form control with its hint and its error beside it, wired for screen readers (aria-invalid,
// aria-describedby), and the error summary a form shows above itself after a failed save.
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../../lib/i18n';
import type { FormErrors } from '../../lib/mutation-errors';

export interface ControlProps {
  id: string;
  name: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export function Field({
  form,
  name,
  label,
  hint,
  errors,
  required = false,
  children,
}: {
  /** The form's id, so two forms on one page never share an element id. */
  form: string;
  name: string;
  label: string;
  hint?: string;
  errors: FormErrors;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = `${form}-${name}`;
  const error = errors.fields[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children({
        id,
        name,
        required: required || undefined,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
    </div>
  );
}

/**
 * Lists what went wrong after a failed save, each field's message linking to the field; takes focus so
 * a keyboard or screen-reader user hears it at once (the pattern of the GOV.UK error summary).
 */
export function ErrorSummary({
  form,
  errors,
  title,
  labels,
}: {
  form: string;
  errors: FormErrors;
  title: string;
  labels: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const fieldEntries = Object.entries(errors.fields);
  const shown = fieldEntries.length > 0 || errors.form.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [errors, shown]);
  if (!shown) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid={`${form}-errors`}>
      <p className="error-summary-title">{title}</p>
      <ul>
        {errors.form.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fieldEntries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${form}-${name}`}>
              {labels[name] ?? name}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A group of radio buttons or checkboxes with its legend and its error beside it: one step to choose,
 * or several reasons or agencies to tick. Each choice is a large target (a tablet's finger).
 */
export function ChoiceField<Value extends string>({
  form,
  name,
  inputName = name,
  label,
  errors,
  required = false,
  type,
  choices,
  selected,
  onChange,
  children,
}: {
  form: string;
  name: string;
  /** The inputs' `name`, when it must differ from the field's (radio groups are unique per page). */
  inputName?: string;
  label: string;
  errors: FormErrors;
  required?: boolean;
  type: 'radio' | 'checkbox';
  choices: readonly { value: Value; label: string }[];
  selected: readonly Value[];
  onChange: (value: Value, checked: boolean) => void;
  /** More controls inside the same group (e.g. a free-text "other"). */
  children?: ReactNode;
}) {
  const id = `${form}-${name}`;
  const error = errors.fields[name];
  return (
    <fieldset className={error ? 'field field-invalid' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div id={id}>
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type={type}
              name={inputName}
              value={choice.value}
              checked={selected.includes(choice.value)}
              onChange={(event) => onChange(choice.value, event.target.checked)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/**
 * A date as the village counts it: its own calendar day (WIB, WITA or WIT), never after today there.
 * The hint says which day "today" is where the village is.
 */
export function LocalDateField({
  form,
  name,
  label,
  errors,
  today,
  min,
  value,
  onChange,
  required = false,
}: {
  form: string;
  name: string;
  label: string;
  errors: FormErrors;
  /** Today where the village is (`todayInArea`). */
  today: string;
  min?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  const hint = t('designation.localDateHint', { date: today });
  return (
    <Field form={form} name={name} label={label} hint={hint} errors={errors} required={required}>
      {(control) => (
        <input
          {...control}
          type="date"
          max={today}
          min={min}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A choice from a list that is too long, or too plain, for radio buttons (an office, a role). */
export function SelectField<Value extends string>({
  form,
  name,
  label,
  errors,
  options,
  value,
  onChange,
  required = false,
  placeholder,
}: {
  form: string;
  name: string;
  label: string;
  errors: FormErrors;
  options: readonly { value: Value; label: string }[];
  value: Value | '';
  onChange: (value: Value) => void;
  required?: boolean;
  /** An empty first option ("Choose…"), when nothing is chosen yet. */
  placeholder?: string;
}) {
  return (
    <Field form={form} name={name} label={label} errors={errors} required={required}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value as Value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
