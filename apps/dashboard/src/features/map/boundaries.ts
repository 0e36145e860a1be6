// The shapes of provinces and kabupaten/kota (boundaries/README.md), fetched only by the map page: the
// build emits each TopoJSON file as a hashed asset, and the API serves it cached for a year.
import { type GeoPermissibleObjects, geoIdentity, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import provincesUrl from './boundaries/provinces.topo.json?url';
import regenciesUrl from './boundaries/regencies.topo.json?url';

export type MapLevel = 'PROVINCE' | 'REGENCY';

export interface AreaShape {
  /** Kemendagri code: `53` for a province, `53.18` for a kabupaten/kota. */
  code: string;
  /** The province's code (its own, for a province). */
  province: string;
  /** Official name (kabupaten/kota only: the provinces' file has none). */
  name: string | null;
  geometry: Feature<Geometry>;
}

const sources: Record<MapLevel, { url: string; object: string }> = {
  PROVINCE: { url: provincesUrl, object: 'provinces' },
  REGENCY: { url: regenciesUrl, object: 'regencies' },
};

interface ShapeProperties {
  code: string;
  province: string;
  name?: string;
}

const loaded = new Map<MapLevel, Promise<AreaShape[]>>();

function loadShapes(level: MapLevel): Promise<AreaShape[]> {
  let shapes = loaded.get(level);
  if (!shapes) {
    const { url, object } = sources[level];
    shapes = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json() as Promise<Topology<Record<string, GeometryCollection<ShapeProperties>>>>;
      })
      .then((topology) =>
        (feature(topology, topology.objects[object]!) as FeatureCollection<Geometry, ShapeProperties>).features.map(
          (geometry) => ({
            code: geometry.properties.code,
            province: geometry.properties.province,
            name: geometry.properties.name ?? null,
            geometry,
          }),
        ),
      );
    // A failed download may be tried again.
    shapes.catch(() => loaded.delete(level));
    loaded.set(level, shapes);
  }
  return shapes;
}

/** The shapes of one level, once downloaded; an error says the download failed. */
export function useShapes(level: MapLevel): { shapes: AreaShape[] | null; error: Error | null; retry: () => void } {
  const [state, setState] = useState<{ level: MapLevel; shapes: AreaShape[] | null; error: Error | null }>({
    level,
    shapes: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    loadShapes(level).then(
      (shapes) => current && setState({ level, shapes, error: null }),
      (error: Error) => current && setState({ level, shapes: null, error }),
    );
    return () => {
      current = false;
    };
  }, [level, attempt]);
  const fresh = state.level === level;
  return {
    shapes: fresh ? state.shapes : null,
    error: fresh ? state.error : null,
    retry: () => setAttempt((count) => count + 1),
  };
}

export interface ProjectedShape {
  code: string;
  province: string;
  name: string | null;
  /** SVG path data. */
  d: string;
}

export const MAP_WIDTH = 960;

/**
 * SVG paths for the shapes, fitted to the width. Longitude and latitude are drawn as they are (planar,
 * north up): near the equator that is close to Mercator, and it needs no ring-winding of the sphere.
 */
export function projectShapes(shapes: AreaShape[]): { paths: ProjectedShape[]; height: number } {
  const collection = { type: 'FeatureCollection', features: shapes.map((shape) => shape.geometry) } as const;
  const bounds = geoPath(geoIdentity().reflectY(true)).bounds(collection as GeoPermissibleObjects);
  const aspect = (bounds[1][1] - bounds[0][1]) / Math.max(bounds[1][0] - bounds[0][0], 1e-9);
  const height = Math.round(Math.min(Math.max(MAP_WIDTH * aspect, 280), 640));
  const projection = geoIdentity()
    .reflectY(true)
    .fitExtent(
      [
        [8, 8],
        [MAP_WIDTH - 8, height - 8],
      ],
      collection as GeoPermissibleObjects,
    );
  const path = geoPath(projection);
  return {
    paths: shapes.map(({ geometry, ...shape }) => ({ ...shape, d: path(geometry) ?? '' })),
    height,
  };
}
