// Where a page's figures are, as a trail back up: Nasional › a province › a kabupaten/kota. Each step
// above the current one widens the filter again.
import { useFilterOptions } from '../lib/filters/filter-options';
import { useDashboardFilters } from '../lib/filters/url-filters';
import { useI18n } from '../lib/i18n';

export function AreaBreadcrumb({ label }: { label: string }) {
  const { t } = useI18n();
  const { filters, update } = useDashboardFilters();
  const { provinces } = useFilterOptions();
  const province =
    filters.provinces.length === 1 ? provinces.find((option) => option.code === filters.provinces[0]) : undefined;
  const regency =
    filters.regencies.length === 1
      ? province?.regencies.find((option) => option.code === filters.regencies[0])
      : undefined;
  const steps = [
    { name: t('coverage.national'), widen: () => update({ provinces: [], regencies: [] }) },
    ...(province ? [{ name: province.name, widen: () => update({ regencies: [] }) }] : []),
    ...(regency ? [{ name: regency.name, widen: () => undefined }] : []),
  ];
  return (
    <nav aria-label={label} className="breadcrumb">
      <ol>
        {steps.map((step, index) => (
          <li key={step.name}>
            {index === steps.length - 1 ? (
              <span aria-current="page">{step.name}</span>
            ) : (
              <button type="button" className="link" onClick={step.widen}>
                {step.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
