// The frame of a report as an official reads it, on the other-province fixture: the opening cites
// the plan's number and date (and, for the province, the Ministry's Công văn 1749); "Nơi nhận"
// comes from the level's list in project.yaml; the reporting account reads as written by hand;
// and check rejects a bad recipients list or plan field with a located diagnostic.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { loadDataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { Dataset } from "../../scripts/lib/model/dataset.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { SCHEMAS, expectAt, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

const load = (): Dataset => loadDataset(fx.data, SCHEMAS, fx.root).dataset!;
const view = (code: string, ds = load()) => reportView(ds, rollUp(ds), ds.units.get(code)!);
/** 1-based line and column of the first occurrence of `text` in a data file. */
const position = (rel: string, text: string): { line: number; column: number } => {
  const lines = fx.read(rel).split("\n");
  const line = lines.findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`${text} not in ${rel}`);
  return { line: line + 1, column: lines[line]!.indexOf(text) + 1 };
};

describe("the opening cites the plan and, for the province, the Ministry's guidance", () => {
  it("cites the plan's number and date from plan.yaml, and says they are illustrative", () => {
    const v = view("901");
    expect(v.opening).toMatch(/^Thực hiện Kế hoạch số 1852\/KH-UBND ngày 18\/5\/2018 của Ủy ban nhân dân tỉnh Mẫu về việc tổ chức đánh giá giữa kỳ/);
    expect(v.opening).not.toContain("1749");
    expect(v.citationNote).toBe("Số và ngày ban hành của Kế hoạch số 1852/KH-UBND dẫn trong báo cáo là minh họa.");
  });

  it("the province cites Công văn 1749/LĐTBXH-VPQGGN (the evaluation and the NQ 76 policy review) before the plan", () => {
    const v = view("99");
    expect(v.opening).toMatch(
      /^Thực hiện Công văn số 1749\/LĐTBXH-VPQGGN ngày 10\/5\/2018 của Bộ Lao động - Thương binh và Xã hội về việc .*rà soát, tích hợp hệ thống chính sách giảm nghèo theo Nghị quyết số 76\/2014\/QH13.*; Kế hoạch số 1852\/KH-UBND ngày 18\/5\/2018/,
    );
    expect(v.opening).toMatch(/, Ủy ban nhân dân tỉnh Mẫu báo cáo kết quả như sau:$/);
  });

  it("follows plan.yaml: a real number and date, no longer marked illustrative", () => {
    fx.edit("plan.yaml", 'number: "1852"', 'number: "77"');
    fx.edit("plan.yaml", 'date: "2018-05-18"', 'date: "2018-06-02"');
    fx.edit("plan.yaml", "illustrative: [number, date, signer]", "illustrative: [signer]");
    const v = view("00123");
    expect(v.opening).toContain("Kế hoạch số 77/KH-UBND ngày 02/6/2018 của Ủy ban nhân dân tỉnh Mẫu");
    expect(v.citationNote).toBeNull();
  });
});

describe("Nơi nhận per level, from project.yaml", () => {
  it("district (a city of a ward and a commune): its list, the children's nouns, the drafting unit", () => {
    expect(view("901").frame.recipients).toEqual([
      "Như trên;",
      "TT cấp ủy, TT HĐND thành phố;",
      "CT, các PCT UBND thành phố;",
      "Thành viên Ban Chỉ đạo giảm nghèo thành phố;",
      "UBND các xã, phường;",
      "Lưu: VT, LĐTBXH.",
    ]);
  });

  it("province, commune and department", () => {
    const province = view("99").frame.recipients;
    expect(province[0]).toBe("Như trên;");
    expect(province).toContain("TT Tỉnh ủy, TT HĐND tỉnh;");
    expect(province).toContain("CT, các PCT UBND tỉnh;");
    expect(province).toContain("UBND các huyện, thành phố;");
    expect(province.at(-1)).toBe("Lưu: VT, VX5.");
    expect(view("00123").frame.recipients).toEqual([
      "Như trên;",
      "Phòng Lao động - Thương binh và Xã hội thành phố;",
      "Đảng ủy, HĐND phường;",
      "CT, các PCT UBND phường;",
      "Lưu: VT, LĐTBXH.",
    ]);
    expect(view("so-ldtbxh").frame.recipients).toEqual(["Như trên;", "UBND tỉnh (để báo cáo);", "Lưu: VT, VP."]);
  });

  it("changes with the data, and adds a report's own recipients, merging its Lưu line", () => {
    fx.edit("project.yaml", "      - UBND tỉnh (để báo cáo);\n", "      - Văn phòng UBND tỉnh;\n");
    const ds = load();
    ds.reports.find((r) => r.report.unit === "so-ldtbxh")!.report.document.recipients = ["Sở Y tế;", "Lưu: VT, BTXH."];
    expect(view("so-ldtbxh", ds).frame.recipients).toEqual(["Như trên;", "Văn phòng UBND tỉnh;", "Sở Y tế;", "Lưu: VT, VP, BTXH."]);
  });
});

