// Early-warning signals of the chosen areas: weeks in which a kabupaten/kota reported more of one type
// than its own history predicts, strongest first within a week, and their review. Offices (in their
// area) and national leadership move a signal: acknowledge, then escalate or dismiss with a note.
import { type FormEvent, useState } from 'react';
import { canMoveSignal, type SignalStatus, signalStepNeedsNote } from '@binaan/domain';
import { Field } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { DataTable } from '../../components/ui/data-table';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { csvFileName } from '../../lib/csv';
import { filterFileNameParts, useDashboardFilters } from '../../lib/filters/url-filters';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useReviewSignal, useSignals } from './signals-query';

type Signal = NonNullable<ReturnType<typeof useSignals>['data']>['signals'][number];

export function SignalsPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { filters } = useDashboardFilters();
  const [showClosed, setShowClosed] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const { data, error, retry } = useSignals(filters, showClosed);
  const mayReview = (signal: Signal) =>
    Boolean(
      me?.permissions.reviewSignals &&
      (me.permissions.wholeCountry || me.permissions.regencyCodes?.includes(signal.regency.code)),
    );

  return (
    <>
      <h1>{t('signals.title')}</h1>
      <p className="field-hint">{t('signals.intro')}</p>
      <label className="signals-closed no-print">
        <input type="checkbox" checked={showClosed} onChange={(event) => setShowClosed(event.target.checked)} />
        {t('signals.showClosed')}
      </label>
      {moved && (
        <p role="status" className="form-saved">
          {moved}
        </p>
      )}
      <QueryView data={data} error={error} retry={retry} skeletonHeight={360}>
        {({ signals, lastSignalRun }) => {
          const dataTime = lastSignalRun?.finishedAt
            ? t('signals.computedAt', { time: formatDateTime(lastSignalRun.finishedAt, locale) })
            : t('signals.neverComputed');
          const open = reviewing ? signals.find((signal) => signal.id === reviewing) : undefined;
          return (
            <>
              <Panel title={t('signals.tableTitle')} dataTime={dataTime}>
                <DataTable
                  caption={t('signals.tableTitle')}
                  rows={signals}
                  rowKey={(signal) => signal.id}
                  csvFileName={csvFileName(['sinyal', ...filterFileNameParts(filters)])}
                  csvLabel={t('common.exportCsv')}
                  emptyMessage={t(showClosed ? 'signals.none' : 'signals.noneOpen')}
                  columns={[
                    {
                      key: 'week',
                      header: t('signals.week'),
                      cell: (signal) => formatDate(signal.weekStart, locale),
                      csv: (signal) => signal.weekStart,
                    },
                    {
                      key: 'area',
                      header: t('signals.area'),
                      cell: (signal) => `${signal.regency.name} · ${signal.province.name}`,
                    },
                    { key: 'type', header: t('signals.type'), cell: (signal) => t(`enums.reportType.${signal.type}`) },
                    {
                      key: 'observed',
                      header: t('signals.observed'),
                      numeric: true,
                      cell: (signal) => formatNumber(signal.observed, locale),
                      csv: (signal) => signal.observed,
                    },
                    {
                      key: 'expected',
                      header: t('signals.expected'),
                      numeric: true,
                      cell: (signal) => formatNumber(signal.expected, locale, 1),
                      csv: (signal) => signal.expected.toFixed(2),
                    },
                    {
                      key: 'threshold',
                      header: t('signals.threshold'),
                      numeric: true,
                      cell: (signal) => formatNumber(signal.threshold, locale, 1),
                      csv: (signal) => signal.threshold.toFixed(2),
                    },
                    {
                      key: 'score',
                      header: t('signals.score'),
                      numeric: true,
                      cell: (signal) => formatNumber(signal.score, locale, 2),
                      csv: (signal) => signal.score.toFixed(3),
                    },
                    {
                      key: 'status',
                      header: t('signals.status'),
                      cell: (signal) => (
                        <>
                          {t(`signals.statuses.${signal.status}`)}
                          {signal.note && <span className="muted"> · {signal.note}</span>}
                        </>
                      ),
                      csv: (signal) => `${signal.status}${signal.note ? `: ${signal.note}` : ''}`,
                    },
                    {
                      key: 'review',
                      header: t('signals.review'),
                      cell: (signal) =>
                        mayReview(signal) && (signal.status === 'NEW' || signal.status === 'ACKNOWLEDGED') ? (
                          <button
                            type="button"
                            className="link"
                            onClick={() => {
                              setMoved(null);
                              setReviewing(signal.id);
                            }}
                          >
                            {t('signals.reviewThis')}
                          </button>
                        ) : (
                          ''
                        ),
                      csv: () => '',
                    },
                  ]}
                />
              </Panel>
              {open && (
                <Panel title={t('signals.reviewTitle')}>
                  <ReviewForm
                    key={open.id}
                    signal={open}
                    onChanged={retry}
                    onMoved={(message) => {
                      setMoved(message);
                      setReviewing(null);
                      retry();
                    }}
                  />
                </Panel>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}

const FORM = 'signal-review';

function ReviewForm({
  signal,
  onChanged,
  onMoved,
}: {
  signal: Signal;
  /** Someone else moved it: read it again (the form stays, with the new state). */
  onChanged: () => void;
  /** Moved: the page says so and closes the form. */
  onMoved: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const [{ fetching }, review] = useReviewSignal();
  const [note, setNote] = useState(signal.note ?? '');
  const outcome = useFormOutcome(['note', 'toStatus']);
  const steps = (['ACKNOWLEDGED', 'ESCALATED', 'DISMISSED'] as const).filter((to) => canMoveSignal(signal.status, to));

  const submit = async (to: Exclude<SignalStatus, 'NEW'>) => {
    outcome.start();
    if (signalStepNeedsNote(to) && note.trim().length < 5) return outcome.invalid({ note: t('signals.noteNeeded') });
    const response = await review({
      input: {
        signalId: signal.id,
        toStatus: to,
        expectedVersion: signal.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    const payload = response.data?.reviewSignal;
    if (payload?.__typename === 'SignalChangedError') {
      onChanged();
      return outcome.conflict(t('signals.changedMeanwhile'));
    }
    if (payload?.__typename !== 'MutationReviewSignalSuccess') return outcome.refuse(payload);
    onMoved(t(`signals.moved.${to}`));
  };

  return (
    <form
      id={FORM}
      className="record-form"
      noValidate
      aria-label={t('signals.reviewTitle')}
      onSubmit={(event: FormEvent) => event.preventDefault()}
    >
      <FormOutcome form={FORM} outcome={outcome} labels={{ note: t('signals.note'), toStatus: t('signals.status') }} />
      <p>
        {t('signals.summary', {
          area: signal.regency.name,
          type: t(`enums.reportType.${signal.type}`),
          week: formatDate(signal.weekStart, locale),
          observed: formatNumber(signal.observed, locale),
          expected: formatNumber(signal.expected, locale, 1),
        })}
      </p>
      {steps.some(signalStepNeedsNote) && (
        <Field form={FORM} name="note" label={t('signals.note')} hint={t('signals.noteHint')} errors={outcome.errors}>
          {(control) => (
            <textarea {...control} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
          )}
        </Field>
      )}
      <div className="signal-actions">
        {steps.map((to) => (
          <button
            key={to}
            type="submit"
            disabled={fetching}
            className={to === 'DISMISSED' ? 'button-secondary' : undefined}
            onClick={(event) => {
              event.preventDefault();
              void submit(to);
            }}
          >
            {t(`signals.actions.${to}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
