// Enrolment: the phone exchanges the office's one-time code (from the QR code's link, or typed) for its
// own credential. Needs signal once; nothing else does.
import { useEffect, useState } from 'preact/hooks';
import { EnrolDevice } from '../api/documents';
import { send } from '../api/send';
import type { Enrolment } from '../outbox/model';
import { store } from '../outbox/store';
import { text } from './text';

/** The code a QR code carries: /lapor/#kode=K7QD-M2XP. */
export const codeFromLink = (hash: string): string => new URLSearchParams(hash.replace(/^#/, '')).get('kode') ?? '';

export function EnrolScreen({
  onEnrolled,
  previous,
}: {
  onEnrolled(enrolment: Enrolment): void;
  previous: Enrolment | null;
}) {
  const [code, setCode] = useState(() => codeFromLink(location.hash));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A QR code scanned while the app is already open changes only the hash: take its code too.
  useEffect(() => {
    const fromLink = () => {
      const linked = codeFromLink(location.hash);
      if (linked) setCode(linked);
    };
    window.addEventListener('hashchange', fromLink);
    return () => window.removeEventListener('hashchange', fromLink);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!code.trim()) {
      setProblem(text.enrol.codeMissing);
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await send(EnrolDevice, { code: code.trim() }, null);
    setBusy(false);
    if (answer.kind === 'no-answer') return setProblem(text.enrol.noSignal);
    if (answer.kind !== 'data')
      return setProblem(answer.kind === 'unavailable' ? text.enrol.serverBusy : answer.message);
    const result = answer.data.enrolDevice;
    if (result.__typename !== 'MutationEnrolDeviceSuccess') return setProblem(result.message);
    const { credential, device } = result.data;
    const enrolment: Enrolment = {
      credential,
      deviceId: device.id,
      label: device.label,
      village: { code: device.village.code, name: device.village.name, regencyName: device.village.regency.name },
      enrolledAt: new Date().toISOString(),
      revoked: null,
    };
    await store.saveEnrolment(enrolment);
    // The code is used up: keep it out of the address bar and the history.
    history.replaceState(null, '', location.pathname);
    onEnrolled(enrolment);
  };

  return (
    <main class="screen">
      <h1>{text.enrol.title}</h1>
      {previous?.revoked && (
        <p class="notice notice--warning" role="status">
          {text.revoked.title}. {text.revoked.body}
        </p>
      )}
      <p>{text.enrol.intro}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="kode">{text.enrol.code}</label>
          <input
            id="kode"
            name="kode"
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby="kode-hint kode-problem"
          />
          <p id="kode-hint" class="hint">
            {text.enrol.codeHint}
          </p>
          {problem && (
            <p id="kode-problem" class="problem" role="alert">
              {problem}
            </p>
          )}
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? text.enrol.submitting : text.enrol.submit}
        </button>
      </form>
    </main>
  );
}
