// The query cost of a plain list of areas (a province's kabupaten/kota, …) is the longest such list in the
// reference data: @binaan/domain's MOST_CHILDREN must be exactly that, or queries are costed wrongly.
import { MOST_CHILDREN } from '@binaan/domain';
import { describe, expect, it } from 'vitest';
import { readAreas } from '../src/seed/reference-areas.js';

async function mostChildren(level: 'regencies' | 'districts' | 'villages'): Promise<number> {
  const children = new Map<string, number>();
  for await (const area of readAreas(level, null))
    children.set(area.parentCode, (children.get(area.parentCode) ?? 0) + 1);
  return Math.max(...children.values());
}

describe('MOST_CHILDREN', () => {
  it('is the longest list of children in the national reference data', async () => {
    expect({
      regenciesPerProvince: await mostChildren('regencies'),
      districtsPerRegency: await mostChildren('districts'),
      villagesPerDistrict: await mostChildren('villages'),
    }).toEqual(MOST_CHILDREN);
  });
});
