// Plausibility warnings (catalogue/plausibility.yaml): each rule fires past its threshold, stays
// quiet at the edge, and is silenced by a reason in the report. Small fixture, edited per test.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { checkRevisions } from "../../scripts/lib/validate/check-revisions.js";
import { FILES, REPO, SCHEMAS, makeFixture, only, where, type Fixture } from "./fixture.js";

const PLAUSIBILITY = ["VALUE_JUMP", "VALUE_OUTLIER", "VALUE_FLOW_CONSTANT", "VALUE_REVISED", "FINANCE_NO_PLAN", "FINANCE_NO_ACTIVITY"];
const COMMUNE = FILES.commune2; // Xã Đồng Tâm: households 800 → 805 → 812 → 820

let fx: Fixture;
let original: string;
beforeEach(() => {
  fx = makeFixture();
  original = fx.read(COMMUNE);
});
afterEach(() => fx.cleanup());

/** 1-based line and column of the value after `key: ` on the line starting with `prefix`. */
function at(rel: string, prefix: string, key: string): { line: number; column: number } {
  const lines = fx.read(rel).split("\n");
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`${prefix} not in ${rel}`);
  return { line: i + 1, column: lines[i]!.indexOf(`${key}: `) + key.length + 3 };
}

const addNote = (id: string) => fx.write(COMMUNE, fx.read(COMMUNE).replace(/^finance:/m, `notes:\n  ${id}: "Sáp nhập thôn Đồng Xuân từ xã Hùng Tiến ngày 01/5/2018"\nfinance:`));

