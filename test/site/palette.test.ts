// The status colours (timeliness: on time, late, not yet due, overdue) stay distinguishable for
// readers with deuteranopia or protanopia: every pair is simulated (Machado, Oliveira & Fernandes
// 2009, full severity, in linear RGB) and compared in CIELAB (ΔE ≥ 35: the former green/red
// palette fell to 17 under deuteranopia). The focus ring stands out (≥ 3:1)
// on white. Colours are read from site/style.css, the file the site ships.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../check/fixture.js";

const css = readFileSync(join(REPO, "site", "style.css"), "utf8");
const cssVar = (name: string): string => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} not found in style.css`);
  return m[1]!;
};

type Rgb = [number, number, number];
const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toLinear = (hex: string): Rgb => [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255)) as Rgb;
const mul = (m: number[][], v: Rgb): Rgb => m.map((r) => Math.min(1, Math.max(0, r[0]! * v[0] + r[1]! * v[1] + r[2]! * v[2]))) as Rgb;

const VISION: Record<string, number[][] | null> = {
  normal: null,
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
};

function lab([r, g, b]: Rgb): Rgb {
  const xyz = [0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b, 0.0193 * r + 0.1192 * g + 0.9505 * b];
  const [x, y, z] = [xyz[0]! / 0.95047, xyz[1]!, xyz[2]! / 1.08883].map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)) as Rgb;
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const luminance = (hex: string) => { const [r, g, b] = toLinear(hex); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a: string, b: string) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };

const STATUS = ["on_time", "late", "not_yet", "missing"] as const;

describe("status palette", () => {
  it.each(Object.keys(VISION))("keeps every pair of status colours apart (ΔE ≥ 35) with %s vision", (vision) => {
    const m = VISION[vision];
    const seen = STATUS.map((k) => { const v = toLinear(cssVar(k)); return lab(m ? mul(m, v) : v); });
    for (let i = 0; i < STATUS.length; i++) {
      for (let j = i + 1; j < STATUS.length; j++) {
        expect(deltaE(seen[i]!, seen[j]!), `${STATUS[i]} vs ${STATUS[j]}`).toBeGreaterThanOrEqual(35);
      }
    }
  });

  it("has a focus ring of at least 3:1 on white", () => {
    expect(contrast(cssVar("focus"), "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("keeps red for overdue only: the brand colour is not red", () => {
    const [, a] = lab(toLinear(cssVar("brand")));
    const [, aMissing] = lab(toLinear(cssVar("missing")));
    expect(aMissing).toBeGreaterThan(40);
    expect(a).toBeLessThan(10);
  });
});
