// The office's designation work on the village page: designate the village under a programme variant,
// and record each later change of status (inaugurate, suspend, resume, end) from the day it took effect.
// The API checks the area, the office's working area and every date; these forms show what it says,
// beside each field, and keep what was typed.
import { type FormEvent, useState } from 'react';
import {
  type DesignationStatus,
  designationStatusesNeedingReason,
  designationTransitions,
  FAR_FROM_OFFICE_KM,
  type ProgrammeVariant,
  variantsForVillageKind,
  type SelectionReason,
  selectionReasons,
  todayInArea,
} from '@binaan/domain';
import { ChoiceField, Field, LocalDateField, SelectField } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { useI18n } from '../../lib/i18n';
import { useChangeDesignationStatus, useDesignateVillage } from './designation-query';

interface VillageFacts {
  code: string;
  kind: 'DESA' | 'KELURAHAN';
  isLandBorder: boolean;
  isSeaBorder: boolean;
  isMigrantWorkerSendingArea: boolean;
  distanceToOfficeKm: number | null;
  regency: { offices: readonly { code: string; name: string }[] };
  designations: readonly { variant: ProgrammeVariant }[];
}

/** The reasons the village's own facts give, offered ticked. */
function reasonsOf(village: VillageFacts): SelectionReason[] {
  return selectionReasons.filter(
    (reason) =>
      (reason === 'BORDER_AREA' && (village.isLandBorder || village.isSeaBorder)) ||
      (reason === 'MIGRANT_WORKER_SENDING_AREA' && village.isMigrantWorkerSendingArea) ||
      (reason === 'FAR_FROM_OFFICE' && (village.distanceToOfficeKm ?? 0) > FAR_FROM_OFFICE_KM),
  );
}

const DESIGNATE = 'designate';
const DESIGNATE_FIELDS = [
  'variant',
  'year',
  'officeCode',
  'status',
  'inauguratedOn',
  'decreeNumber',
  'decreeDate',
  'officerName',
  'selectionReasons',
  'villageCode',
] as const;

export function DesignateForm({ village, mayEnterPersonal }: { village: VillageFacts; mayEnterPersonal: boolean }) {
  const { t } = useI18n();
  const [{ fetching }, designate] = useDesignateVillage();
  const free = variantsForVillageKind(village.kind).filter(
    (variant) => !village.designations.some((taken) => taken.variant === variant),
  );
  const today = todayInArea(village.code);
  const [variant, setVariant] = useState<ProgrammeVariant>(
    free.includes(village.kind === 'KELURAHAN' ? 'KELURAHAN_BINAAN' : 'DESA_BINAAN')
      ? village.kind === 'KELURAHAN'
        ? 'KELURAHAN_BINAAN'
        : 'DESA_BINAAN'
      : free[0]!,
  );
  const [year, setYear] = useState(today.slice(0, 4));
  const [officeCode, setOfficeCode] = useState(village.regency.offices[0]?.code ?? '');
  const [status, setStatus] = useState<'PLANNED' | 'ACTIVE'>('PLANNED');
  const [inauguratedOn, setInauguratedOn] = useState('');
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState('');
  const [officerName, setOfficerName] = useState('');
  const [reasons, setReasons] = useState<SelectionReason[]>(reasonsOf(village));
  const outcome = useFormOutcome(DESIGNATE_FIELDS);
  if (free.length === 0) return null;

  const labels: Record<string, string> = {
    variant: t('designation.variant'),
    year: t('designation.year'),
    officeCode: t('designation.office'),
    status: t('designation.initialStatus'),
    inauguratedOn: t('designation.inauguratedOn'),
    decreeNumber: t('designation.decreeNumber'),
    decreeDate: t('designation.decreeDate'),
    officerName: t('designation.officerName'),
    selectionReasons: t('designation.reasons'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    const response = await designate({
      input: {
        villageCode: village.code,
        variant,
        officeCode,
        year: Number(year),
        status,
        ...(status === 'ACTIVE' && inauguratedOn ? { inauguratedOn } : {}),
        ...(decreeNumber.trim() ? { decreeNumber } : {}),
        ...(decreeDate ? { decreeDate } : {}),
        ...(officerName.trim() ? { officerName } : {}),
        selectionReasons: reasons,
      },
    });
    const payload = response.data?.designateVillage;
    if (payload?.__typename !== 'MutationDesignateVillageSuccess') return outcome.refuse(payload);
    outcome.succeed(t('designation.designated', { variant: t(`enums.variant.${payload.data.variant}`) }));
  };

  return (
    <form id={DESIGNATE} className="record-form" onSubmit={submit} noValidate aria-label={t('designation.designate')}>
      <FormOutcome form={DESIGNATE} outcome={outcome} labels={labels} />
      <div className="form-row">
        <SelectField
          form={DESIGNATE}
          name="variant"
          label={labels.variant!}
          errors={outcome.errors}
          required
          options={free.map((value) => ({ value, label: t(`enums.variant.${value}`) }))}
          value={variant}
          onChange={setVariant}
        />
        <Field form={DESIGNATE} name="year" label={labels.year!} errors={outcome.errors} required>
          {(control) => (
            <input {...control} inputMode="numeric" value={year} onChange={(event) => setYear(event.target.value)} />
          )}
        </Field>
        <SelectField
          form={DESIGNATE}
          name="officeCode"
          label={labels.officeCode!}
          errors={outcome.errors}
          required
          options={village.regency.offices.map((office) => ({ value: office.code, label: office.name }))}
          value={officeCode}
          onChange={setOfficeCode}
        />
      </div>
      <ChoiceField
        form={DESIGNATE}
        name="status"
        inputName="designate-status"
        label={labels.status!}
        errors={outcome.errors}
        type="radio"
        choices={(['PLANNED', 'ACTIVE'] as const).map((value) => ({
          value,
          label: t(`designation.initial.${value}`),
        }))}
        selected={[status]}
        onChange={(value) => setStatus(value)}
      />
      {status === 'ACTIVE' && (
        <LocalDateField
          form={DESIGNATE}
          name="inauguratedOn"
          label={labels.inauguratedOn!}
          errors={outcome.errors}
          today={today}
          value={inauguratedOn}
          onChange={setInauguratedOn}
          required
        />
      )}
      <div className="form-row">
        <Field form={DESIGNATE} name="decreeNumber" label={labels.decreeNumber!} errors={outcome.errors}>
          {(control) => (
            <input {...control} value={decreeNumber} onChange={(event) => setDecreeNumber(event.target.value)} />
          )}
        </Field>
        <LocalDateField
          form={DESIGNATE}
          name="decreeDate"
          label={labels.decreeDate!}
          errors={outcome.errors}
          today={today}
          value={decreeDate}
          onChange={setDecreeDate}
        />
      </div>
      {mayEnterPersonal && (
        <Field
          form={DESIGNATE}
          name="officerName"
          label={labels.officerName!}
          hint={t('designation.personalHint')}
          errors={outcome.errors}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={officerName}
              onChange={(event) => setOfficerName(event.target.value)}
            />
          )}
        </Field>
      )}
      <ChoiceField
        form={DESIGNATE}
        name="selectionReasons"
        label={labels.selectionReasons!}
        errors={outcome.errors}
        type="checkbox"
        choices={selectionReasons.map((reason) => ({ value: reason, label: t(`enums.reason.${reason}`) }))}
        selected={reasons}
        onChange={(reason, checked) =>
          setReasons(checked ? [...reasons, reason] : reasons.filter((other) => other !== reason))
        }
      />
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('designation.designate')}
      </button>
    </form>
  );
}

