import { useCombobox } from 'downshift';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ReportTimeline } from '../../components/reports/report-timeline';
import { UrgencyBadge } from '../../components/reports/urgency-badge';
import { DataTable } from '../../components/ui/data-table';
import { moduleHeader } from '../../lib/module-header';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import { csvFileName } from '../../lib/csv';
import { formatDate, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { variantsForVillageKind } from '@binaan/domain';
import { DecreeDocumentLink, DecreeUploadForm } from './decree-upload';
import { DesignateForm, StatusChangeForm } from './designation-forms';
import { ActivityForm } from './activity-form';
import { FieldDevices } from './field-devices';
import { AddMemberForm, MemberActions, type MemberRow, TrainingSessionForm } from './task-force-forms';

type Member = MemberRow & { completedModules: readonly { code: string }[] };
import { MIN_SEARCH_LENGTH, useVillage, useVillageSearch } from './village-query';

const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export function VillageSearchPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('village.title')}</h1>
      <VillageFinder />
    </>
  );
}

/** Waits until typing pauses, so each keystroke does not cost a request. */
function useSettled<Value>(value: Value, delayMs = 250): Value {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

type Found = NonNullable<ReturnType<typeof useVillageSearch>['data']>['villages']['edges'][number]['node'];

/**
 * Find a village by name (type-ahead over the caller's area, with its kecamatan and kabupaten/kota) or by
 * its Kemendagri code. Downshift gives the ARIA combobox: arrow keys, Enter, Escape, announced options.
 */
function VillageFinder() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { me } = useSession();
  const [text, setText] = useState('');
  const settled = useSettled(text);
  const result = useVillageSearch(settled, me?.permissions.wholeCountry ? null : (me?.permissions.regencyCodes ?? []));
  const searching = settled.trim().length >= MIN_SEARCH_LENGTH;
  const found: Found[] = searching ? (result.data?.villages.edges.map((edge) => edge.node) ?? []) : [];
  const open = (code: string) => navigate(`/desa/${code}${search}`);
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } = useCombobox<Found>({
    items: found,
    inputValue: text,
    itemToString: (village) => village?.name ?? '',
    onInputValueChange: ({ inputValue }) => setText(inputValue ?? ''),
    onSelectedItemChange: ({ selectedItem }) => selectedItem && open(selectedItem.code),
  });
  const status = !searching
    ? t('village.searchHint')
    : result.fetching
      ? t('common.loading')
      : found.length === 0
        ? t('village.noMatch')
        : t('village.matches', {
            count: result.data?.villages.totalCount ?? 0,
            formattedCount: formatNumber(result.data?.villages.totalCount ?? 0, locale),
          });
  return (
    <form
      className="village-search"
      role="search"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        // A Kemendagri code opens its village directly, as before.
        if (VILLAGE_CODE.test(text.trim())) open(text.trim());
        else if (found.length > 0) open(found[0]!.code);
      }}
    >
      <label {...getLabelProps()}>{t('village.search')}</label>
      <div className="combobox">
        <input
          {...getInputProps({
            onKeyDown: (event) => {
              if (event.key === 'Enter' && highlightedIndex < 0) {
                (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
              }
            },
          })}
          placeholder={t('village.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit">{t('village.open')}</button>
      </div>
      <p className="field-hint" role="status" data-testid="village-search-status">
        {status}
      </p>
      <ul {...getMenuProps()} className={isOpen && found.length > 0 ? 'options' : 'options options-closed'}>
        {isOpen &&
          found.map((village, index) => (
            <li
              key={village.code}
              {...getItemProps({ item: village, index })}
              className={highlightedIndex === index ? 'option option-active' : 'option'}
            >
              <strong>
                {t(`village.kind.${village.kind}`)} {village.name}
              </strong>
              <span className="muted">
                {' '}
                · {village.district.name}, {village.regency.name} · {village.code}
              </span>
            </li>
          ))}
      </ul>
    </form>
  );
}

export function VillagePage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const { data, error, retry } = useVillage(code);
  const { me } = useSession();

  return (
    <QueryView data={data} error={error} retry={retry} skeletonHeight={480}>
      {({ village, trainingModules, fieldDevices }) => {
        if (!village) return <EmptyState message={t('village.notFound')} />;
        // The forms show only where the API would accept the write: a recording role, inside its area.
        const mayWrite = Boolean(
          me?.permissions.writeRecords &&
          (me.permissions.wholeCountry || me.permissions.regencyCodes?.includes(village.regency.code)),
        );
        const activities = village.activities.edges.map((edge) => edge.node);
        // Training is recorded for the current members of the village's active designations.
        const currentMembers = village.designations
          .filter((designation) => designation.status === 'ACTIVE')
          .flatMap((designation) => designation.taskForce?.members ?? [])
          .filter((member) => member.leftOn === null);
        const reports = village.reports.edges.map((edge) => edge.node);
        return (
          <>
            <p className="breadcrumb-line">
              <Link to={`/cakupan?prov=${village.province.code}`}>{village.province.name}</Link> ›{' '}
              <Link to={`/cakupan?prov=${village.province.code}&kab=${village.regency.code}`}>
                {village.regency.name}
              </Link>{' '}
              › {village.district.name}
            </p>
            <h1>
              {t(`village.kind.${village.kind}`)} {village.name} <span className="code">{village.code}</span>
            </h1>
            <ul className="tags">
              {(village.isLandBorder || village.isSeaBorder) && <li>{t('village.border')}</li>}
              {village.isMigrantWorkerSendingArea && <li>{t('village.migrantArea')}</li>}
              {village.distanceToOfficeKm !== null && (
                <li>
                  {t('coverage.distance')}: {formatNumber(village.distanceToOfficeKm, locale, 1)}
                </li>
              )}
            </ul>
            <Panel title={t('village.designations')}>
              {village.designations.length === 0 ? (
                <EmptyState message={t('village.notDesignated')} />
              ) : (
                village.designations.map((designation) => (
                  <article key={designation.id} className="designation">
                    <h3>
                      {t(`enums.variant.${designation.variant}`)} {designation.year} ·{' '}
                      {t(`enums.designationStatus.${designation.status}`)}
                    </h3>
                    <dl>
                      <dt>{t('village.office')}</dt>
                      <dd>{designation.office.name}</dd>
                      <dt>{t('village.inaugurated')}</dt>
                      <dd>{formatDate(designation.inauguratedOn, locale)}</dd>
                      <dt>{t('village.decree')}</dt>
                      <dd>
                        {designation.decreeNumber ?? '–'}
                        {designation.decreeDate && ` · ${formatDate(designation.decreeDate, locale)}`}
                      </dd>
                      <dt>{t('decree.title')}</dt>
                      <dd>
                        <DecreeDocumentLink url={designation.decreeUploadUrl} documents={designation.decreeDocuments} />
                      </dd>
                      {me?.permissions.personal && (
                        <>
                          <dt>{t('designation.officerName')}</dt>
                          <dd>{designation.officerName ?? '–'}</dd>
                        </>
                      )}
                      <dt>{t('coverage.reasons')}</dt>
                      <dd>
                        {designation.selectionReasons.map((reason) => t(`enums.reason.${reason}`)).join(', ') || '–'}
                      </dd>
                    </dl>
                    <h4>{t('designation.history')}</h4>
                    <ol className="timeline" data-testid="designation-history">
                      {designation.statusHistory.map((change) => (
                        <li key={`${change.toStatus}-${change.effectiveOn}-${change.recordedBy}`}>
                          <time dateTime={change.effectiveOn}>{formatDate(change.effectiveOn, locale)}</time>{' '}
                          <strong>{t(`enums.designationStatus.${change.toStatus}`)}</strong>
                          {change.reason && <span> · {change.reason}</span>}
                        </li>
                      ))}
                    </ol>
                    {mayWrite && (
                      <>
                        <details className="no-print">
                          <summary>{t('designation.changeStatus')}</summary>
                          <StatusChangeForm designation={designation} villageCode={village.code} />
                        </details>
                        <details className="no-print">
                          <summary>{t('decree.upload')}</summary>
                          <DecreeUploadForm url={designation.decreeUploadUrl} onUploaded={retry} />
                        </details>
                      </>
                    )}
                    <h4>{t('village.taskForce')}</h4>
                    {designation.taskForce ? (
                      <DataTable
                        caption={`${t('village.taskForce')} · ${formatDate(designation.taskForce.formedOn, locale)}`}
                        rows={designation.taskForce.members}
                        rowKey={(row) => row.id}
                        csvFileName={csvFileName(['gugus-tugas', village.code])}
                        csvLabel={t('common.exportCsv')}
                        columns={[
                          ...(me?.permissions.personal
                            ? [
                                {
                                  key: 'name',
                                  header: t('taskForce.fullName'),
                                  cell: (row: Member) => row.fullName ?? '–',
                                },
                              ]
                            : []),
                          { key: 'role', header: t('training.role'), cell: (row) => t(`enums.role.${row.role}`) },
                          {
                            key: 'joined',
                            header: t('village.joined'),
                            cell: (row) =>
                              row.leftOn
                                ? `${formatDate(row.joinedOn, locale)} · ${t('taskForce.past', { date: formatDate(row.leftOn, locale) })}`
                                : formatDate(row.joinedOn, locale),
                            csv: (row) => row.joinedOn,
                          },
                          ...trainingModules.map((module) => ({
                            key: module.code,
                            ...moduleHeader(module, t),
                            cell: (row: Member) =>
                              row.completedModules.some((done) => done.code === module.code) ? '✓' : '–',
                          })),
                          ...(mayWrite
                            ? [
                                {
                                  key: 'actions',
                                  header: t('taskForce.change'),
                                  cell: (row: Member) =>
                                    row.leftOn ? null : (
                                      <MemberActions
                                        member={row}
                                        villageCode={village.code}
                                        mayEnterPersonal={Boolean(me?.permissions.personal)}
                                      />
                                    ),
                                  csv: () => '',
                                },
                              ]
                            : []),
                        ]}
                      />
                    ) : (
                      <EmptyState message={t('village.noTaskForce')} />
                    )}
                    {mayWrite && designation.status === 'ACTIVE' && (
                      <details className="no-print">
                        <summary>{t('taskForce.addTitle')}</summary>
                        {me?.permissions.personal ? (
                          <AddMemberForm designationId={designation.id} villageCode={village.code} />
                        ) : (
                          <p className="muted">{t('taskForce.noPersonalRight')}</p>
                        )}
                      </details>
                    )}
                  </article>
                ))
              )}
            </Panel>
            {mayWrite && village.designations.length < variantsForVillageKind(village.kind).length && (
              <Panel title={t('designation.designateTitle')}>
                <DesignateForm village={village} mayEnterPersonal={Boolean(me?.permissions.personal)} />
              </Panel>
            )}
            {village.designations.length > 0 && (
              <Panel title={t('devices.title')}>
                <FieldDevices
                  villageCode={village.code}
                  devices={fieldDevices}
                  mayWrite={mayWrite && village.designations.some((designation) => designation.status === 'ACTIVE')}
                />
              </Panel>
            )}
            {mayWrite && (
              <div className="grid no-print">
                <Panel title={t('trainingForm.title')}>
                  {currentMembers.length > 0 ? (
                    <TrainingSessionForm village={village} members={currentMembers} modules={trainingModules} />
                  ) : (
                    <EmptyState message={t('trainingForm.noMembers')} />
                  )}
                </Panel>
                <Panel title={t('activityForm.heading')}>
                  <ActivityForm village={village} />
                </Panel>
              </div>
            )}
            <div className="grid">
              <Panel title={`${t('village.activities')} (${formatNumber(village.activities.totalCount, locale)})`}>
                {activities.length === 0 ? (
                  <EmptyState message={t('village.noActivities')} />
                ) : (
                  <ol className="timeline">
                    {activities.map((activity) => (
                      <li key={activity.id}>
                        <time dateTime={activity.heldOn}>{formatDate(activity.heldOn, locale)}</time>
                        <strong>{t(`enums.activityType.${activity.type}`)}</strong> {activity.title} · {activity.place}{' '}
                        · {formatNumber(activity.attendeeCount, locale)}
                      </li>
                    ))}
                  </ol>
                )}
                {village.trainingSessions.length > 0 && (
                  <ol className="timeline">
                    {village.trainingSessions.map((session) => (
                      <li key={session.id}>
                        <time dateTime={session.heldOn}>{formatDate(session.heldOn, locale)}</time>
                        <strong>{t('nav.training')}</strong> {session.modules.map((module) => module.name).join(', ')}
                      </li>
                    ))}
                  </ol>
                )}
              </Panel>
              <Panel title={`${t('village.reports')} (${formatNumber(village.reports.totalCount, locale)})`}>
                <DataTable
                  caption={t('village.reports')}
                  rows={reports}
                  rowKey={(row) => row.id}
                  emptyMessage={t('reports.noReports')}
                  csvFileName={csvFileName(['laporan-desa', village.code])}
                  csvLabel={t('common.exportCsv')}
                  columns={[
                    {
                      key: 'submitted',
                      header: t('reports.submittedAt'),
                      cell: (row) => formatDate(row.submittedAt, locale),
                      csv: (row) => row.submittedAt,
                    },
                    {
                      key: 'type',
                      header: t('reports.type'),
                      cell: (row) => (
                        <Link to={`/laporan/${encodeURIComponent(row.id)}`}>{t(`enums.reportType.${row.type}`)}</Link>
                      ),
                      csv: (row) => t(`enums.reportType.${row.type}`),
                    },
                    {
                      key: 'status',
                      header: t('reports.status'),
                      cell: (row) => t(`enums.reportStatus.${row.status}`),
                    },
                    {
                      key: 'age',
                      header: t('reports.age'),
                      numeric: true,
                      cell: (row) =>
                        row.followUpUrgency ? (
                          <UrgencyBadge urgency={row.followUpUrgency} ageDays={row.ageDays} />
                        ) : (
                          formatNumber(row.ageDays, locale)
                        ),
                      csv: (row) => row.ageDays,
                    },
                    {
                      key: 'timeline',
                      header: t('report.timeline'),
                      cell: (row) => (
                        <details>
                          <summary>{t(`enums.reportStatus.${row.status}`)}</summary>
                          <ReportTimeline transitions={row.transitions} />
                        </details>
                      ),
                      csv: (row) => row.transitions.map((step) => `${step.changedAt} ${step.toStatus}`).join('; '),
                    },
                  ]}
                />
              </Panel>
            </div>
            <p className="no-print">
              <Link to={`/laporan?prov=${village.province.code}&kab=${village.regency.code}`}>
                {t('reports.title')} · {village.regency.name}
              </Link>
            </p>
          </>
        );
      }}
    </QueryView>
  );
}
