// One report: where it came from, what it says, its timeline, and (for officers who may write in its
// area) the form that takes it to its next step. The API enforces the area and the workflow; the form
// sends the status it showed, so a second officer acting meanwhile is told and shown the report as it is.
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { commonAgencies, reportStepRequires, reportTransitions } from '@binaan/domain';
import type { ResultOf } from '@binaan/client';
import { ChoiceField, Field } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { type ReportDetailFragment, useReport, useTransitionReport } from './report-query';
import { ReportTimeline } from '../../components/reports/report-timeline';
import { UrgencyBadge } from '../../components/reports/urgency-badge';

type Report = ResultOf<typeof ReportDetailFragment>;
type Step = Exclude<Report['status'], 'SUBMITTED'>;

export function ReportPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error, retry } = useReport(id);
  return (
    <QueryView data={data} error={error} retry={retry} skeletonHeight={480}>
      {({ node }) =>
        node?.__typename === 'VillageReport' ? (
          <ReportView report={node} />
        ) : (
          <EmptyState message={t('report.notFound')} />
        )
      }
    </QueryView>
  );
}

function ReportView({ report: loaded }: { report: Report }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  // The answer of the last step (or of a conflict) shows at once; the page's query refreshes behind it.
  const [latest, setLatest] = useState<Report | null>(null);
  const report = latest && latest.transitions.length >= loaded.transitions.length ? latest : loaded;
  return (
    <>
      <p className="breadcrumb-line">
        {report.province.name} › {report.regency.name} › {report.village.district.name} ›{' '}
        <Link to={`/desa/${report.village.code}`}>{report.village.name}</Link>
      </p>
      <h1>{t('report.title', { type: t(`enums.reportType.${report.type}`), village: report.village.name })}</h1>
      <p className="report-status">
        <span className={`status status-${report.status.toLowerCase()}`} data-testid="report-status">
          {t(`enums.reportStatus.${report.status}`)}
        </span>{' '}
        {report.followUpUrgency && <UrgencyBadge urgency={report.followUpUrgency} ageDays={report.ageDays} />}
      </p>
      <div className="grid">
        <Panel title={t('report.description')}>
          <p className="report-description">{report.description}</p>
          <dl className="facts">
            <dt>{t('report.received')}</dt>
            <dd>
              {formatDateTime(report.submittedAt, locale)} ·{' '}
              {t('report.villageDay', { date: formatDate(report.submittedOn, locale), zone: report.village.timeZone })}
            </dd>
            <dt>{t('report.occurred')}</dt>
            <dd>{formatDate(report.occurredOn, locale)}</dd>
            <dt>{t('report.people')}</dt>
            <dd>{formatNumber(report.peopleInvolved, locale)}</dd>
            <dt>{t('report.dueOn')}</dt>
            <dd>{formatDate(report.followUpDueOn, locale)}</dd>
            <dt>{t('report.source')}</dt>
            <dd>{report.source}</dd>
            <dt>{t('report.reporter')}</dt>
            <dd>
              {me?.permissions.personal
                ? [report.reporterName, report.reporterPhone].filter(Boolean).join(' · ') || '–'
                : t('auth.personalHidden')}
            </dd>
          </dl>
        </Panel>
        <Panel title={t('report.timeline')}>
          <ReportTimeline transitions={report.transitions} />
        </Panel>
      </div>
      {me?.permissions.writeRecords && (
        <Panel title={t('report.act')}>
          <StepForm report={report} onAnswer={setLatest} />
        </Panel>
      )}
      <p className="no-print">
        <Link to="/kotak-masuk">
          {t('common.back')}: {t('inbox.title')}
        </Link>
      </p>
    </>
  );
}

const FORM = 'report-step';
const FIELDS = ['toStatus', 'note', 'actionTaken', 'agencies'] as const;