describe("a stock that jumps between consecutive periods", () => {
  it("warns when households move more than 5 % in a half-year, at the value, with a hint to give a reason", () => {
    fx.edit(COMMUNE, "mid2018: 820}", "mid2018: 853}"); // 812 → 853: +5,05 %
    const [d, ...rest] = only(fx.check(), "VALUE_JUMP");
    expect(rest).toEqual([]);
    expect(where(d!)).toEqual({ code: "VALUE_JUMP", severity: "warning", file: fx.shown(COMMUNE), ...at(COMMUNE, "  ho_dan_cu:", "mid2018") });
    expect(d!.message).toContain("812");
    expect(d!.message).toContain("853");
    expect(d!.hint).toContain("notes:");
    expect(d!.hint).toContain("ho_dan_cu");
  });

  it("stays quiet at the edge (+4,9 % in a half-year)", () => {
    fx.edit(COMMUNE, "mid2018: 820}", "mid2018: 852}");
    expect(only(fx.check(), "VALUE_JUMP")).toEqual([]);
  });

  it("warns when poor households more than halve, but not when they exactly halve", () => {
    fx.edit(COMMUNE, "ho_can_ngheo: {baseline: 60, y2016: 58, y2017: 57, mid2018: 55}", "ho_can_ngheo: {baseline: 60, y2016: 58, y2017: 57, mid2018: 28}");
    expect(only(fx.check(), "VALUE_JUMP").map((d) => d.pointer)).toEqual(["/values/ho_can_ngheo/mid2018"]);
    fx.write(COMMUNE, original.replace("ho_can_ngheo: {baseline: 60, y2016: 58, y2017: 57, mid2018: 55}", "ho_can_ngheo: {baseline: 60, y2016: 58, y2017: 58, mid2018: 29}"));
    expect(only(fx.check(), "VALUE_JUMP")).toEqual([]);
  });

  it("is silenced by a reason in the report's notes", () => {
    fx.edit(COMMUNE, "mid2018: 820}", "mid2018: 999999}");
    expect(only(fx.check(), "VALUE_JUMP")).toHaveLength(1);
    addNote("ho_dan_cu");
    const r = fx.check();
    expect(only(r, "VALUE_JUMP")).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("reasons in notes", () => {
  it("refuses a reason for an indicator that does not exist, at its key, with the closest id", () => {
    fx.edit(COMMUNE, "mid2018: 820}", "mid2018: 999999}");
    addNote("ho_dan_cuu");
    const r = fx.check();
    const lines = fx.read(COMMUNE).split("\n");
    const line = lines.findIndex((l) => l.startsWith("  ho_dan_cuu:")) + 1;
    expect(only(r, "VALUE_UNKNOWN_INDICATOR").map(where)).toEqual([{ code: "VALUE_UNKNOWN_INDICATOR", severity: "error", file: fx.shown(COMMUNE), line, column: 3 }]);
    expect(only(r, "VALUE_UNKNOWN_INDICATOR")[0]!.hint).toContain("ho_dan_cu");
    expect(only(r, "VALUE_JUMP")).toHaveLength(1);
  });
});

describe("the thresholds file and the submission window", () => {
  it("refuses thresholds for an unknown indicator and an outlier rule on a figure that is not a rate", () => {
    const rel = "catalogue/plausibility.yaml";
    fx.edit(rel, "    nhan_khau_ho_ngheo:", "    ho_dan_cuu: {max_factor: 3}\n    nhan_khau_ho_ngheo:");
    fx.edit(rel, "indicators: [ty_le_ho_ngheo, ty_le_ho_can_ngheo]", "indicators: [ty_le_ho_ngheo, ho_ngheo]");
    const r = fx.check();
    const refs = only(r, "CATALOGUE_UNKNOWN_REF").filter((d) => d.file === fx.shown(rel));
    expect(refs.map((d) => d.pointer)).toEqual(["/jump/indicators/ho_dan_cuu", "/outlier/indicators/1"]);
    expect(r.ok).toBe(false);
  });

  it("refuses a default jump rule that sets no threshold", () => {
    fx.edit("catalogue/plausibility.yaml", /  default:\n(    .*\n)+?(?=  indicators:)/, "  default:\n    min_value: 50\n");
    expect(fx.check().diagnostics.filter((d) => d.file === fx.shown("catalogue/plausibility.yaml") && d.severity === "error")).not.toEqual([]);
  });

  it("refuses a submission window that ends before it starts", () => {
    fx.edit("project.yaml", "submission_window: {from: 2018-05-10, to: 2018-12-31}", "submission_window: {from: 2018-12-31, to: 2018-05-10}");
    const d = only(fx.check(), "SCHEMA_CONSTRAINT");
    expect(d.map((x) => [x.file, x.pointer])).toEqual([[fx.shown("project.yaml"), "/submission_window/to"]]);
    expect(d[0]!.message).toContain("10/5/2018");
  });
});

describe("a flow with the same value in every period", () => {
  it("warns at the last period when every period repeats a value of 10 or more", () => {
    fx.edit(COMMUNE, "ho_thoat_ngheo: {y2016: 25, y2017: 24, mid2018: 13}", "ho_thoat_ngheo: {y2016: 12, y2017: 12, mid2018: 12}");
    const d = only(fx.check(), "VALUE_FLOW_CONSTANT");
    expect(d.map(where)).toEqual([{ code: "VALUE_FLOW_CONSTANT", severity: "warning", file: fx.shown(COMMUNE), ...at(COMMUNE, "  ho_thoat_ngheo:", "mid2018") }]);
    expect(d[0]!.message).toContain("12");
  });

  it("stays quiet below the minimum, when one period differs, and with a reason", () => {
    fx.edit(COMMUNE, "ho_thoat_ngheo: {y2016: 25, y2017: 24, mid2018: 13}", "ho_thoat_ngheo: {y2016: 9, y2017: 9, mid2018: 9}");
    expect(only(fx.check(), "VALUE_FLOW_CONSTANT")).toEqual([]);
    fx.write(COMMUNE, original.replace("ho_thoat_ngheo: {y2016: 25, y2017: 24, mid2018: 13}", "ho_thoat_ngheo: {y2016: 12, y2017: 12, mid2018: 11}"));
    expect(only(fx.check(), "VALUE_FLOW_CONSTANT")).toEqual([]);
    fx.write(COMMUNE, original.replace("ho_thoat_ngheo: {y2016: 25, y2017: 24, mid2018: 13}", "ho_thoat_ngheo: {y2016: 12, y2017: 12, mid2018: 12}"));
    addNote("ho_thoat_ngheo");
    expect(only(fx.check(), "VALUE_FLOW_CONSTANT")).toEqual([]);
  });
});

describe("money that does not match activity", () => {
  const rows = (...r: string[]) => fx.edit(COMMUNE, "finance: []", `finance:\n${r.map((x) => `  - ${x}`).join("\n")}`);

  it("warns on money disbursed with no plan, at the disbursed amount", () => {
    rows("{component: DA4.TDA1, source: ndp_sn, period: y2016, plan: 0, disbursed: 50}");
    fx.edit(COMMUNE, "values:\n", "values:\n  tin_bai_truyen_thong: {y2016: 2, y2017: 1, mid2018: 1}\n");
    const d = only(fx.check(), "FINANCE_NO_PLAN");
    expect(d.map(where)).toEqual([{ code: "FINANCE_NO_PLAN", severity: "warning", file: fx.shown(COMMUNE), ...at(COMMUNE, "  - {component: DA4.TDA1", "disbursed") }]);
  });

  it("does not warn for a planned row, nor for a row with a note", () => {
    rows("{component: DA4.TDA1, source: ndp_sn, period: y2016, plan: 1, disbursed: 50}", '{component: DA4.TDA1, source: ndp_sn, period: y2017, plan: 0, disbursed: 20, note: "Vốn năm 2016 chuyển sang"}');
    fx.edit(COMMUNE, "values:\n", "values:\n  tin_bai_truyen_thong: {y2016: 2, y2017: 1, mid2018: 1}\n");
    const r = fx.check();
    expect(only(r, "FINANCE_NO_PLAN")).toEqual([]);
    expect(only(r, "FINANCE_NO_ACTIVITY")).toEqual([]);
    expect(only(r, "FINANCE_OVER_PLAN")).toHaveLength(2);
  });

  it("warns on a planned component whose activity indicators are all 0 over the window, not when one is not", () => {
    rows("{component: DA3, source: ndp_sn, period: y2016, plan: 120, disbursed: 100}", "{component: DA3, source: ndp_sn, period: y2017, plan: 80, disbursed: 80}");
    fx.edit(COMMUNE, "values:\n", "values:\n  mo_hinh_sinh_ke_da3: {y2016: 0, y2017: 0, mid2018: 0}\n  ho_duoc_ho_tro_sinh_ke_da3: {y2016: 0, y2017: 0, mid2018: 0}\n");
    const d = only(fx.check(), "FINANCE_NO_ACTIVITY");
    expect(d.map(where)).toEqual([{ code: "FINANCE_NO_ACTIVITY", severity: "warning", file: fx.shown(COMMUNE), ...at(COMMUNE, "  - {component: DA3, source: ndp_sn, period: y2016", "plan") }]);
    expect(d[0]!.message).toContain("200");
    fx.edit(COMMUNE, "ho_duoc_ho_tro_sinh_ke_da3: {y2016: 0, y2017: 0, mid2018: 0}", "ho_duoc_ho_tro_sinh_ke_da3: {y2016: 0, y2017: 14, mid2018: 0}");
    expect(only(fx.check(), "FINANCE_NO_ACTIVITY")).toEqual([]);
  });

  it("does not warn about a planned component without activity when a row gives the reason", () => {
    rows('{component: DA3, source: ndp_sn, period: y2016, plan: 120, disbursed: 100, note: "Mô hình triển khai từ quý III/2018"}');
    fx.edit(COMMUNE, "values:\n", "values:\n  mo_hinh_sinh_ke_da3: {y2016: 0, y2017: 0, mid2018: 0}\n");
    expect(only(fx.check(), "FINANCE_NO_ACTIVITY")).toEqual([]);
  });
});

describe("a value revised since the previous submission", () => {
  const previous = (status: string) => new Map([[COMMUNE, { status, values: { ho_dan_cu: { baseline: 800, y2016: 805, y2017: 812, mid2018: 820 } } }]]);
  const revisions = (status: string) => {
    const r = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root });
    return checkRevisions(r.dataset!, previous(status));
  };

  it("warns past 20 % of a submitted value, not at exactly 20 %, not for a draft, not with a reason", () => {
    fx.edit(COMMUNE, "mid2018: 820}", "mid2018: 985}");
    const d = revisions("da_duyet");
    expect(d.map(where)).toEqual([{ code: "VALUE_REVISED", severity: "warning", file: fx.shown(COMMUNE), ...at(COMMUNE, "  ho_dan_cu:", "mid2018") }]);
    expect(d[0]!.message).toContain("820");
    expect(d[0]!.message).toContain("985");
    expect(revisions("dang_soan")).toEqual([]);
    fx.edit(COMMUNE, "mid2018: 985}", "mid2018: 984}");
    expect(revisions("da_nop")).toEqual([]);
    fx.edit(COMMUNE, "mid2018: 984}", "mid2018: 1500}");
    addNote("ho_dan_cu");
    expect(revisions("da_nop")).toEqual([]);
  });

  it("runs in check when previous versions are given", () => {
    fx.edit(COMMUNE, "mid2018: 820}", "mid2018: 985}");
    const r = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, previous: previous("da_nop") });
    expect(only(r, "VALUE_REVISED")).toHaveLength(1);
  });
});

