// The global filter bar: provinces, kabupaten/kota, programme variant and period. Every change goes to
// the URL.
import { PROGRAMME_FIRST_YEAR, type ProgrammeVariant, programmeVariants, todayInIndonesia } from '@binaan/domain';
import { monthName } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { useFilterOptions } from '../lib/filters/filter-options';
import { type PeriodChoice, periodRange, useDashboardFilters } from '../lib/filters/url-filters';

const years = (() => {
  const current = Number(todayInIndonesia().slice(0, 4));
  return Array.from({ length: current - PROGRAMME_FIRST_YEAR + 1 }, (_, index) => current - index);
})();

export function FilterBar() {
  const { t, locale } = useI18n();
  const { filters, update } = useDashboardFilters();
  const { provinces } = useFilterOptions();
  const regencies = provinces
    .filter((province) => filters.provinces.length === 0 || filters.provinces.includes(province.code))
    .flatMap((province) => province.regencies);
  const period = filters.period;
  const year = period.kind === 'range' ? Number(period.to.slice(0, 4)) : period.year;

  const setPeriodKind = (kind: PeriodChoice['kind']) => {
    const range = periodRange(period);
    const month = Number(range.to.slice(5, 7));
    const next: PeriodChoice =
      kind === 'year'
        ? { kind, year }
        : kind === 'quarter'
          ? { kind, year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 }
          : kind === 'month'
            ? { kind, year, month }
            : { kind, ...range };
    update({ period: next });
  };

  return (
    <form className="filter-bar no-print" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
      <fieldset className="provinces">
        <legend>{t('filters.province')}</legend>
        <details>
          <summary>
            {filters.provinces.length === 0
              ? t('filters.allProvinces')
              : provinces
                  .filter((province) => filters.provinces.includes(province.code))
                  .map((province) => province.name)
                  .join(', ') || filters.provinces.join(', ')}
          </summary>
          <ul>
            {provinces.map((province) => (
              <li key={province.code}>
                <label>
                  <input
                    type="checkbox"
                    checked={filters.provinces.includes(province.code)}
                    onChange={(event) =>
                      update({
                        provinces: event.target.checked
                          ? [...filters.provinces, province.code].sort()
                          : filters.provinces.filter((code) => code !== province.code),
                      })
                    }
                  />
                  {province.name}
                </label>
              </li>
            ))}
          </ul>
        </details>
      </fieldset>
      <label>
        <span>{t('filters.regency')}</span>
        <select
          value={filters.regencies[0] ?? ''}
          onChange={(event) => update({ regencies: event.target.value ? [event.target.value] : [] })}
        >
          <option value="">{t('filters.allRegencies')}</option>
          {regencies.map((regency) => (
            <option key={regency.code} value={regency.code}>
              {regency.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.variant')}</span>
        <select
          value={filters.variant ?? ''}
          onChange={(event) => update({ variant: (event.target.value || null) as ProgrammeVariant | null })}
        >
          <option value="">{t('filters.allVariants')}</option>
          {programmeVariants.map((variant) => (
            <option key={variant} value={variant}>
              {t(`enums.variant.${variant}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="period">
        <legend>{t('filters.period')}</legend>
        <select
          aria-label={t('filters.period')}
          value={period.kind}
          onChange={(event) => setPeriodKind(event.target.value as PeriodChoice['kind'])}
        >
          <option value="year">{t('filters.year')}</option>
          <option value="quarter">{t('filters.quarter')}</option>
          <option value="month">{t('filters.month')}</option>
          <option value="range">{t('filters.custom')}</option>
        </select>
        {period.kind !== 'range' && (
          <select
            aria-label={t('filters.year')}
            value={year}
            onChange={(event) => update({ period: { ...period, year: Number(event.target.value) } })}
          >
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        )}
        {period.kind === 'quarter' && (
          <select
            aria-label={t('filters.quarter')}
            value={period.quarter}
            onChange={(event) =>
              update({ period: { ...period, quarter: Number(event.target.value) as 1 | 2 | 3 | 4 } })
            }
          >
            {[1, 2, 3, 4].map((quarter) => (
              <option key={quarter} value={quarter}>
                Q{quarter}
              </option>
            ))}
          </select>
        )}
        {period.kind === 'month' && (
          <select
            aria-label={t('filters.month')}
            value={period.month}
            onChange={(event) => update({ period: { ...period, month: Number(event.target.value) } })}
          >
            {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
              <option key={month} value={month}>
                {monthName(month, locale)}
              </option>
            ))}
          </select>
        )}
        {period.kind === 'range' && (
          <>
            <label>
              <span>{t('filters.from')}</span>
              <input
                type="date"
                value={period.from}
                max={period.to}
                onChange={(event) => event.target.value && update({ period: { ...period, from: event.target.value } })}
              />
            </label>
            <label>
              <span>{t('filters.to')}</span>
              <input
                type="date"
                value={period.to}
                min={period.from}
                onChange={(event) => event.target.value && update({ period: { ...period, to: event.target.value } })}
              />
            </label>
          </>
        )}
      </fieldset>
      <button type="button" className="reset" onClick={() => update({ provinces: [], regencies: [], variant: null })}>
        {t('filters.reset')}
      </button>
    </form>
  );
}
