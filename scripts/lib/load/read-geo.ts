// Boundaries for the site's maps: data/geo/districts.geojson and communes.geojson, if present.
// Features are joined to units by code; only what the site needs is kept.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeoCollection, GeoFeature } from "../model/geo.js";

function read(path: string): GeoCollection | null {
  if (!existsSync(path)) return null;
  const raw = JSON.parse(readFileSync(path, "utf8")) as { features?: { id?: string; properties?: Record<string, unknown>; geometry?: GeoFeature["geometry"] }[] };
  const features: GeoFeature[] = (raw.features ?? [])
    .filter((f) => f.geometry && (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon"))
    .map((f) => {
      const code = String(f.properties?.code ?? f.id ?? "");
      return { type: "Feature" as const, id: code, properties: { code, name: String(f.properties?.name ?? code), district_code: f.properties?.district_code ? String(f.properties.district_code) : null }, geometry: f.geometry! };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { type: "FeatureCollection", features };
}

export function readGeo(dataDir: string): { districts: GeoCollection | null; communes: GeoCollection | null } {
  return { districts: read(join(dataDir, "geo/districts.geojson")), communes: read(join(dataDir, "geo/communes.geojson")) };
}
