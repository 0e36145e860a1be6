// The office's task-force work on the village page: add a member, correct or end one, and record a
// training session held in the village with each member's attendance per module. The API checks the
// area, the dates and that every attendee belongs to this village's task force; these forms show what it
// says beside each field (or each member's row) and keep what was typed.
import { type FormEvent, useState } from 'react';
import { type TaskForceRole, taskForceRoles, todayInArea, traineeRoles } from '@binaan/domain';
import { ChoiceField, Field, LocalDateField, SelectField } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { useI18n } from '../../lib/i18n';
import {
  useAddTaskForceMember,
  useEndTaskForceMembership,
  useRecordTrainingSession,
  useUpdateTaskForceMember,
} from './task-force-query';

/** Radio groups and ids must be unique on a page that shows several designations and members. */
const formId = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9]/g, '')}`;

export interface MemberRow {
  id: string;
  version: number;
  role: TaskForceRole;
  fullName: string | null;
  phone: string | null;
  joinedOn: string;
  leftOn: string | null;
}

const ADD_FIELDS = ['role', 'fullName', 'phone', 'joinedOn', 'designationId'] as const;

export function AddMemberForm({ designationId, villageCode }: { designationId: string; villageCode: string }) {
  const { t } = useI18n();
  const form = formId('add-member', designationId);
  const [{ fetching }, add] = useAddTaskForceMember();
  const today = todayInArea(villageCode);
  const [role, setRole] = useState<TaskForceRole>('VILLAGE_OFFICIAL');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [joinedOn, setJoinedOn] = useState(today);
  const outcome = useFormOutcome(ADD_FIELDS);
  const roleOptions = taskForceRoles.map((value) => ({ value, label: t(`enums.role.${value}`) }));
  const labels: Record<string, string> = {
    role: t('taskForce.role'),
    fullName: t('taskForce.fullName'),
    phone: t('taskForce.phone'),
    joinedOn: t('taskForce.joinedOn'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    if (!fullName.trim()) return outcome.invalid({ fullName: t('form.required') });
    const response = await add({
      input: { designationId, role, fullName, joinedOn, ...(phone.trim() ? { phone: phone.trim() } : {}) },
    });
    const payload = response.data?.addTaskForceMember;
    if (payload?.__typename !== 'MutationAddTaskForceMemberSuccess') return outcome.refuse(payload);
    outcome.succeed(t('taskForce.added', { name: fullName.trim() }));
    setFullName('');
    setPhone('');
  };

  return (
    <form id={form} className="record-form" onSubmit={submit} noValidate aria-label={t('taskForce.add')}>
      <FormOutcome form={form} outcome={outcome} labels={labels} />
      <div className="form-row">
        <SelectField
          form={form}
          name="role"
          label={labels.role!}
          errors={outcome.errors}
          required
          options={roleOptions}
          value={role}
          onChange={setRole}
        />
        <LocalDateField
          form={form}
          name="joinedOn"
          label={labels.joinedOn!}
          errors={outcome.errors}
          today={today}
          value={joinedOn}
          onChange={setJoinedOn}
          required
        />
      </div>
      <div className="form-row">
        <Field
          form={form}
          name="fullName"
          label={labels.fullName!}
          hint={t('designation.personalHint')}
          errors={outcome.errors}
          required
        >
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={fullName}
              onChange={(event) => setFullName(event.target.value)}
            />
          )}
        </Field>
        <Field form={form} name="phone" label={labels.phone!} hint={t('taskForce.phoneHint')} errors={outcome.errors}>
          {(control) => (
            <input
              {...control}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('taskForce.add')}
      </button>
    </form>
  );
}

const EDIT_FIELDS = ['role', 'fullName', 'phone', 'memberId', 'expectedVersion'] as const;
const END_FIELDS = ['leftOn', 'memberId', 'expectedVersion'] as const;

/** Correct a current member (role, name, phone) or record that they left. */
export function MemberActions({
  member,
  villageCode,
  mayEnterPersonal,
}: {
  member: MemberRow;
  villageCode: string;
  mayEnterPersonal: boolean;
}) {
  const { t } = useI18n();
  const editForm = formId('edit-member', member.id);
  const endForm = formId('end-member', member.id);
  const [{ fetching: saving }, update] = useUpdateTaskForceMember();
  const [{ fetching: ending }, end] = useEndTaskForceMembership();
  const today = todayInArea(villageCode);
  const [role, setRole] = useState<TaskForceRole>(member.role);
  const [fullName, setFullName] = useState(member.fullName ?? '');
  const [phone, setPhone] = useState(member.phone ?? '');
  const [leftOn, setLeftOn] = useState(today);
  const edit = useFormOutcome(EDIT_FIELDS);
  const roleOptions = taskForceRoles.map((value) => ({ value, label: t(`enums.role.${value}`) }));
  const ended = useFormOutcome(END_FIELDS);
  const labels: Record<string, string> = {
    role: t('taskForce.role'),
    fullName: t('taskForce.fullName'),
    phone: t('taskForce.phone'),
    leftOn: t('taskForce.leftOn'),
  };
  const changedMeanwhile = t('taskForce.changedMeanwhile');

  const submitEdit = async (event: FormEvent) => {
    event.preventDefault();
    edit.start();
    const response = await update({
      input: {
        memberId: member.id,
        expectedVersion: member.version,
        ...(role !== member.role ? { role } : {}),
        ...(mayEnterPersonal && fullName.trim() && fullName !== member.fullName ? { fullName } : {}),
        ...(mayEnterPersonal && phone !== (member.phone ?? '') ? { phone: phone.trim() } : {}),
      },
    });
    const payload = response.data?.updateTaskForceMember;
    if (payload?.__typename === 'TaskForceMemberChangedError') return edit.conflict(changedMeanwhile);
    if (payload?.__typename !== 'MutationUpdateTaskForceMemberSuccess') return edit.refuse(payload);
    edit.succeed(t('form.saved'));
  };

  const submitEnd = async (event: FormEvent) => {
    event.preventDefault();
    ended.start();
    const response = await end({ input: { memberId: member.id, expectedVersion: member.version, leftOn } });
    const payload = response.data?.endTaskForceMembership;
    if (payload?.__typename === 'TaskForceMemberChangedError') return ended.conflict(changedMeanwhile);
    if (payload?.__typename !== 'MutationEndTaskForceMembershipSuccess') return ended.refuse(payload);
    ended.succeed(t('taskForce.ended'));
  };

  return (
    <details className="no-print member-actions">
      <summary>{t('taskForce.change')}</summary>
      <form id={editForm} className="record-form" onSubmit={submitEdit} noValidate aria-label={t('taskForce.edit')}>
        <FormOutcome form={editForm} outcome={edit} labels={labels} />
        <SelectField
          form={editForm}
          name="role"
          label={labels.role!}
          errors={edit.errors}
          required
          options={roleOptions}
          value={role}
          onChange={setRole}
        />
        {mayEnterPersonal && (
          <div className="form-row">
            <Field form={editForm} name="fullName" label={labels.fullName!} errors={edit.errors}>
              {(control) => (
                <input
                  {...control}
                  autoComplete="off"
                  value={fullName}
                  onChange={(event) => setFullName(event.target.value)}
                />
              )}
            </Field>
            <Field form={editForm} name="phone" label={labels.phone!} errors={edit.errors}>
              {(control) => (
                <input
                  {...control}
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  value={phone}
                  onChange={(event) => setPhone(event.target.value)}
                />
              )}
            </Field>
          </div>
        )}
        <button type="submit" disabled={saving}>
          {saving ? t('form.saving') : t('form.save')}
        </button>
      </form>
      <form id={endForm} className="record-form" onSubmit={submitEnd} noValidate aria-label={t('taskForce.end')}>
        <FormOutcome form={endForm} outcome={ended} labels={labels} />
        <LocalDateField
          form={endForm}
          name="leftOn"
          label={labels.leftOn!}
          errors={ended.errors}
          today={today}
          min={member.joinedOn}
          value={leftOn}
          onChange={setLeftOn}
          required
        />
        <button type="submit" className="button-secondary" disabled={ending}>
          {ending ? t('form.saving') : t('taskForce.end')}
        </button>
      </form>
    </details>
  );
}

/** A member's mark for one module: absent, present, or present and completed (material and assessment). */
type Mark = 'ABSENT' | 'ATTENDED' | 'COMPLETED';
const marks: readonly Mark[] = ['ABSENT', 'ATTENDED', 'COMPLETED'];

const SESSION_FIELDS = ['officeCode', 'heldOn', 'place', 'moduleCodes', 'attendance', 'villageCode'] as const;

export function TrainingSessionForm({
  village,
  members,
  modules,
}: {
  village: { code: string; name: string; regency: { offices: readonly { code: string; name: string }[] } };
  /** Current members of the village's task force(s). */
  members: readonly {
    id: string;
    role: TaskForceRole;
    fullName: string | null;
    completedModules: readonly { code: string }[];
  }[];
  modules: readonly { code: string; name: string }[];
}) {
  const { t } = useI18n();
  const form = 'training-session';
  const [{ fetching }, record] = useRecordTrainingSession();
  const today = todayInArea(village.code);
  const trainees = members.filter((member) => (traineeRoles as readonly string[]).includes(member.role));
  const [officeCode, setOfficeCode] = useState(village.regency.offices[0]?.code ?? '');
  const [heldOn, setHeldOn] = useState(today);
  const [place, setPlace] = useState(`Balai Desa ${village.name}`);
  const [moduleCodes, setModuleCodes] = useState<string[]>([]);
  const [markOf, setMarkOf] = useState<Record<string, Mark>>({});
  // Which member each attendance row sent was about, so a refusal shows beside the member's row.
  const [sentMembers, setSentMembers] = useState<string[]>([]);
  const rowField = (index: number) => `attendance.${index}.memberId`;
  const outcome = useFormOutcome(SESSION_FIELDS);
  const labels: Record<string, string> = {
    officeCode: t('designation.office'),
    heldOn: t('trainingForm.heldOn'),
    place: t('trainingForm.place'),
    moduleCodes: t('trainingForm.modules'),
    attendance: t('trainingForm.attendance'),
    ...Object.fromEntries(
      sentMembers.map((memberId, index) => {
        const member = trainees.find((candidate) => candidate.id === memberId);
        return [rowField(index), member ? memberLabel(member) : t('trainingForm.attendance')];
      }),
    ),
  };
  function memberLabel(member: (typeof trainees)[number]) {
    return member.fullName ?? t(`enums.role.${member.role}`);
  }
  const mark = (memberId: string, moduleCode: string): Mark => markOf[`${memberId}/${moduleCode}`] ?? 'ATTENDED';
  const rowError = (memberId: string) =>
    sentMembers
      .map((sent, index) => (sent === memberId ? outcome.errors.fields[rowField(index)] : undefined))
      .find(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    if (moduleCodes.length === 0) return outcome.invalid({ moduleCodes: t('trainingForm.pickModule') });
    const attendance = trainees.flatMap((member) =>
      moduleCodes
        .filter((code) => mark(member.id, code) !== 'ABSENT')
        .map((code) => ({ memberId: member.id, moduleCode: code, completed: mark(member.id, code) === 'COMPLETED' })),
    );
    setSentMembers(attendance.map((row) => row.memberId));
    const response = await record({
      input: { officeCode, heldOn, place, villageCode: village.code, moduleCodes, attendance },
    });
    const payload = response.data?.recordTrainingSession;
    if (payload?.__typename !== 'MutationRecordTrainingSessionSuccess') {
      return outcome.refuse(
        payload,
        attendance.map((_, index) => rowField(index)),
      );
    }
    const completed = payload.data.attendances.filter((row) => row.completed).length;
    outcome.succeed(t('trainingForm.recorded', { count: completed }));
    setModuleCodes([]);
    setMarkOf({});
  };

  return (
    <form id={form} className="record-form" onSubmit={submit} noValidate aria-label={t('trainingForm.title')}>
      <FormOutcome form={form} outcome={outcome} labels={labels} />
      <div className="form-row">
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
      </div>
      <ChoiceField
        form={form}
        name="moduleCodes"
        label={labels.moduleCodes!}
        errors={outcome.errors}
        required
        type="checkbox"
        choices={modules.map((module) => ({ value: module.code, label: module.name }))}
        selected={moduleCodes}
        onChange={(code, checked) =>
          setModuleCodes(checked ? [...moduleCodes, code] : moduleCodes.filter((other) => other !== code))
        }
      />
      {moduleCodes.length > 0 && (
        <fieldset className="field attendance" aria-describedby="training-session-attendance-hint">
          <legend>{labels.attendance}</legend>
          <p className="field-hint" id="training-session-attendance-hint">
            {t('trainingForm.attendanceHint')}
          </p>
          {outcome.errors.fields.attendance && <p className="field-error">{outcome.errors.fields.attendance}</p>}
          <table className="attendance-grid">
            <thead>
              <tr>
                <th scope="col">{t('trainingForm.member')}</th>
                {moduleCodes.map((code) => (
                  <th scope="col" key={code}>
                    {modules.find((module) => module.code === code)?.name ?? code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trainees.map((member) => {
                const error = rowError(member.id);
                return (
                  <tr key={member.id} className={error ? 'row-invalid' : undefined}>
                    <th scope="row">
                      {memberLabel(member)}
                      <span className="muted"> · {t(`enums.role.${member.role}`)}</span>
                      {error && <p className="field-error">{error}</p>}
                    </th>
                    {moduleCodes.map((code) => {
                      const done = member.completedModules.some((module) => module.code === code);
                      return (
                        <td key={code}>
                          <select
                            aria-label={`${memberLabel(member)} · ${modules.find((module) => module.code === code)?.name ?? code}`}
                            aria-invalid={error ? true : undefined}
                            value={mark(member.id, code)}
                            onChange={(event) =>
                              setMarkOf({ ...markOf, [`${member.id}/${code}`]: event.target.value as Mark })
                            }
                          >
                            {marks.map((value) => (
                              <option key={value} value={value}>
                                {t(`trainingForm.mark.${value}`)}
                              </option>
                            ))}
                          </select>
                          {done && <span className="muted"> {t('trainingForm.alreadyDone')}</span>}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      )}
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('trainingForm.record')}
      </button>
    </form>
  );
}
