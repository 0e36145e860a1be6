// The work plan (rencana kerja) of a province for a year: per kabupaten/kota, the villages to designate
// and the members to train, beside what has been reached. National leadership reads attainment; a
// Kanwil sets its own province's targets here (the API holds it to its province and to the version it saw).
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PROGRAMME_FIRST_YEAR, todayInIndonesia } from '@binaan/domain';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { DataTable } from '../../components/ui/data-table';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { EmptyState } from '../../components/ui/states';
import { csvFileName } from '../../lib/csv';
import { useFilterOptions } from '../../lib/filters/filter-options';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useSetWorkPlanTargets, useWorkPlan } from './work-plan-query';

type Data = NonNullable<ReturnType<typeof useWorkPlan>['data']>;

interface Row {
  code: string;
  name: string;
  villages: number;
  villagesTarget: number | null;
  inaugurated: number;
  villagesRate: number | null;
  membersTarget: number | null;
  trained: number;
  membersRate: number | null;
  version: number | null;
}

function rowsOf(data: Data, year: number): Row[] {
  const coverage = new Map(data.coverage.rows.map((row) => [row.area?.code, row]));
  const training = new Map(data.trainingCompletion.rows.map((row) => [row.area?.code, row]));
  return (data.province?.regencies ?? []).map((regency) => {
    const target = regency.targets.find((candidate) => candidate.year === year) ?? null;
    const covered = coverage.get(regency.code);
    const trained = training.get(regency.code)?.completedAll.numerator ?? 0;
    return {
      code: regency.code,
      name: regency.name,
      villages: covered?.villages ?? 0,
      villagesTarget: target?.villagesToDesignate ?? null,
      inaugurated: covered?.targetAttainment?.numerator ?? 0,
      villagesRate: covered?.targetAttainment?.rate ?? null,
      membersTarget: target?.membersToTrain ?? null,
      trained,
      membersRate: target && target.membersToTrain > 0 ? trained / target.membersToTrain : null,
      version: target?.version ?? null,
    };
  });
}

