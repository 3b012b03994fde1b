// The map boundaries of data/geo/ (read by load/read-geo.ts, drawn by the site).
/** GeoJSON subset, WGS84, RFC 7946 orientation (the site rewinds for d3). */
export interface GeoFeature {
  type: "Feature";
  id: string;
  properties: { code: string; name: string; district_code: string | null };
  geometry:
    | { type: "Polygon"; coordinates: number[][][] }
    | { type: "MultiPolygon"; coordinates: number[][][][] };
}

export interface GeoCollection {
  type: "FeatureCollection";
  features: GeoFeature[];
}
