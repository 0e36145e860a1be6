// The field app's one screen after enrolment: the village it reports for, the signal, the form, and the
// reports on the phone. Everything typed and saved lives in IndexedDB first; sending is the outbox's job.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type Enrolment, newOutboxReport, type OutboxReport, type ReportDraft } from '../outbox/model';
import { type OutboxScheduler, startOutbox } from '../outbox/scheduler';
import { store } from '../outbox/store';
import { emptyDraft, villageZone } from './draft-rules';
import { EnrolScreen } from './enrol';
import { OutboxList } from './outbox-list';
import { ReportForm } from './report-form';
import { text } from './text';

/** The form as typed (and which refused report it edits), kept across reloads: nothing typed is lost. */
interface FormState {
  draft: ReportDraft;
  editing: string | null;
}
const FORM_KEY = 'binaan-lapor-form';

function loadForm(timeZone: string): FormState {
  try {
    const saved = JSON.parse(localStorage.getItem(FORM_KEY) ?? 'null') as FormState | null;
    if (saved?.draft) return saved;
  } catch {
    // A damaged copy: start from an empty form.
  }
  return { draft: emptyDraft(timeZone), editing: null };
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function App() {
  const [enrolment, setEnrolment] = useState<Enrolment | null | undefined>(undefined);
  const [enrolAgain, setEnrolAgain] = useState(false);
  useEffect(() => {
    void store.enrolment().then(setEnrolment);
  }, []);
  if (enrolment === undefined) return <p class="screen">{text.loading}</p>;
  if (!enrolment || enrolAgain) {
    return (
      <EnrolScreen
        previous={enrolment}
        onEnrolled={(enrolled) => {
          setEnrolAgain(false);
          setEnrolment(enrolled);
        }}
      />
    );
  }
  return <Reporting enrolment={enrolment} onRevoked={setEnrolment} onEnrolAgain={() => setEnrolAgain(true)} />;
}

function Reporting({
  enrolment,
  onRevoked,
  onEnrolAgain,
}: {
  enrolment: Enrolment;
  onRevoked(enrolment: Enrolment): void;
  onEnrolAgain(): void;
}) {
  const zone = villageZone(enrolment.village.code);
  const online = useOnline();
  const [reports, setReports] = useState<OutboxReport[]>([]);
  const [form, setFormState] = useState<FormState>(() => loadForm(zone.timeZone));
  const [saved, setSaved] = useState(false);
  const scheduler = useRef<OutboxScheduler | null>(null);
  const formRef = useRef<HTMLDivElement>(null);

  const setForm = (next: FormState) => {
    setFormState(next);
    localStorage.setItem(FORM_KEY, JSON.stringify(next));
  };

  const refresh = useCallback(async () => {
    setReports(await store.reports());
    const current = await store.enrolment();
    if (current?.revoked && !enrolment.revoked) onRevoked(current);
  }, [enrolment, onRevoked]);

  useEffect(() => {
    void refresh();
    scheduler.current = startOutbox(() => void refresh());
    return () => scheduler.current?.stop();
  }, [refresh]);

  const save = async (draft: ReportDraft) => {
    const report = newOutboxReport(draft);
    if (form.editing) await store.replace(form.editing, report);
    else await store.put(report);
    setForm({ draft: emptyDraft(zone.timeZone), editing: null });
    setSaved(true);
    await refresh();
    scheduler.current?.kick(true);
  };

  const edit = (report: OutboxReport) => {
    setSaved(false);
    setForm({ draft: report.draft, editing: report.clientReference });
    formRef.current?.scrollIntoView();
    requestAnimationFrame(() => document.getElementById('type')?.focus());
  };

  const editing = form.editing ? reports.find((report) => report.clientReference === form.editing) : undefined;
  const pending = reports.filter((report) => report.state === 'waiting' || report.state === 'sending').length;

  return (
    <main class="screen">
      <header class="masthead">
        <p class="masthead__app">{text.appName}</p>
        <h1>
          {enrolment.village.name} <span class="masthead__area">· {enrolment.village.regencyName}</span>
        </h1>
        <p class={`signal ${online ? 'signal--on' : 'signal--off'}`} role="status">
          {online ? text.online : text.offline}
          {pending > 0 && ` · ${text.outbox.pending(pending)}`}
        </p>
        {pending > 0 && online && !enrolment.revoked && (
          <button type="button" onClick={() => scheduler.current?.kick(true)}>
            {text.outbox.sendNow}
          </button>
        )}
      </header>
      {enrolment.revoked && (
        <div class="notice notice--warning" role="alert">
          <p>
            <strong>{text.revoked.title}</strong>
          </p>
          <p>{text.revoked.body}</p>
          <button type="button" onClick={onEnrolAgain}>
            {text.enrol.again}
          </button>
        </div>
      )}
      {saved && (
        <p class="notice notice--ok" role="status">
          {text.form.saved}
        </p>
      )}
      <div ref={formRef}>
        <ReportForm
          key={form.editing ?? 'new'}
          draft={form.draft}
          zone={zone}
          editing={form.editing !== null}
          serverProblems={editing?.refusal?.fields}
          onChange={(draft) => {
            setSaved(false);
            setForm({ ...form, draft });
          }}
          onSave={save}
          onCancel={() => setForm({ draft: emptyDraft(zone.timeZone), editing: null })}
        />
      </div>
      <OutboxList
        reports={reports}
        onEdit={edit}
        onDiscard={async (report) => {
          await store.discard(report.clientReference);
          if (form.editing === report.clientReference) setForm({ draft: emptyDraft(zone.timeZone), editing: null });
          await refresh();
        }}
      />
    </main>
  );
}
