// A training module as a table column's header: its full name in the CSV and for screen readers, a short
// one on screen, so a table with all four modules keeps every column in view on a tablet.
import type { TFunction } from 'i18next';

export function moduleHeader(module: { code: string; name: string }, t: TFunction) {
  const short = t('training.moduleShort', { returnObjects: true }) as Record<string, string>;
  return { header: module.name, shortHeader: short[module.code] ?? module.name };
}
