// One view per unit: the figures derived once from the roll-up, read by the documents and the
// site alike (timeliness, the reduction and its verdict in the catalogue's words, money).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rollUp, type UnitFigures } from "../../scripts/lib/aggregate/roll-up.js";
import { loadDataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { Dataset } from "../../scripts/lib/model/dataset.js";
import { deadlineOf } from "../../scripts/lib/model/deadlines.js";
import type { Period } from "../../scripts/lib/model/types.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { derive, moneyOf, reductionOf, unitViews } from "../../scripts/lib/render/view/unit-view.js";
import { deprivationFacts, type FactEnv } from "../../scripts/lib/render/view/facts.js";
import { siteModel } from "../../scripts/lib/site/adapt/site-model.js";
import { SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

const load = (): Dataset => loadDataset(fx.data, SCHEMAS, fx.root).dataset!;
const COMMUNE = "reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml";
/** The site's model without documents or maps. */
const site = (ds: Dataset, tree: ReturnType<typeof rollUp>) => {
  const docs = { md: "", html: "", docx: "", bodyHtml: null };
  return siteModel({ ds, tree, docs: new Map([...ds.units.keys()].map((c) => [c, docs])), plan: { ...docs, bodyHtml: "" }, geo: { districts: null, communes: null }, views: unitViews(ds, tree) });
};
/** The fixture with the catalogue edited (each [from, to]), loaded, rolled up and viewed. */
const withCatalogue = (...edits: [string, string][]) => {
  for (const [from, to] of edits) fx.edit("catalogue/indicators.yaml", from, to);
  const ds = load();
  const tree = rollUp(ds);
  return { ds, tree, views: unitViews(ds, tree) };
};
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

describe("the unit view", () => {
  it("a report submitted 3 days after its level's deadline is 'Nộp muộn 3 ngày' on the unit's page", () => {
    const before = load();
    const deadline = deadlineOf(before.levels.get("commune"), before.plan)!;
    fx.edit(COMMUNE, "submitted_on: 2018-07-25", `submitted_on: ${plusDays(deadline, 3)}`);
    const ds = load();
    const tree = rollUp(ds);
    const view = unitViews(ds, tree).get("00123")!;
    expect([view.timeliness, view.daysLate, view.timelinessLabel]).toEqual(["late", 3, "Nộp muộn 3 ngày"]);
    expect(site(ds, tree).units.find((u) => u.code === "00123")!.timeliness_label).toBe("Nộp muộn 3 ngày");
  });

  it("holds the deadline raw and printed, and the days left while a report is awaited; the site shows them as is", () => {
    const ds = load();
    const tree = rollUp(ds);
    const views = unitViews(ds, tree);
    const pages = new Map(site(ds, tree).units.map((u) => [u.code, u]));
    const deadline = deadlineOf(ds.levels.get("commune"), ds.plan)!;
    const [y, m, d] = deadline.split("-");
    expect(views.get("00123")!.deadline).toEqual({ iso: deadline, text: `${d}/${Number(m)}/${y}` });
    expect(views.get("00123")!.daysLeft).toBeNull(); // submitted
    const awaited = [...views.values()].filter((v) => v.figures.report?.status !== "da_nop" && v.figures.report?.status !== "da_duyet" && v.deadline);
    expect(awaited.length).toBeGreaterThan(0);
    for (const v of awaited) {
      const left = Math.round((Date.parse(v.deadline!.iso) - Date.parse(ds.project.as_of)) / 86_400_000);
      expect(v.daysLeft).toEqual({ value: left, text: left > 0 ? `Còn ${left} ngày` : left === 0 ? "Hôm nay là hạn cuối" : `Quá hạn ${-left} ngày` });
    }
    for (const v of views.values()) expect([pages.get(v.unit.code)!.deadline, pages.get(v.unit.code)!.days]).toEqual([v.deadline, v.daysLeft]);
  });

  it("prints the verdict in the catalogue's words, in the site and in Biểu 01 alike", () => {
    const { ds, tree, views } = withCatalogue(["    khong_dat: Chưa đạt\n", "    khong_dat: Chưa đạt mục tiêu\n"], ["    dat: Đạt\n", "    dat: Đạt mục tiêu\n"], ["    vuot: Vượt\n", "    vuot: Vượt mục tiêu\n"]);
    const withVerdict = [...views.values()].filter((v) => v.derived.reduction && v.derived.reduction.verdict !== "chua_du_so_lieu" && v.derived.reduction.verdict !== "muc_thap");
    expect(withVerdict.length).toBeGreaterThan(0);
    const pages = new Map(site(ds, tree).units.map((u) => [u.code, u]));
    for (const v of withVerdict) {
      if (pages.get(v.unit.code)!.reduction) expect(pages.get(v.unit.code)!.reduction!.verdict_label).toBe(v.derived.reduction!.label);
      expect(v.derived.reduction!.label).toMatch(/mục tiêu$/);
      const rows = reportView(ds, tree, v.unit).forms.flatMap((f) => f.table.rows.map((r) => r.cells.join(" | ")));
      expect(rows.some((r) => r.includes(`${v.derived.reduction!.label} (`))).toBe(true);
    }
  });
});

describe("the income verdict of the view", () => {
  it("Biểu 01's income cell prints the view's derived verdict in the catalogue's words", () => {
    fx.edit(COMMUNE, "  ho_can_ngheo_phat_sinh:", "  thu_nhap_bq_ho_ngheo: {baseline: 600, y2016: 650, y2017: 700, mid2018: 756}\n  ho_can_ngheo_phat_sinh:");
    const { ds, tree, views } = withCatalogue(["    dat: Đạt\n", "    dat: Đạt lộ trình\n"]);
    const v = views.get("00123")!;
    expect(v.derived.income).toMatchObject({ verdict: "dat", label: "Đạt lộ trình", multiple: { value: 1.26, text: "1,26" }, targetText: { multiple: "1,5", path: "1,25" } });
    const rows = reportView(ds, tree, v.unit).forms.flatMap((f) => f.table.rows.map((r) => r.cells.join(" | ")));
    expect(rows.some((r) => r.includes("Đạt lộ trình (gấp 1,26 lần)"))).toBe(true);
  });
});

describe("names from the catalogue", () => {
  it("a deprivation's and a chart series' short name is the catalogue's, in the sentences and on the site; without one, the name", () => {
    const { ds, tree, views } = withCatalogue(
      ["    short_name: Chỉ số bảo hiểm y tế\n", "    short_name: Chỉ số BHYT\n"],
      ["    short_name: Hộ tái nghèo\n", "    short_name: Hộ rơi lại vào nghèo\n"],
      ["    short_name: Chỉ số nguồn nước sinh hoạt\n", ""],
    );
    const model = site(ds, tree);
    const dep = (id: string) => model.deprivations.find((d) => d.id === id)!.name;
    expect(dep("thieu_hut_bhyt")).toBe("Chỉ số BHYT");
    expect(dep("thieu_hut_nuoc_sinh_hoat")).toBe("Số hộ nghèo thiếu hụt chỉ số nguồn nước sinh hoạt");
    expect(dep("thieu_hut_chat_luong_nha")).toBe("Chỉ số chất lượng nhà ở");
    expect(model.series_names).toEqual({ poor_rate: "Tỷ lệ hộ nghèo", near_poor_rate: "Tỷ lệ hộ cận nghèo", escaped: "Hộ thoát nghèo", relapsed: "Hộ rơi lại vào nghèo", new_poor: "Hộ nghèo phát sinh" });
    // The report's sentence on the highest deprivations names them as the catalogue does, in lower case first.
    const last = ds.project.periods.at(-1)!;
    const values = { ho_ngheo: { [last.id]: 100 }, thieu_hut_bhyt: { [last.id]: 50 }, thieu_hut_nuoc_sinh_hoat: { [last.id]: 40 }, thieu_hut_chat_luong_nha: { [last.id]: 30 }, thieu_hut_nha_tieu: { [last.id]: 10 } };
    const unit = views.get("00123")!.unit;
    const env = { periods: ds.project.periods, roles: ds.catalogue.roles } as unknown as FactEnv;
    expect(deprivationFacts({ unit, effective: values } as unknown as UnitFigures, env, derive(ds, unit, values, []))).toEqual([
      `Các chỉ số thiếu hụt dịch vụ xã hội cơ bản cao nhất của hộ nghèo tại thời điểm ${last.stock_label}: chỉ số BHYT (50,00%); số hộ nghèo thiếu hụt chỉ số nguồn nước sinh hoạt (40,00%); chỉ số chất lượng nhà ở (30,00%).`,
    ]);
  });

  it("the catalogue's check refuses an empty short name, at its line", () => {
    fx.edit("catalogue/indicators.yaml", "    short_name: Hộ tái nghèo\n", '    short_name: ""\n');
    const line = fx.read("catalogue/indicators.yaml").split("\n").findIndex((l) => l === '    short_name: ""') + 1;
    const diags = loadDataset(fx.data, SCHEMAS, fx.root).diagnostics.filter((d) => d.severity === "error");
    expect(diags.map((d) => [d.code, d.file, d.line, d.column])).toEqual([["SCHEMA_CONSTRAINT", "data/catalogue/indicators.yaml", line, 17]]);
  });
});

describe("derived figures", () => {
  const periods = [
    { id: "a", years: 0 },
    { id: "b", years: 1 },
    { id: "c", years: 1.5 },
  ] as Period[];
  const labels = { vuot: "V", dat: "Đ", khong_dat: "K", muc_thap: "T", chua_du_so_lieu: "?", da_thoat: "X", chua_thoat: "Y" };
  const target = { min: 1, max: 1.5, poorArea: false, source: "QĐ", illustrative: false, lowRate: 2 };

  it("a drop is the difference of the printed rates, as Biểu 01 prints it (not of the raw rates)", () => {
    // Printed 0,64 → 0,50 → 0,38: drops 0,14 and 0,12 (the raw differences round to 0,13 and 0,13).
    const r = reductionOf({ x: { a: 0.6351, b: 0.5049, c: 0.3751 } }, "x", target, periods, labels)!;
    expect(r.perPeriod.map((p) => p.text)).toEqual(["0,14", "0,12"]);
    expect(r.overall).toEqual({ value: 0.26, text: "0,26" });
    // The yearly pace is the printed drop over the years: 0,26 ÷ 2,5 = 0,104 → 0,10 (the raw
    // rates give 0,26 ÷ 2,5 = 0,104 too here; below, a case where they differ).
    expect(r.perYear.text).toBe("0,10");
    // Printed 0,81 → 0,47: a drop of 0,34 over 2,5 years reads 0,136 → 0,14 a year, while the raw
    // rates (0,8051 → 0,4749) would give 0,3302 ÷ 2,5 = 0,132 → 0,13.
    const pace = reductionOf({ x: { a: 0.8051, b: 0.6, c: 0.4749 } }, "x", target, periods, labels)!;
    expect([pace.overall.text, pace.perYear.text]).toEqual(["0,34", "0,14"]);
    // The verdict reads the printed pace: 10,00 → 7,51 is 2,49 over 2,5 years, 0,996 a year, printed
    // "1,00" against a target of 1: reached; 10,00 → 6,24 is 1,504, printed "1,50" against at most
    // 1,5: reached, not exceeded.
    const atMin = reductionOf({ x: { a: 10, b: 9, c: 7.51 } }, "x", target, periods, labels)!;
    expect([atMin.perYear.text, atMin.verdict]).toEqual(["1,00", "dat"]);
    const atMax = reductionOf({ x: { a: 10, b: 8, c: 6.24 } }, "x", target, periods, labels)!;
    expect([atMax.perYear.text, atMax.verdict]).toEqual(["1,50", "dat"]);
    // A rate the catalogue prints with 1 decimal: the drops of the printed 0,6 → 0,5 → 0,4.
    const one = reductionOf({ x: { a: 0.6351, b: 0.5049, c: 0.3751 } }, "x", target, periods, labels, 1)!;
    expect(one.perPeriod.map((p) => p.text)).toEqual(["0,1", "0,1"]);
    expect(one.last.text).toBe("0,4%");
  });

  it("a rate's reduction: per period, a year, the target path, the verdict and its label, each raw and as printed", () => {
    const r = reductionOf({ x: { a: 10, b: 8.5, c: 7.5 } }, "x", target, periods, labels)!;
    expect(r.perPeriod).toEqual([{ period: "b", value: 1.5, text: "1,50" }, { period: "c", value: 1, text: "1,00" }]);
    expect(r.perYear).toEqual({ value: 1, text: "1,00" });
    expect(r.last).toEqual({ value: 7.5, text: "7,50%" });
    expect(r.targetText).toEqual({ min: "1", max: "1,5" });
    expect(r.path).toEqual([{ period: "a", value: 10, text: "10,00%" }, { period: "b", value: 9, text: "9,00%" }, { period: "c", value: 7.5, text: "7,50%" }]);
    expect(reductionOf({ x: { a: 10, c: 7.5 } }, "x", target, periods, labels)!.perPeriod).toEqual([{ period: "b", value: null, text: "—" }, { period: "c", value: null, text: "—" }]);
    expect([r.verdict, r.label]).toEqual(["dat", "Đ"]);
    expect(reductionOf({ x: { a: 10 } }, "x", target, periods, labels)!.label).toBe("?");
    expect(reductionOf({}, "x", target, periods, labels)).toBeNull();
  });

  it("money in whole units, record by record, as Biểu 04 prints it", () => {
    expect(moneyOf([{ plan: 1.4, disbursed: 0.6 }, { plan: 1.4, disbursed: 0.6 }])).toEqual({ plan: { value: 2, text: "2" }, disbursed: { value: 2, text: "2" }, rate: { value: 100, text: "100,00%" } });
    expect(moneyOf([{ plan: 1500.4, disbursed: 1234.6 }])).toMatchObject({ plan: { text: "1.500" }, disbursed: { text: "1.235" }, rate: { text: "82,33%" } });
    expect(moneyOf([{ plan: 0, disbursed: 5 }]).rate).toEqual({ value: null, text: "—" });
  });
});