describe("the reporting account reads as written by hand", () => {
  it("names the children by their types, leaves out zero parts, capitalises agencies", () => {
    const account = view("99").reporting!;
    expect(account).toBe(
      "Đến ngày 05/9/2018, 1/2 huyện, thành phố đã gửi báo cáo, đúng thời hạn (31/8/2018); còn 1 đơn vị chưa gửi: huyện Sơn Khê; " +
        "1/2 sở, ngành đã gửi báo cáo, đúng thời hạn (31/8/2018); còn 1 đơn vị chưa gửi: Ban Dân tộc.",
    );
    expect(account).not.toMatch(/\b0 /);
  });

  it("all in, with a late one: 'cả N', 'trong đó … gửi sau thời hạn'", () => {
    fx.edit("reports/901-thanh-pho-binh-an/00126-xa-dong-tam.yaml", "submitted_on: 2018-07-20", "submitted_on: 2018-08-03");
    fx.edit("reports/901-thanh-pho-binh-an/00126-xa-dong-tam.yaml", /approved_on: \S+/, "approved_on: 2018-08-04");
    expect(view("901").reporting).toBe("Đến ngày 20/8/2018, cả 2 xã, phường đã gửi báo cáo, trong đó 1 đơn vị gửi sau thời hạn (31/7/2018).");
  });
});

describe("check rejects bad frame data where it is written", () => {
  it("an unknown token in a level's Nơi nhận: SCHEMA_PATTERN at the line", () => {
    fx.edit("project.yaml", "      - UBND các {children};\n", "      - UBND các {cap_duoi};\n");
    const at = position("project.yaml", "UBND các {cap_duoi};");
    expectAt(fx.check(), { code: "SCHEMA_PATTERN", severity: "error", file: fx.shown("project.yaml"), line: at.line, column: at.column });
  });

  it("a Nơi nhận list without its 'Lưu:' line: SCHEMA_CONSTRAINT, in Vietnamese", () => {
    fx.edit("project.yaml", '      - "Lưu: VT, VP."\n', "");
    const at = position("project.yaml", "- UBND tỉnh (để báo cáo);");
    const d = expectAt(fx.check(), { code: "SCHEMA_CONSTRAINT", severity: "error", file: fx.shown("project.yaml"), line: at.line, column: at.column });
    expect(d.message).toContain('danh sách thiếu dòng "Lưu: VT, <đơn vị soạn thảo>."');
  });

  it("a citation without number and date, and an unknown illustrative field of the plan", () => {
    fx.edit("project.yaml", "      - Công văn số 1749/LĐTBXH-VPQGGN ngày 10/5/2018", "      - Công văn của Bộ");
    fx.edit("plan.yaml", "illustrative: [number, date, signer]", "illustrative: [number, ngay]");
    const result = fx.check();
    const cite = position("project.yaml", "Công văn của Bộ");
    expectAt(result, { code: "SCHEMA_PATTERN", severity: "error", file: fx.shown("project.yaml"), line: cite.line, column: cite.column });
    const ill = position("plan.yaml", "ngay]");
    expectAt(result, { code: "SCHEMA_ENUM", severity: "error", file: fx.shown("plan.yaml"), line: ill.line, column: ill.column });
  });
});
