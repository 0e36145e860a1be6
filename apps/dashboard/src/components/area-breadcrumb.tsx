// Where a page's figures are, as a trail back up: Nasional › a province › a kabupaten/kota. Each step
// above the current one widens the filter again. For someone limited to an area (a Kanwil, a Kanim) the
// trail starts at that area, not at a Nasional they cannot see.
import { useFilterOptions } from '../lib/filters/filter-options';
import { useDashboardFilters } from '../lib/filters/url-filters';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';

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
  const ownArea = useSession().me?.area ?? null;
  // Within one province, choosing it changes nothing: no step of its own.
  const provinceStep = province && !(ownArea && provinces.length === 1);
  const steps = [
    { name: ownArea ?? t('coverage.national'), widen: () => update({ provinces: [], regencies: [] }) },
    ...(provinceStep ? [{ name: province.name, widen: () => update({ regencies: [] }) }] : []),
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