/** What a step is called where it starts: ACTIVE is an inauguration from PLANNED, a resumption from SUSPENDED. */
function stepName(from: DesignationStatus, to: DesignationStatus) {
  if (to === 'ACTIVE') return from === 'PLANNED' ? 'INAUGURATE' : 'RESUME';
  return to === 'SUSPENDED' ? 'SUSPEND' : 'END';
}

const CHANGE_FIELDS = ['toStatus', 'effectiveOn', 'reason', 'expectedStatus'] as const;

export function StatusChangeForm({
  designation,
  villageCode,
}: {
  designation: { id: string; status: DesignationStatus };
  villageCode: string;
}) {
  const { t } = useI18n();
  const form = `status-${designation.id.replace(/[^A-Za-z0-9]/g, '')}`;
  const [{ fetching }, change] = useChangeDesignationStatus();
  const today = todayInArea(villageCode);
  const steps = designationTransitions[designation.status] as readonly DesignationStatus[];
  const [toStatus, setToStatus] = useState<DesignationStatus | ''>('');
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [reason, setReason] = useState('');
  const outcome = useFormOutcome(CHANGE_FIELDS);
  if (steps.length === 0) return null;
  const needsReason = (designationStatusesNeedingReason as readonly string[]).includes(toStatus);
  const labels: Record<string, string> = {
    toStatus: t('designation.newStatus'),
    effectiveOn: t('designation.effectiveOn'),
    reason: t('designation.reason'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    if (!toStatus) return outcome.invalid({ toStatus: t('form.required') });
    const response = await change({
      input: {
        designationId: designation.id,
        toStatus,
        effectiveOn,
        expectedStatus: designation.status,
        ...(reason.trim() ? { reason } : {}),
      },
    });
    const payload = response.data?.changeDesignationStatus;
    if (payload?.__typename === 'MutationChangeDesignationStatusSuccess') {
      setToStatus('');
      setReason('');
      return outcome.succeed(t('designation.changed', { status: t(`enums.designationStatus.${payload.data.status}`) }));
    }
    if (payload?.__typename === 'DesignationChangedError') {
      setToStatus('');
      return outcome.conflict(
        t('designation.changedMeanwhile', { status: t(`enums.designationStatus.${payload.designation.status}`) }),
      );
    }
    outcome.refuse(payload);
  };

  return (
    <form id={form} className="record-form" onSubmit={submit} noValidate aria-label={t('designation.changeStatus')}>
      <FormOutcome form={form} outcome={outcome} labels={labels} />
      <ChoiceField
        form={form}
        name="toStatus"
        inputName={`${form}-toStatus`}
        label={labels.toStatus!}
        errors={outcome.errors}
        required
        type="radio"
        choices={steps.map((step) => ({
          value: step,
          label: t(`designation.steps.${stepName(designation.status, step)}`),
        }))}
        selected={toStatus ? [toStatus] : []}
        onChange={(step) => setToStatus(step)}
      />
      <div className="form-row">
        <LocalDateField
          form={form}
          name="effectiveOn"
          label={labels.effectiveOn!}
          errors={outcome.errors}
          today={today}
          value={effectiveOn}
          onChange={setEffectiveOn}
          required
        />
      </div>
      <Field form={form} name="reason" label={labels.reason!} errors={outcome.errors} required={needsReason}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('form.save')}
      </button>
    </form>
  );
}
