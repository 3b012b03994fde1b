// The map memo (site/map-memo.ts): map geometry and label places kept between builds give the same
// map as computing them, on the build that fills the memo and on the one that reads it; a corrupt entry or
// file is ignored with a warning and computed again.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mapView, type MapView } from "../../scripts/lib/site/geo-svg.js";
import { closeMapMemo, openMapMemo } from "../../scripts/lib/site/map-memo.js";
import type { GeoFeature } from "../../scripts/lib/site/model.js";

/** A square commune of side 0.1° at (x, y), and an L-shaped one. */
const square = (code: string, x: number, y: number): GeoFeature => ({
  type: "Feature",
  id: code,
  properties: { code, name: `Xã ${code}`, district_code: "001" },
  geometry: { type: "Polygon", coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]] },
});
const ell: GeoFeature = {
  type: "Feature",
  id: "00003",
  properties: { code: "00003", name: "Xã Ba", district_code: "001" },
  geometry: { type: "Polygon", coordinates: [[[105.2, 21], [105.4, 21], [105.4, 21.05], [105.25, 21.05], [105.25, 21.2], [105.2, 21.2], [105.2, 21]]] },
};
const FEATURES = [square("00001", 105, 21), square("00002", 105.1, 21), ell];
const NAMES: Record<string, string> = { "00001": "Hòa Bình", "00002": "Đồng Tâm", "00003": "Bản Lầy Rất Dài" };

const draw = (): MapView =>
  mapView("m", "status", "Bản đồ", FEATURES, 600, (code) => ({ cls: "m-on_time", label: code, href: null }), [], { name: (c) => NAMES[c] ?? null });

/** One "build": the memo opened, the map drawn, the memo saved. */
function withMemo(file: string, warnings: string[] = []): MapView {
  openMapMemo(file, "code-1", (l) => warnings.push(l));
  try {
    return draw();
  } finally {
    closeMapMemo("code-1");
  }
}

describe("the map memo", () => {
  const computed = draw();

  it("gives the map computed without it, on the build that fills it and on the one that reads it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "map-memo-")), "map-memo.json");
    expect(computed.labels.length).toBeGreaterThan(0);
    expect(withMemo(file)).toEqual(computed);
    const entries = Object.keys((JSON.parse(readFileSync(file, "utf8")) as { entries: object }).entries);
    expect(entries).toHaveLength(1 + FEATURES.length); // the projection and each name's place
    const warnings: string[] = [];
    expect(withMemo(file, warnings)).toEqual(computed);
    expect(warnings).toEqual([]);
  });

  it("ignores an entry whose checksum does not match, with a warning, and computes it again", () => {
    const file = join(mkdtempSync(join(tmpdir(), "map-memo-")), "map-memo.json");
    withMemo(file);
    const m = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, { v: unknown; h: string }> };
    for (const e of Object.values(m.entries)) if (e.v && typeof e.v === "object" && "x" in e.v) (e.v as { x: number }).x += 40; // a name moved out of its shape
    writeFileSync(file, JSON.stringify(m));
    const warnings: string[] = [];
    expect(withMemo(file, warnings)).toEqual(computed);
    expect(warnings.length).toBe(FEATURES.length);
    expect(warnings[0]).toContain("không khớp SHA-256");
  });

  it("ignores a file that is not JSON, with one warning, and one made by other code, silently", () => {
    const file = join(mkdtempSync(join(tmpdir(), "map-memo-")), "map-memo.json");
    writeFileSync(file, "{ not json");
    const warnings: string[] = [];
    expect(withMemo(file, warnings)).toEqual(computed);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("không phải JSON");
    openMapMemo(file, "code-2", (l) => warnings.push(l));
    expect(draw()).toEqual(computed);
    closeMapMemo("code-2");
    expect(warnings).toHaveLength(1);
  });
});
