// The report form: large fields, every problem beside its field (the phone's own check first, then what
// the server said of a refused report), and what is typed kept on the phone as it is typed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { reportTypes } from '@binaan/domain';
import type { ReportDraft } from '../outbox/model';
import { type DraftProblems, draftProblems } from './draft-rules';
import { reportTypeLabel, text } from './text';

interface Props {
  draft: ReportDraft;
  /** The village's zone: its dates are in it. */
  zone: { name: string; timeZone: string };
  /** What the server said about a refused report's fields. */
  serverProblems?: DraftProblems;
  editing: boolean;
  onChange(draft: ReportDraft): void;
  onSave(draft: ReportDraft): Promise<void>;
  onCancel?(): void;
}

const FIELD_ORDER: (keyof ReportDraft)[] = [
  'type',
  'occurredOn',
  'peopleInvolved',
  'description',
  'reporterName',
  'reporterPhone',
];

export function ReportForm({ draft, zone, serverProblems, editing, onChange, onSave, onCancel }: Props) {
  const [problems, setProblems] = useState<DraftProblems>(serverProblems ?? {});
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => setProblems(serverProblems ?? {}), [serverProblems]);

  const set = <K extends keyof ReportDraft>(field: K, value: ReportDraft[K]) => {
    onChange({ ...draft, [field]: value });
    if (problems[field]) setProblems({ ...problems, [field]: undefined });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = draftProblems(draft, zone.timeZone);
    setProblems(found);
    if (Object.values(found).some(Boolean)) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    try {
      await onSave(draft);
    } finally {
      setSaving(false);
    }
  };

  const listed = FIELD_ORDER.filter((field) => problems[field]);
  const described = (field: keyof ReportDraft, hint?: string) =>
    [hint && `${field}-hint`, problems[field] && `${field}-problem`].filter(Boolean).join(' ') || undefined;
  const problem = (field: keyof ReportDraft) =>
    problems[field] ? (
      <p id={`${field}-problem`} class="problem">
        {problems[field]}
      </p>
    ) : null;
  const invalid = (field: keyof ReportDraft) => (problems[field] ? true : undefined);

  return (
    <form class="report-form" onSubmit={submit} noValidate aria-labelledby="form-title">
      <h2 id="form-title">{editing ? text.form.editTitle : text.form.title}</h2>
      {listed.length > 0 && (
        <div class="notice notice--problem" tabIndex={-1} ref={summary} role="alert">
          <p>{text.form.problems}</p>
          <ul>
            {listed.map((field) => (
              <li key={field}>
                <a href={`#${field}`}>{problems[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for="type">{text.form.type}</label>
        <select
          id="type"
          value={draft.type}
          onChange={(event) => set('type', event.currentTarget.value as ReportDraft['type'])}
          aria-invalid={invalid('type')}
          aria-describedby={described('type')}
        >
          <option value="">{text.form.typeChoose}</option>
          {reportTypes.map((type) => (
            <option key={type} value={type}>
              {reportTypeLabel[type]}
            </option>
          ))}
        </select>
        {problem('type')}
      </div>
      <div class="field">
        <label for="occurredOn">{text.form.occurredOn}</label>
        <input
          id="occurredOn"
          type="date"
          value={draft.occurredOn}
          onInput={(event) => set('occurredOn', event.currentTarget.value)}
          aria-invalid={invalid('occurredOn')}
          aria-describedby={described('occurredOn', 'hint')}
        />
        <p id="occurredOn-hint" class="hint">
          {text.form.occurredOnHint(zone.name)}
        </p>
        {problem('occurredOn')}
      </div>
      <div class="field">
        <label for="peopleInvolved">{text.form.peopleInvolved}</label>
        <input
          id="peopleInvolved"
          type="number"
          inputMode="numeric"
          min={1}
          value={Number.isNaN(draft.peopleInvolved) ? '' : draft.peopleInvolved}
          onInput={(event) => set('peopleInvolved', event.currentTarget.valueAsNumber)}
          aria-invalid={invalid('peopleInvolved')}
          aria-describedby={described('peopleInvolved')}
        />
        {problem('peopleInvolved')}
      </div>
      <div class="field">
        <label for="description">{text.form.description}</label>
        <textarea
          id="description"
          rows={4}
          value={draft.description}
          onInput={(event) => set('description', event.currentTarget.value)}
          aria-invalid={invalid('description')}
          aria-describedby={described('description', 'hint')}
        />
        <p id="description-hint" class="hint">
          {text.form.descriptionHint}
        </p>
        {problem('description')}
      </div>
      <fieldset>
        <legend>{text.form.contact}</legend>
        <p class="hint">{text.form.contactHint}</p>
        <div class="field">
          <label for="reporterName">{text.form.reporterName}</label>
          <input
            id="reporterName"
            autocomplete="off"
            value={draft.reporterName}
            onInput={(event) => set('reporterName', event.currentTarget.value)}
            aria-invalid={invalid('reporterName')}
            aria-describedby={described('reporterName')}
          />
          {problem('reporterName')}
        </div>
        <div class="field">
          <label for="reporterPhone">{text.form.reporterPhone}</label>
          <input
            id="reporterPhone"
            type="tel"
            autocomplete="off"
            value={draft.reporterPhone}
            onInput={(event) => set('reporterPhone', event.currentTarget.value)}
            aria-invalid={invalid('reporterPhone')}
            aria-describedby={described('reporterPhone')}
          />
          {problem('reporterPhone')}
        </div>
      </fieldset>
      <p class="hint">{text.form.draftKept}</p>
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {editing ? text.form.saveEdited : text.form.save}
        </button>
        {editing && onCancel && (
          <button type="button" onClick={onCancel}>
            {text.form.cancelEdit}
          </button>
        )}
      </div>
    </form>
  );
}