export function WorkPlanPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { provinces } = useFilterOptions();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInIndonesia().slice(0, 4));
  const years = Array.from({ length: thisYear + 2 - PROGRAMME_FIRST_YEAR }, (_, index) => PROGRAMME_FIRST_YEAR + index);
  // A Kanwil or Kanim sees its own province first; national users pick one.
  const ownProvince = me?.permissions.regencyCodes?.[0]?.slice(0, 2);
  const provinceCode = params.get('prov') ?? ownProvince ?? provinces[0]?.code ?? '';
  const year = Number(params.get('tahun') ?? thisYear);
  const { data, error, retry } = useWorkPlan(provinceCode, year);
  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const mayEdit = Boolean(
    me?.permissions.setTargets && me.permissions.regencyCodes?.some((code) => code.startsWith(`${provinceCode}.`)),
  );

  return (
    <>
      <h1>{t('workPlan.title')}</h1>
      <div className="form-row no-print work-plan-choice">
        <label className="field">
          {t('filters.province')}
          <select value={provinceCode} onChange={(event) => choose('prov', event.target.value)}>
            {provinces.map((province) => (
              <option key={province.code} value={province.code}>
                {province.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('workPlan.year')}
          <select value={year} onChange={(event) => choose('tahun', event.target.value)}>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView data={data} error={error} retry={retry} skeletonHeight={480}>
        {(loaded) => {
          if (!loaded.province) return <EmptyState message={t('workPlan.noProvince')} />;
          // An office limited to part of the province plans for, and sees figures of, its own
          // kabupaten/kota only: the others' would read 0 here, which they are not.
          const ownRegencies = me?.permissions.regencyCodes;
          const rows = rowsOf(loaded, year).filter((row) => !ownRegencies || ownRegencies.includes(row.code));
          const dataTime = t('common.dataPer', { time: formatDateTime(loaded.coverage.computedAt, locale) });
          return (
            <>
              <Panel title={`${loaded.province.name} · ${year}`} dataTime={dataTime}>
                <DataTable
                  caption={t('workPlan.caption', { province: loaded.province.name, year })}
                  rows={rows}
                  rowKey={(row) => row.code}
                  csvFileName={csvFileName(['rencana-kerja', loaded.province.code, String(year)])}
                  csvLabel={t('common.exportCsv')}
                  emptyMessage={t('workPlan.noRegencies')}
                  columns={[
                    { key: 'name', header: t('workPlan.regency'), cell: (row) => row.name },
                    {
                      key: 'villages',
                      header: t('workPlan.villages'),
                      numeric: true,
                      cell: (row) => formatNumber(row.villages, locale),
                      csv: (row) => row.villages,
                    },
                    {
                      key: 'villagesTarget',
                      header: t('workPlan.villagesTarget'),
                      numeric: true,
                      cell: (row) => (row.villagesTarget === null ? '–' : formatNumber(row.villagesTarget, locale)),
                      csv: (row) => row.villagesTarget ?? '',
                    },
                    {
                      key: 'inaugurated',
                      header: t('workPlan.inaugurated'),
                      numeric: true,
                      cell: (row) =>
                        `${formatNumber(row.inaugurated, locale)} · ${formatPercent(row.villagesRate, locale)}`,
                      csv: (row) => row.inaugurated,
                    },
                    {
                      key: 'membersTarget',
                      header: t('workPlan.membersTarget'),
                      numeric: true,
                      cell: (row) => (row.membersTarget === null ? '–' : formatNumber(row.membersTarget, locale)),
                      csv: (row) => row.membersTarget ?? '',
                    },
                    {
                      key: 'trained',
                      header: t('workPlan.trained'),
                      numeric: true,
                      cell: (row) => `${formatNumber(row.trained, locale)} · ${formatPercent(row.membersRate, locale)}`,
                      csv: (row) => row.trained,
                    },
                  ]}
                />
                <p className="field-hint">{t('workPlan.note')}</p>
              </Panel>
              {mayEdit && (
                <Panel title={t('workPlan.setTitle')}>
                  <TargetsForm
                    key={`${provinceCode}-${year}`}
                    provinceCode={provinceCode}
                    year={year}
                    rows={rows}
                    onSaved={retry}
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

const FORM = 'targets';

/** Each kabupaten/kota's two targets as typed; only the rows changed are sent, with the version seen. */
function TargetsForm({
  provinceCode,
  year,
  rows,
  onSaved,
}: {
  provinceCode: string;
  year: number;
  rows: readonly Row[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [{ fetching }, save] = useSetWorkPlanTargets();
  const initial = (row: Row) => ({
    villages: row.villagesTarget === null ? '' : String(row.villagesTarget),
    members: row.membersTarget === null ? '' : String(row.membersTarget),
  });
  const [typed, setTyped] = useState<Record<string, { villages: string; members: string }>>(() =>
    Object.fromEntries(rows.map((row) => [row.code, initial(row)])),
  );
  const [sent, setSent] = useState<string[]>([]);
  const outcome = useFormOutcome([]);
  const fieldOf = (index: number, name: 'villagesToDesignate' | 'membersToTrain') => `regencies.${index}.${name}`;
  const errorFor = (code: string, name: 'villagesToDesignate' | 'membersToTrain') => {
    const index = sent.indexOf(code);
    return index < 0
      ? undefined
      : (outcome.errors.fields[fieldOf(index, name)] ?? outcome.errors.fields[`regencies.${index}`]);
  };
  const labels = Object.fromEntries(
    sent.flatMap((code, index) => {
      const name = rows.find((row) => row.code === code)?.name ?? code;
      return [
        [fieldOf(index, 'villagesToDesignate'), `${name} · ${t('workPlan.villagesTarget')}`],
        [fieldOf(index, 'membersToTrain'), `${name} · ${t('workPlan.membersTarget')}`],
        [`regencies.${index}`, name],
      ];
    }),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    const changed = rows.filter((row) => {
      const now = typed[row.code]!;
      const before = initial(row);
      return now.villages !== before.villages || now.members !== before.members;
    });
    if (changed.length === 0) return outcome.conflict(t('workPlan.nothingChanged'));
    const invalid: Record<string, string> = {};
    changed.forEach((row, index) => {
      for (const [key, name] of [
        ['villages', 'villagesToDesignate'],
        ['members', 'membersToTrain'],
      ] as const) {
        const value = typed[row.code]![key];
        if (!/^\d+$/.test(value.trim())) invalid[fieldOf(index, name)] = t('activityForm.wholeNumber');
      }
    });
    setSent(changed.map((row) => row.code));
    if (Object.keys(invalid).length) return outcome.invalid(invalid);
    const response = await save({
      input: {
        provinceCode,
        year,
        regencies: changed.map((row) => ({
          regencyCode: row.code,
          villagesToDesignate: Number(typed[row.code]!.villages),
          membersToTrain: Number(typed[row.code]!.members),
          ...(row.version === null ? {} : { expectedVersion: row.version }),
        })),
      },
    });
    const payload = response.data?.setWorkPlanTargets;
    if (payload?.__typename === 'TargetsChangedError') {
      onSaved();
      return outcome.conflict(t('workPlan.changedMeanwhile'));
    }
    if (payload?.__typename !== 'MutationSetWorkPlanTargetsSuccess') {
      return outcome.refuse(
        payload,
        changed.flatMap((_, index) => [
          fieldOf(index, 'villagesToDesignate'),
          fieldOf(index, 'membersToTrain'),
          `regencies.${index}`,
        ]),
      );
    }
    outcome.succeed(t('workPlan.saved', { count: changed.length }));
    onSaved();
  };

  return (
    <form
      id={FORM}
      className="record-form targets-form"
      onSubmit={submit}
      noValidate
      aria-label={t('workPlan.setTitle')}
    >
      <FormOutcome form={FORM} outcome={outcome} labels={labels} />
      <p className="field-hint">{t('workPlan.setHint')}</p>
      <table className="attendance-grid">
        <thead>
          <tr>
            <th scope="col">{t('workPlan.regency')}</th>
            <th scope="col">{t('workPlan.villagesTarget')}</th>
            <th scope="col">{t('workPlan.membersTarget')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">
                {row.name}
                <span className="muted"> · {t('workPlan.villagesCount', { count: row.villages })}</span>
              </th>
              {(
                [
                  ['villages', 'villagesToDesignate'],
                  ['members', 'membersToTrain'],
                ] as const
              ).map(([key, name]) => {
                const error = errorFor(row.code, name);
                const id = `${FORM}-${row.code}-${key}`;
                const index = sent.indexOf(row.code);
                return (
                  <td key={key}>
                    {/* Inside the cell: a cell laid out as a flex box stops being a cell, and the row's two
                        inputs then stacked in the first column. */}
                    <div className={error ? 'field field-invalid' : 'field'}>
                      {error && (
                        <p className="field-error" id={`${id}-error`}>
                          {error}
                        </p>
                      )}
                      <input
                        id={index >= 0 ? `${FORM}-${fieldOf(index, name)}` : id}
                        inputMode="numeric"
                        aria-label={`${row.name} · ${t(key === 'villages' ? 'workPlan.villagesTarget' : 'workPlan.membersTarget')}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        value={typed[row.code]![key]}
                        onChange={(event) =>
                          setTyped({ ...typed, [row.code]: { ...typed[row.code]!, [key]: event.target.value } })
                        }
                      />
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('workPlan.save')}
      </button>
    </form>
  );
}