function StepForm({ report, onAnswer }: { report: Report; onAnswer: (report: Report) => void }) {
  const { t } = useI18n();
  const [{ fetching }, transition] = useTransitionReport();
  const steps = reportTransitions[report.status] as readonly Step[];
  const [step, setStep] = useState<Step | ''>('');
  const [note, setNote] = useState('');
  const [actionTaken, setActionTaken] = useState('');
  const [agencies, setAgencies] = useState<string[]>([]);
  const [otherAgencies, setOtherAgencies] = useState('');
  const outcome = useFormOutcome(FIELDS);

  if (steps.length === 0) return <EmptyState message={t('report.nothingToDo')} />;
  const needs = step ? reportStepRequires[step] : { reason: false, actionTaken: false };
  const labels = {
    toStatus: t('report.step'),
    note: needs.reason ? t('report.reason') : t('report.note'),
    actionTaken: t('report.actionTaken'),
    agencies: t('report.agencies'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    if (!step) return outcome.invalid({ toStatus: t('form.required') });
    const involved = [
      ...agencies,
      ...otherAgencies
        .split(',')
        .map((agency) => agency.trim())
        .filter(Boolean),
    ];
    const response = await transition({
      input: {
        reportId: report.id,
        toStatus: step,
        expectedStatus: report.status,
        ...(note.trim() ? { note } : {}),
        ...(step === 'FOLLOWED_UP' ? { actionTaken, agencies: involved } : {}),
      },
    });
    const payload = response.data?.transitionReportStatus;
    if (payload?.__typename === 'MutationTransitionReportStatusSuccess') {
      setStep('');
      setNote('');
      setActionTaken('');
      setAgencies([]);
      setOtherAgencies('');
      outcome.succeed(t('report.saved', { status: t(`enums.reportStatus.${payload.data.status}`) }));
      onAnswer(payload.data);
      return;
    }
    if (payload?.__typename === 'ReportChangedError') {
      // What the officer typed stays; the report shows as it is now, with its new next steps.
      setStep('');
      onAnswer(payload.report);
      return outcome.conflict(t('report.changed', { status: t(`enums.reportStatus.${payload.report.status}`) }));
    }
    outcome.refuse(payload);
  };

  return (
    <form id={FORM} className="record-form" onSubmit={submit} noValidate aria-label={t('report.act')}>
      <FormOutcome form={FORM} outcome={outcome} labels={labels} />
      <ChoiceField
        form={FORM}
        name="toStatus"
        label={labels.toStatus}
        errors={outcome.errors}
        required
        type="radio"
        choices={steps.map((choice) => ({ value: choice, label: t(`report.steps.${choice}`) }))}
        selected={step ? [step] : []}
        onChange={(choice) => setStep(choice)}
      />
      {step === 'FOLLOWED_UP' && (
        <>
          <Field
            form={FORM}
            name="actionTaken"
            label={labels.actionTaken}
            hint={t('report.actionHint')}
            errors={outcome.errors}
            required
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={actionTaken}
                onChange={(event) => setActionTaken(event.target.value)}
              />
            )}
          </Field>
          <ChoiceField
            form={FORM}
            name="agencies"
            label={labels.agencies}
            errors={outcome.errors}
            type="checkbox"
            choices={commonAgencies.map((agency) => ({ value: agency, label: agency }))}
            selected={agencies}
            onChange={(agency, checked) =>
              setAgencies(checked ? [...agencies, agency] : agencies.filter((other) => other !== agency))
            }
          >
            <Field
              form={FORM}
              name="otherAgencies"
              label={t('report.otherAgencies')}
              hint={t('report.otherAgenciesHint')}
              errors={outcome.errors}
            >
              {(control) => (
                <input {...control} value={otherAgencies} onChange={(event) => setOtherAgencies(event.target.value)} />
              )}
            </Field>
          </ChoiceField>
        </>
      )}
      <Field form={FORM} name="note" label={labels.note} errors={outcome.errors} required={needs.reason}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('form.save')}
      </button>
    </form>
  );
}
