// Which search bundle a page belongs to comes from the tree: a child of the root with its whole
// subtree is one family; families are cut into at most 16 runs of about equal size, sorted by code;
// every other page goes to the site bundle. So an edit moves no page, and a nation-sized tree keeps
// a bounded number of bundles.
import { describe, expect, it } from "vitest";
import { unitPath } from "../../scripts/lib/site/format.js";
import type { SiteModel } from "../../scripts/lib/site/model.js";
import { balancedRuns, MAX_FAMILY_BUNDLES, searchBundles, SITE_BUNDLE } from "../../scripts/lib/site/search-index.js";
import { fixtureModel } from "./fixture-model.js";

const OVERVIEW = ["index.html", "chi-so/index.html", "ke-hoach/index.html", "tim-kiem/index.html"];

/** Only the tree: the codes and parents searchBundles reads. */
function tree(units: { code: string; parent: string | null }[]): SiteModel {
  return { root: units.find((u) => u.parent === null)!.code, units } as unknown as SiteModel;
}

/** A nation: `provinces` provinces (codes 01, 02 …) of `districts(p)` districts of 10 communes each. */
function nation(provinces: number, districts: (p: number) => number): { code: string; parent: string | null }[] {
  const units: { code: string; parent: string | null }[] = [{ code: "VN", parent: null }];
  for (let p = 1; p <= provinces; p++) {
    const pc = String(p).padStart(2, "0");
    units.push({ code: pc, parent: "VN" });
    for (let d = 1; d <= districts(p); d++) {
      const dc = `${pc}${String(d).padStart(2, "0")}`;
      units.push({ code: dc, parent: pc });
      for (let c = 1; c <= 10; c++) units.push({ code: `${dc}${String(c).padStart(2, "0")}`, parent: dc });
    }
  }
  return units;
}

describe("search bundles", () => {
  it("puts each child of the root with its subtree in a bundle of its own, and the rest in the site bundle", () => {
    const model = fixtureModel();
    const pages = [...OVERVIEW, ...model.units.map((u) => unitPath(u.code))];
    const bundles = searchBundles(model, pages);
    expect(bundles.map((b) => b.id)).toEqual([SITE_BUNDLE, "u-901", "u-902", "u-99-LDTBXH", "u-99-YT"]);
    expect(bundles[0]!.pages).toEqual([...OVERVIEW, unitPath("99")].sort());
    expect(bundles[1]!.pages).toEqual(["901", "90101", "90102", "90103"].map(unitPath));
    expect(bundles[2]!.pages).toEqual(["902", "90201", "90202", "90203"].map(unitPath));
    expect(bundles[3]!.pages).toEqual([unitPath("99-LDTBXH")]);
  });

  it("leaves out bundles without pages and sends pages it does not know to the site bundle", () => {
    const model = fixtureModel();
    const bundles = searchBundles(model, [unitPath("90203"), "gioi-thieu/index.html"]);
    expect(bundles).toEqual([
      { id: SITE_BUNDLE, pages: ["gioi-thieu/index.html"] },
      { id: "u-902", pages: [unitPath("90203")] },
    ]);
  });

  it("keeps a nation's 63 provinces in at most 16 bundles of whole provinces, about equal in size, the same for any order of the units", () => {
    const units = nation(63, (p) => 3 + ((p * 7) % 11));
    const pages = units.map((u) => unitPath(u.code));
    const bundles = searchBundles(tree(units), pages);
    expect(bundles[0]).toEqual({ id: SITE_BUNDLE, pages: [unitPath("VN")] });
    const families = bundles.slice(1);
    expect(families).toHaveLength(MAX_FAMILY_BUNDLES);
    // Every page in exactly one bundle, every province whole in one bundle.
    expect(bundles.flatMap((b) => b.pages).sort()).toEqual([...pages].sort());
    for (const b of families) {
      const provinces = new Set(b.pages.map((p) => p.split("/")[1]!.slice(0, 2)));
      const [first, last] = [[...provinces][0], [...provinces].at(-1)];
      expect(b.id).toBe(provinces.size === 1 ? `u-${first}` : `g-${first}-${last}`);
      for (const other of families) if (other !== b) expect(other.pages.some((p) => provinces.has(p.split("/")[1]!.slice(0, 2)))).toBe(false);
    }
    const sizes = families.map((b) => b.pages.length);
    const mean = (pages.length - 1) / MAX_FAMILY_BUNDLES;
    expect(Math.max(...sizes)).toBeLessThan(2 * mean);
    const reversed = searchBundles(tree([...units].reverse()), [...pages].reverse());
    expect(reversed).toEqual(bundles);
  });

  it("moves no page when a report changes: the grouping depends on the tree, not on the pages' text", () => {
    const units = nation(20, () => 4);
    const pages = units.map((u) => unitPath(u.code));
    const before = searchBundles(tree(units), pages);
    // A unit whose page is missing (not yet written) changes no other page's bundle either.
    const after = searchBundles(tree(units), pages.filter((p) => p !== unitPath("070101")));
    expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
    for (const [i, b] of after.entries()) expect(b.pages).toEqual(before[i]!.pages.filter((p) => p !== unitPath("070101")));
  });
});

describe("balancedRuns", () => {
  it("cuts in order into runs of about equal sums, never more than asked", () => {
    expect(balancedRuns([1, 1, 1, 1], 2)).toEqual([[0, 1], [2, 3]]);
    expect(balancedRuns([10, 1, 1, 1, 1], 3)).toEqual([[0], [1, 2], [3, 4]]);
    expect(balancedRuns([1, 1, 1, 1, 8], 3)).toEqual([[0, 1, 2], [3], [4]]);
    expect(balancedRuns([5, 5, 5], 8)).toEqual([[0], [1], [2]]);
    expect(balancedRuns([], 4)).toEqual([]);
  });
});
