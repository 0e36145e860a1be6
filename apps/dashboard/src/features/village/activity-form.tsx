// Record an activity held in the village: a socialisation, a counselling session, a coordination or
// Timpora meeting, a task-force visit; with the agencies present, how many attended and the topics.
import { type FormEvent, useState } from 'react';
import { type ActivityType, activityTypes, commonAgencies, todayInArea } from '@binaan/domain';
import { ChoiceField, Field, LocalDateField, SelectField } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { useI18n } from '../../lib/i18n';
import { useRecordActivity } from './task-force-query';

const FIELDS = [
  'type',
  'title',
  'heldOn',
  'place',
  'officeCode',
  'agenciesPresent',
  'attendeeCount',
  'topics',
  'description',
  'villageCode',
] as const;

/** One entry per line; blank lines dropped. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function ActivityForm({
  village,
}: {
  village: { code: string; name: string; regency: { offices: readonly { code: string; name: string }[] } };
}) {
  const { t } = useI18n();
  const form = 'activity';
  const [{ fetching }, record] = useRecordActivity();
  const today = todayInArea(village.code);
  const [type, setType] = useState<ActivityType>('SOCIALISATION');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today);
  const [place, setPlace] = useState(`Balai Desa ${village.name}`);
  const [officeCode, setOfficeCode] = useState(village.regency.offices[0]?.code ?? '');
  const [agencies, setAgencies] = useState<string[]>([]);
  const [otherAgencies, setOtherAgencies] = useState('');
  const [attendeeCount, setAttendeeCount] = useState('');
  const [topics, setTopics] = useState('');
  const [description, setDescription] = useState('');
  const outcome = useFormOutcome(FIELDS);
  const labels: Record<string, string> = {
    type: t('activityForm.type'),
    title: t('activityForm.title'),
    heldOn: t('activityForm.heldOn'),
    place: t('trainingForm.place'),
    officeCode: t('designation.office'),
    agenciesPresent: t('activityForm.agencies'),
    attendeeCount: t('activityForm.attendeeCount'),
    topics: t('activityForm.topics'),
    description: t('activityForm.description'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    const count = Number(attendeeCount);
    const missing: Record<string, string> = {};
    if (!title.trim()) missing.title = t('form.required');
    if (!attendeeCount.trim() || !Number.isInteger(count)) missing.attendeeCount = t('activityForm.wholeNumber');
    if (Object.keys(missing).length) return outcome.invalid(missing);
    const response = await record({
      input: {
        type,
        title,
        heldOn,
        place,
        villageCode: village.code,
        officeCode,
        agenciesPresent: [...agencies, ...lines(otherAgencies)],
        attendeeCount: count,
        topics: lines(topics),
        ...(description.trim() ? { description } : {}),
      },
    });
    const payload = response.data?.recordActivity;
    if (payload?.__typename !== 'MutationRecordActivitySuccess') return outcome.refuse(payload);
    outcome.succeed(t('activityForm.recorded', { title: payload.data.title }));
    setTitle('');
    setAttendeeCount('');
    setTopics('');
    setDescription('');
  };

  return (
    <form id={form} className="record-form" onSubmit={submit} noValidate aria-label={t('activityForm.heading')}>
      <FormOutcome form={form} outcome={outcome} labels={labels} />
      <div className="form-row">
        <SelectField
          form={form}
          name="type"
          label={labels.type!}
          errors={outcome.errors}
          required
          options={activityTypes.map((value) => ({ value, label: t(`enums.activityType.${value}`) }))}
          value={type}
          onChange={setType}
        />
        <Field form={form} name="title" label={labels.title!} errors={outcome.errors} required>
          {(control) => <input {...control} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <LocalDateField
          form={form}
          name="heldOn"
          label={labels.heldOn!}
          errors={outcome.errors}
          today={today}
          value={heldOn}
          onChange={setHeldOn}
          required
        />
        <Field form={form} name="place" label={labels.place!} errors={outcome.errors} required>
          {(control) => <input {...control} value={place} onChange={(event) => setPlace(event.target.value)} />}
        </Field>
        <SelectField
          form={form}
          name="officeCode"
          label={labels.officeCode!}
          errors={outcome.errors}
          required
          options={village.regency.offices.map((office) => ({ value: office.code, label: office.name }))}
          value={officeCode}
          onChange={setOfficeCode}
        />
        <Field form={form} name="attendeeCount" label={labels.attendeeCount!} errors={outcome.errors} required>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={attendeeCount}
              onChange={(event) => setAttendeeCount(event.target.value)}
            />
          )}
        </Field>
      </div>
      <ChoiceField
        form={form}
        name="agenciesPresent"
        label={labels.agenciesPresent!}
        errors={outcome.errors}
        type="checkbox"
        choices={commonAgencies.map((agency) => ({ value: agency, label: agency }))}
        selected={agencies}
        onChange={(agency, checked) =>
          setAgencies(checked ? [...agencies, agency] : agencies.filter((other) => other !== agency))
        }
      >
        <label className="field-inline">
          {t('activityForm.otherAgencies')}
          <textarea rows={2} value={otherAgencies} onChange={(event) => setOtherAgencies(event.target.value)} />
        </label>
      </ChoiceField>
      <Field
        form={form}
        name="topics"
        label={labels.topics!}
        hint={t('activityForm.topicsHint')}
        errors={outcome.errors}
        required={type === 'TIMPORA_MEETING'}
      >
        {(control) => (
          <textarea {...control} rows={3} value={topics} onChange={(event) => setTopics(event.target.value)} />
        )}
      </Field>
      <Field form={form} name="description" label={labels.description!} errors={outcome.errors}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={5000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('activityForm.record')}
      </button>
    </form>
  );
}
