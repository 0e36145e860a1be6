// The village's phones in the field app (apps/lapor): the office makes a one-time code, shown with a QR
// code the phone scans (or types), and sees each phone's last contact and reports sent; a lost phone is
// revoked and refused from its next request. The code is shown once; only its hash is kept.
import { type FormEvent, useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { Field } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { DataTable } from '../../components/ui/data-table';
import { csvFileName } from '../../lib/csv';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCreateDeviceEnrolment, useRevokeFieldDevice } from './field-device-query';

interface Issued {
  code: string;
  expiresAt: string;
  label: string;
  url: string;
}

interface Device {
  id: string;
  label: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  reportsSent: number;
}

export function FieldDevices({
  villageCode,
  devices,
  mayWrite,
}: {
  villageCode: string;
  devices: Device[];
  mayWrite: boolean;
}) {
  const { t, locale } = useI18n();
  const [issued, setIssued] = useState<Issued | null>(null);
  return (
    <>
      <DataTable
        caption={t('devices.list', { count: devices.filter((device) => !device.revokedAt).length })}
        rows={devices}
        rowKey={(device) => device.id}
        emptyMessage={t('devices.none')}
        csvFileName={csvFileName(['ponsel-lapor', villageCode])}
        csvLabel={t('common.exportCsv')}
        columns={[
          { key: 'label', header: t('devices.label'), cell: (device) => device.label },
          {
            key: 'enrolled',
            header: t('devices.enrolled'),
            cell: (device) => formatDateTime(device.createdAt, locale),
            csv: (device) => device.createdAt,
          },
          {
            key: 'lastSeen',
            header: t('devices.lastSeen'),
            cell: (device) => (device.lastSeenAt ? formatDateTime(device.lastSeenAt, locale) : '–'),
            csv: (device) => device.lastSeenAt ?? '',
          },
          {
            key: 'reports',
            header: t('devices.reportsSent'),
            numeric: true,
            cell: (device) => formatNumber(device.reportsSent, locale),
            csv: (device) => device.reportsSent,
          },
          {
            key: 'status',
            header: t('users.status'),
            cell: (device) =>
              device.revokedAt ? (
                t('devices.revokedOn', { time: formatDateTime(device.revokedAt, locale) })
              ) : mayWrite ? (
                <RevokeButton deviceId={device.id} label={device.label} />
              ) : (
                t('users.active')
              ),
            csv: (device) => device.revokedAt ?? '',
          },
        ]}
      />
      {mayWrite && (
        <details className="no-print">
          <summary>{t('devices.enrol')}</summary>
          <EnrolForm villageCode={villageCode} onIssued={setIssued} />
        </details>
      )}
      {issued && <EnrolmentCode issued={issued} />}
    </>
  );
}

const FORM = 'enrol-device';
const FIELDS = ['label', 'villageCode'] as const;

function EnrolForm({ villageCode, onIssued }: { villageCode: string; onIssued: (issued: Issued) => void }) {
  const { t } = useI18n();
  const [{ fetching }, create] = useCreateDeviceEnrolment();
  const [label, setLabel] = useState('');
  const outcome = useFormOutcome(FIELDS);
  const labels = { label: t('devices.label') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    if (!label.trim()) return outcome.invalid({ label: t('form.required') });
    const response = await create({ input: { villageCode, label } });
    const payload = response.data?.createDeviceEnrolment;
    if (payload?.__typename !== 'MutationCreateDeviceEnrolmentSuccess') return outcome.refuse(payload);
    onIssued({
      code: payload.data.code,
      expiresAt: payload.data.expiresAt,
      label: payload.data.label,
      url: `${window.location.origin}${payload.data.enrolmentPath}`,
    });
    outcome.succeed(t('devices.codeMade'));
    setLabel('');
  };

  return (
    <form id={FORM} className="record-form" onSubmit={submit} noValidate aria-label={t('devices.enrol')}>
      <FormOutcome form={FORM} outcome={outcome} labels={labels} />
      <Field
        form={FORM}
        name="label"
        label={labels.label}
        hint={t('devices.labelHint')}
        errors={outcome.errors}
        required
      >
        {(control) => <input {...control} value={label} onChange={(event) => setLabel(event.target.value)} />}
      </Field>
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('devices.makeCode')}
      </button>
    </form>
  );
}

/** The code in large letters and as a QR code of the field app's address with the code filled in. */
function EnrolmentCode({ issued }: { issued: Issued }) {
  const { t, locale } = useI18n();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(issued.url, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((drawn) => {
      if (current) setImage(drawn);
    });
    return () => {
      current = false;
    };
  }, [issued.url]);
  return (
    <div className="token-secret enrolment-code" role="status">
      <p>{t('devices.codeOnce', { label: issued.label, time: formatDateTime(issued.expiresAt, locale) })}</p>
      <code data-testid="enrolment-code">{issued.code}</code>
      {image && (
        <img className="qr" src={image} width={240} height={240} alt={t('devices.qr', { code: issued.code })} />
      )}
      <p className="field-hint">{issued.url}</p>
    </div>
  );
}

function RevokeButton({ deviceId, label }: { deviceId: string; label: string }) {
  const { t } = useI18n();
  const [{ fetching }, revoke] = useRevokeFieldDevice();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <details className="account-actions">
      <summary>{t('devices.revoke')}</summary>
      <div className="account-action-buttons">
        <button
          type="button"
          className="danger"
          disabled={fetching}
          onClick={async () => {
            const payload = (await revoke({ input: { deviceId } })).data?.revokeFieldDevice;
            setMessage(
              payload?.__typename === 'MutationRevokeFieldDeviceSuccess'
                ? t('devices.revoked', { label })
                : (payload?.message ?? t('form.failed')),
            );
          }}
        >
          {t('devices.revokeConfirm', { label })}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </details>
  );
}
