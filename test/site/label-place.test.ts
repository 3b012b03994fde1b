// Place names on the maps sit well inside their own shape, never over a neighbour's fill: at the
// pole of inaccessibility (not the centroid, which can lie outside a bent shape), moved towards
// room when the name is wider than the shape there, and left out when it fits nowhere.
import { describe, expect, it } from "vitest";
import { mapView } from "../../scripts/lib/site/geo-svg.js";
import { boxInside, fitName, insidePolygon, labelAnchor, type Polygon, textBox, textWidth } from "../../scripts/lib/site/label-place.js";
import type { GeoFeature } from "../../scripts/lib/site/model.js";

// A "U" 90 wide and 90 high whose arms are 20 wide: its centroid (45, ~52) lies in the empty middle.
const U: Polygon = [[[0, 0], [20, 0], [20, 70], [70, 70], [70, 0], [90, 0], [90, 90], [0, 90], [0, 0]]];
// A 200 × 20 strip with a 60 × 60 square on top of its middle: the pole is in the square.
const T: Polygon = [[[0, 60], [70, 60], [70, 0], [130, 0], [130, 60], [200, 60], [200, 80], [0, 80], [0, 60]]];

describe("label anchor", () => {
  it("lies inside a bent shape whose centroid does not, as far from the outline as the shape allows", () => {
    expect(insidePolygon(45, 52, U)).toBe(false);
    const a = labelAnchor([U])!;
    expect(insidePolygon(a.x, a.y, U)).toBe(true);
    expect(a.y).toBeGreaterThan(70);
    expect(a.r).toBeGreaterThan(9);
  });

  it("picks the part of a multi-part shape with the most room, and none for a shape without area", () => {
    const islet: Polygon = [[[300, 300], [304, 300], [304, 304], [300, 304], [300, 300]]];
    const a = labelAnchor([islet, U])!;
    expect(a.polygon).toBe(U);
    expect(labelAnchor([[[[0, 0], [10, 0], [20, 0], [0, 0]]]])).toBeNull();
  });
});

describe("box inside polygon", () => {
  it("holds for a box clear of the outline, fails for one crossing an edge or lying in a hole", () => {
    const ring: Polygon = [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]], [[40, 40], [60, 40], [60, 60], [40, 60], [40, 40]]];
    expect(boxInside({ x0: 5, y0: 5, x1: 35, y1: 20 }, ring)).toBe(true);
    expect(boxInside({ x0: 90, y0: 5, x1: 110, y1: 20 }, ring)).toBe(false);
    expect(boxInside({ x0: 30, y0: 45, x1: 50, y1: 55 }, ring)).toBe(false);
    expect(boxInside({ x0: 45, y0: 45, x1: 55, y1: 55 }, ring)).toBe(false);
  });

  it("fails for a box whose centre is inside but whose corner pokes through a notch", () => {
    expect(boxInside({ x0: 10, y0: 75, x1: 80, y1: 85 }, U)).toBe(true);
    expect(boxInside({ x0: 10, y0: 65, x1: 80, y1: 85 }, U)).toBe(false);
  });
});

describe("fitting a name", () => {
  it("keeps a name that fits at the pole there", () => {
    const a = labelAnchor([T])!;
    expect(fitName(a, 20, 12, 1.5)).toEqual({ x: Math.round(a.x * 10) / 10, y: Math.round(a.y * 10) / 10 });
  });

  it("moves a name too wide for the pole's spot to the nearest place where its whole box fits", () => {
    const a = labelAnchor([T])!;
    expect(a.y).toBeLessThan(60);
    const at = fitName(a, 150, 12, 1.5)!;
    expect(at).not.toBeNull();
    expect(boxInside(textBox(150, 12, at.x, at.y, 1.5), T)).toBe(true);
  });

  it("drops a name that fits nowhere in its shape", () => {
    expect(fitName(labelAnchor([T])!, 210, 12, 1.5)).toBeNull();
    expect(fitName(labelAnchor([U])!, 95, 12, 1.5)).toBeNull();
  });

  it("gives wide letters more room than narrow ones, scaled by the font size", () => {
    expect(textWidth("Minh", 12)).toBeGreaterThan(textWidth("liti", 12));
    expect(textWidth("Đoan Hùng", 17)).toBeCloseTo((textWidth("Đoan Hùng", 12) * 17) / 12, 0);
  });
});

describe("names on a map", () => {
  const square = (code: string, x: number, size: number): GeoFeature => ({
    type: "Feature",
    id: code,
    properties: { code, name: code, district_code: null },
    geometry: { type: "Polygon", coordinates: [[[x, 21], [x + size, 21], [x + size, 21 + size], [x, 21 + size], [x, 21]]] },
  });

  it("draws a name inside its own shape, fitted to the width it was measured at, and leaves out one that does not fit", () => {
    const features = [square("A", 105, 0.5), square("B", 105.5, 0.02)];
    const names: Record<string, string> = { A: "Xã Rộng Rãi", B: "Xã Rất Nhỏ Bé" };
    const view = mapView("m", "status", "Bản đồ", features, 600, (code) => ({ cls: `m-${code}`, label: code, href: null }), [], { name: (c) => names[c] ?? null });
    expect(view.labels.map((l) => l.text)).toEqual(["Xã Rộng Rãi"]);
    const [label] = view.labels;
    expect(label!.cls).toBe("l-m-A");
    expect(label!.w).toBe(textWidth("Xã Rộng Rãi", 17));
    expect(label!.x).toBeGreaterThan(0);
    expect(label!.x).toBeLessThan(600 * (0.5 / 0.52));
  });
});
