// The map's boundaries against the areas the database is seeded from (idn-area-data, the national list):
// every kabupaten/kota and province has exactly one shape, so no area is missing from the map or drawn
// twice. The browser test checks the same against the seeded database.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { classOf, colourClasses } from '../src/features/map/classes';

const areaData = join(dirname(createRequire(import.meta.url).resolve('idn-area-data')), '..', 'data');
const codesOf = (file: string) =>
  Papa.parse<{ code: string }>(readFileSync(join(areaData, file), 'utf8'), { header: true, skipEmptyLines: true })
    .data.map((row) => row.code)
    .sort();
const shapesOf = (file: string, object: string) => {
  const topology = JSON.parse(
    readFileSync(new URL(`../src/features/map/boundaries/${file}`, import.meta.url), 'utf8'),
  ) as Topology<Record<string, GeometryCollection<{ code: string }>>>;
  return topology.objects[object]!.geometries.map((geometry) => (geometry.properties as { code: string }).code).sort();
};

describe('the map’s boundaries', () => {
  it('have exactly one shape for each of the 514 kabupaten/kota', () => {
    const codes = codesOf('regencies.csv');
    expect(codes).toHaveLength(514);
    expect(shapesOf('regencies.topo.json', 'regencies')).toEqual(codes);
  });

  it('have exactly one shape for each of the 38 provinces', () => {
    const codes = codesOf('provinces.csv');
    expect(codes).toHaveLength(38);
    expect(shapesOf('provinces.topo.json', 'provinces')).toEqual(codes);
  });
});

describe('the map’s colour classes', () => {
  it('give zero its own class and round breaks that cover the largest value', () => {
    const classes = colourClasses([0, 0.013, 0.137], 'blues');
    expect(classes.map(({ from, to }) => [from, to])).toEqual([
      [0, 0],
      [0, 0.05],
      [0.05, 0.1],
      [0.1, 0.15],
    ]);
    expect(new Set(classes.map((item) => item.colour)).size).toBe(classes.length);
    expect(classOf(0, classes)).toBe(classes[0]);
    expect(classOf(0.013, classes)).toBe(classes[1]);
    expect(classOf(0.05, classes)).toBe(classes[1]);
    expect(classOf(0.137, classes)).toBe(classes[3]);
    expect(classOf(null, classes)).toBeNull();
  });

  it('count signals in whole numbers', () => {
    expect(colourClasses([0, 2], 'oranges', true).map(({ from, to }) => [from, to])).toEqual([
      [0, 0],
      [0, 1],
      [1, 2],
    ]);
    const many = colourClasses([17], 'oranges', true);
    expect(many.every(({ to }) => Number.isInteger(to))).toBe(true);
    expect(many.length).toBeLessThanOrEqual(6);
    expect(many[many.length - 1]!.to).toBeGreaterThanOrEqual(17);
  });
});
