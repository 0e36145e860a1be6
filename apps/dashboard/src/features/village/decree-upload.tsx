// A designation's decree (SK) as a PDF: the one in force to download, and a form to upload a newer one.
// The size and type are checked here first (a 6 MB scan is refused before it is sent over a slow line),
// then again by the API, which keeps the file with its SHA-256 and never drops an earlier upload.
import { type FormEvent, useState } from 'react';
import { DASHBOARD_CLIENT_NAME } from '@binaan/client';
import { MAX_DECREE_PDF_BYTES } from '@binaan/domain';
import { ErrorSummary, Field } from '../../components/form/field';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { type FormErrors, noErrors } from '../../lib/mutation-errors';

interface DecreeDocument {
  fileName: string;
  byteSize: number;
  sha256: string;
  uploadedAt: string;
  /** This version's own address (earlier versions are kept and served too). */
  url: string;
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;
const fileSize = (bytes: number, locale: 'id' | 'en') =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`
    : `${formatNumber(megabytes(bytes), locale, 1)} MB`;

export function DecreeDocumentLink({ url, documents }: { url: string; documents: readonly DecreeDocument[] }) {
  const { t, locale } = useI18n();
  const [latest, ...earlier] = documents;
  if (!latest) return <span>{t('decree.none')}</span>;
  const describe = (document: DecreeDocument) =>
    `(${fileSize(document.byteSize, locale)} · ${formatDateTime(document.uploadedAt, locale)} · SHA-256 ${document.sha256.slice(0, 12)}…)`;
  return (
    <span>
      <a href={url} download={latest.fileName} data-testid="decree-download">
        {latest.fileName}
      </a>{' '}
      <span className="muted">{describe(latest)}</span>
      {earlier.length > 0 && (
        <details className="decree-versions">
          <summary>{t('decree.earlier', { count: earlier.length })}</summary>
          <ul>
            {earlier.map((document) => (
              <li key={document.sha256}>
                <a href={document.url} download={document.fileName}>
                  {document.fileName}
                </a>{' '}
                <span className="muted">{describe(document)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </span>
  );
}

export function DecreeUploadForm({ url, onUploaded }: { url: string; onUploaded: () => void }) {
  const { t, locale } = useI18n();
  const form = `decree-${url.replace(/[^A-Za-z0-9]/g, '')}`;
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const fieldError = (message: string) => setErrors({ fields: { file: message }, form: [] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!file) return fieldError(t('decree.choose'));
    if (file.size > MAX_DECREE_PDF_BYTES) {
      return fieldError(t('decree.tooLarge', { max: formatNumber(megabytes(MAX_DECREE_PDF_BYTES), locale) }));
    }
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) {
      return fieldError(t('decree.notPdf'));
    }
    setSending(true);
    try {
      const response = await fetch(url, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/pdf',
          'x-binaan-client': DASHBOARD_CLIENT_NAME,
          'x-file-name': encodeURIComponent(file.name),
          'accept-language': locale,
        },
        body: file,
      });
      if (response.status === 201) {
        setErrors(noErrors);
        setFile(null);
        setSaved(t('decree.saved', { name: file.name }));
        onUploaded();
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      fieldError(body?.error?.message ?? t('form.failed'));
    } catch {
      setErrors({ fields: {}, form: [t('form.failed')] });
    } finally {
      setSending(false);
    }
  };

  return (
    <form id={form} className="record-form" onSubmit={submit} noValidate aria-label={t('decree.upload')}>
      <ErrorSummary form={form} errors={errors} title={t('form.errorTitle')} labels={{ file: t('decree.file') }} />
      {saved && (
        <p role="status" className="form-saved">
          {saved}
        </p>
      )}
      <Field
        form={form}
        name="file"
        label={t('decree.file')}
        hint={t('decree.hint', { max: formatNumber(megabytes(MAX_DECREE_PDF_BYTES), locale) })}
        errors={errors}
        required
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept="application/pdf,.pdf"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <button type="submit" disabled={sending}>
        {sending ? t('form.saving') : t('decree.upload')}
      </button>
    </form>
  );
}