describe("a unit far from its siblings, on the bundled data", () => {
  let root: string;
  let data: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "plausibility-bundled-"));
    data = join(root, "data");
    cpSync(join(REPO, "data"), data, { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const check = () => runCheck({ dataDir: data, schemaDir: SCHEMAS, cwd: root });

  it("has none of the plausibility warnings", () => {
    const r = check();
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => PLAUSIBILITY.includes(d.code)).map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
  });

  it("warns on a rural commune whose poverty rate is far from its district's rural communes, and not once the reason is given", () => {
    // The rural commune with the most households in the largest district: make its poor households at
    // 30/6/2018 a fifth of its households (plus the flows that keep the stock-flow identity).
    const r0 = check();
    const ds = r0.dataset!;
    const byParent = new Map<string, string[]>();
    for (const u of ds.units.values()) if (u.area === "nong_thon" && u.parent) byParent.set(u.parent, [...(byParent.get(u.parent) ?? []), u.code]);
    const [, codes] = [...byParent].sort((a, b) => b[1].length - a[1].length)[0]!;
    const loaded = ds.reports.filter((r) => codes.includes(r.report.unit) && r.report.values.ho_ngheo?.mid2018 != null);
    const target = loaded[0]!;
    const file = join(data, target.file.rel);
    const text = readFileSync(file, "utf8");
    const v = target.report.values;
    const households = v.ho_dan_cu!.mid2018!;
    const poor = v.ho_ngheo!.mid2018!;
    const rates = loaded.map((r) => (r.report.values.ho_ngheo!.mid2018! / r.report.values.ho_dan_cu!.mid2018!) * 100).sort((a, b) => a - b);
    const newPoor = Math.round((households * Math.min(90, rates[rates.length - 1]! + 30)) / 100);
    const added = newPoor - poor;
    const bump = (line: string, key: string, by: number) => line.replace(new RegExp(`(${key}: )(\\d+)`), (_m, k: string, n: string) => `${k}${Number(n) + by}`);
    const lines = text.split("\n").map((l) => {
      if (l.startsWith("  ho_ngheo:")) return bump(l, "mid2018", added);
      if (l.startsWith("  ho_ngheo_phat_sinh:")) return bump(l, "mid2018", added);
      if (l.startsWith("  ho_ngheo_thieu_hut_thu_nhap:")) return bump(l, "mid2018", added);
      return l;
    });
    writeFileSync(file, lines.join("\n"));
    const r = check();
    const d = only(r, "VALUE_OUTLIER").filter((x) => x.file.endsWith(target.file.rel));
    expect(d.map((x) => x.pointer)).toEqual(["/values/ho_ngheo/mid2018"]);
    const row = lines.findIndex((l) => l.startsWith("  ho_ngheo:"));
    expect({ line: d[0]!.line, column: d[0]!.column }).toEqual({ line: row + 1, column: lines[row]!.indexOf("mid2018: ") + 10 });
    expect(d[0]!.message).toContain("cao bất thường");
    expect(d[0]!.message).toContain(ds.units.get(ds.units.get(target.report.unit)!.parent!)!.name);
    writeFileSync(file, lines.join("\n").replace(/^finance:/m, 'notes:\n  ty_le_ho_ngheo: "Lũ quét tháng 5/2018 làm 40 hộ mất nhà, đất sản xuất"\nfinance:'));
    expect(only(check(), "VALUE_OUTLIER").filter((x) => x.file.endsWith(target.file.rel))).toEqual([]);
    writeFileSync(file, text);
  });
});
