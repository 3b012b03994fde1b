// Excel in, on the small other-province fixture: a unit's workbook exported and imported without
// edits leaves its report byte-identical; edits made as an officer would (a number, a paragraph,
// a blank workbook filled in) give the expected YAML and check results, located in the workbook;
// every kind of bad workbook is refused with its code and sheet!cell, and nothing changes.
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, expectAt, makeFixture, type Fixture } from "../check/fixture.js";
import { CellLocator } from "../../scripts/lib/xlsx/locate.js";
import { FINANCE_SHEET, INFO_SHEET, META_SHEET, NARRATIVE_SHEET, OTHER_SHEET, cellRef } from "../../scripts/lib/xlsx/sheet.js";
import { editWorkbook, exportUnit, fingerprint, importFile, inputCell, valueCell, writeFile } from "./helpers.js";

let fx: Fixture;
beforeAll(() => {
  fx = makeFixture();
});
afterAll(() => fx?.cleanup());

const upload = (name: string, bytes: Buffer | string) => writeFile(join(fx.root, "upload", name), bytes);

describe("round trip", () => {
  it.each([
    ["00123", FILES.commune],
    ["00130", FILES.drafting],
    ["901", FILES.district],
    ["so-ldtbxh", FILES.department],
  ])("export → import of %s without edits leaves its report byte-identical", async (code, rel) => {
    const before = fx.read(rel);
    const { buf } = await exportUnit(fx.data, code, fx.root);
    const r = await importFile(upload(`${code}.xlsx`, buf), fx.data, fx.root);
    expect(r.problems).toEqual([]);
    expect(r.changed).toBe(false);
    expect(r.target).toBe(fx.shown(rel));
    expect(fx.read(rel)).toBe(before);
  });

  it("exports the same bytes twice (no clock in the workbook)", async () => {
    const a = await exportUnit(fx.data, "00123", fx.root);
    const b = await exportUnit(fx.data, "00123", fx.root);
    expect(a.buf.equals(b.buf)).toBe(true);
  });
});

describe("the exported workbook", () => {
  it("has the info sheet, a sheet per annex form of the level, the narrative sheet, and a very hidden sheet naming unit, round and version", async () => {
    const { buf, layout } = await exportUnit(fx.data, "00123", fx.root);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([INFO_SHEET, "Biểu 01", "Biểu 03", "Biểu 06", "Biểu 07", "Biểu 08", OTHER_SHEET, FINANCE_SHEET, NARRATIVE_SHEET, META_SHEET]);
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe("veryHidden");
    expect([meta.getCell("B1").value, meta.getCell("B2").value, meta.getCell("B3").value]).toEqual(["00123", "giua-ky-2016-2020", layout.version]);
    const b01 = wb.getWorksheet("Biểu 01")!;
    // Protected sheet; an input cell unlocked, shaded, validated as a whole number ≥ 0 with a Vietnamese thousands format; a label locked.
    expect((b01 as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const at = valueCell(layout, "ho_ngheo", "mid2018");
    const input = b01.getCell(at.address);
    expect(input.value).toBe(104);
    expect(input.protection?.locked).toBe(false);
    expect(input.numFmt).toBe("[$-42A]#,##0");
    expect(input.dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(b01.getCell(at.row, 2).value).toBe("Số hộ nghèo");
    expect(b01.getCell(at.row, 2).protection?.locked).not.toBe(false);
    expect(b01.getCell("A1").value).toBe("Biểu 01");
    // The notice sits in the title row's last cell, above the form's last column.
    const title = b01.getRow(1);
    expect(String(title.getCell(title.cellCount).value)).toBe("SỐ LIỆU MINH HỌA");
  });
});

describe("edits made in Excel", () => {
  it("a changed number updates that value alone and keeps the file's comments and layout", async () => {
    const rel = FILES.commune2;
    const before = fx.read(rel);
    const { buf, layout } = await exportUnit(fx.data, "00126", fx.root);
    const at = valueCell(layout, "ho_dan_cu", "y2017");
    const edited = await editWorkbook(buf, (wb) => {
      const c = wb.getWorksheet(at.sheet)!.getCell(at.address);
      c.value = Number(c.value) + 5;
    });
    const r = await importFile(upload("00126.xlsx", edited), fx.data, fx.root);
    expect(r.problems).toEqual([]);
    expect(r.changed).toBe(true);
    const after = fx.read(rel);
    const a = before.split("\n");
    const b = after.split("\n");
    expect(b.length).toBe(a.length);
    const diff = a.flatMap((l, i) => (l === b[i] ? [] : [[l, b[i]]]));
    expect(diff).toHaveLength(1);
    expect(diff[0]![0]).toMatch(/^ {2}ho_dan_cu: /);
    const old = Number(/y2017: (\d+)/.exec(diff[0]![0]!)![1]);
    expect(diff[0]![1]).toBe(diff[0]![0]!.replace(`y2017: ${old}`, `y2017: ${old + 5}`));
    fx.write(rel, before);
  });

  it("a paragraph written in Thuyết minh becomes the section's text (a literal block)", async () => {
    const rel = FILES.commune;
    const before = fx.read(rel);
    const { buf, layout } = await exportUnit(fx.data, "00123", fx.root);
    const at = inputCell(layout, (b) => b.kind === "narrative" && b.key === "dac_diem_tinh_hinh");
    const text = "Phường có 5 khu dân cư.\n\nHộ nghèo chủ yếu là hộ neo đơn: \"thiếu lao động\", # không phải chú thích.";
    const edited = await editWorkbook(buf, (wb) => {
      wb.getWorksheet(NARRATIVE_SHEET)!.getCell(at.address).value = text;
    });
    const r = await importFile(upload("00123.xlsx", edited), fx.data, fx.root);
    expect(r.problems).toEqual([]);
    expect(fx.read(rel)).toContain(`  dac_diem_tinh_hinh: |\n    Phường có 5 khu dân cư.\n\n    Hộ nghèo chủ yếu là hộ neo đơn: "thiếu lao động", # không phải chú thích.\n`);
    expect(fx.read(rel).split("\n").slice(0, 3)).toEqual(before.split("\n").slice(0, 3));
    expect(fx.check().ok).toBe(true);
    fx.write(rel, before);
  });

  it("a blank workbook filled for a unit without a report creates its file at its place, which check then judges", async () => {
    const { buf, layout } = await exportUnit(fx.data, "00136", fx.root);
    const cells: [ReturnType<typeof valueCell>, number][] = [
      [valueCell(layout, "ho_dan_cu", "baseline"), 1200],
      [valueCell(layout, "ho_ngheo", "baseline"), 100],
      [valueCell(layout, "ho_ngheo", "y2016"), 90],
      [valueCell(layout, "ho_thoat_ngheo", "y2016"), 20],
      [valueCell(layout, "ho_tai_ngheo", "y2016"), 1],
      [valueCell(layout, "ho_ngheo_phat_sinh", "y2016"), 5],
    ];
    const signer = inputCell(layout, (b) => b.kind === "info" && b.field === "name");
    const position = inputCell(layout, (b) => b.kind === "info" && b.field === "position");
    const plan = inputCell(layout, (b) => b.kind === "finance" && b.component === "DA3" && b.source === "ndp_sn" && b.period === "y2016" && b.field === "plan");
    const edited = await editWorkbook(buf, (wb) => {
      for (const [c, v] of cells) wb.getWorksheet(c.sheet)!.getCell(c.address).value = v;
      wb.getWorksheet(INFO_SHEET)!.getCell(signer.address).value = "Nguyễn Văn An";
      wb.getWorksheet(INFO_SHEET)!.getCell(position.address).value = "CHỦ TỊCH";
      wb.getWorksheet(FINANCE_SHEET)!.getCell(plan.address).value = 120.5;
    });
    const r = await importFile(upload("00136.xlsx", edited), fx.data, fx.root);
    expect(r.problems).toEqual([]);
    expect(r.created).toBe(true);
    const rel = "reports/902-huyen-son-khe/00136-xa-na-hau.yaml";
    expect(r.target).toBe(fx.shown(rel));
    const text = fx.read(rel);
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain("  ho_ngheo: {baseline: 100, y2016: 90, y2017: null, mid2018: null} # Số hộ nghèo (hộ)");
    expect(text).toContain("    name: Nguyễn Văn An");
    expect(text).toContain("  - {component: DA3, source: ndp_sn, period: y2016, plan: 120.5, disbursed: 0}");
    // 100 − 20 + 1 + 5 = 86, not 90: the check says so, and names the cells involved.
    const check = fx.check();
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.startsWith("  ho_ngheo:"));
    const column = lines[line]!.indexOf("90") + 1; // the closing figure of 2016
    const d = expectAt(check, { code: "VALUE_STOCK_FLOW", severity: "error", file: fx.shown(rel), line: line + 1, column });
    const written = check.dataset!.reports.find((x) => x.report.unit === "00136")!.report;
    const locator = new CellLocator(layout, written, check.dataset!.catalogue, check.dataset!.project.periods);
    const ref = (c: { sheet: string; row: number; col: number }) => cellRef(c.sheet, c.row, c.col);
    expect(locator.locate(d)).toEqual([ref(cells[2]![0]), ref(cells[1]![0]), ref(cells[3]![0]), ref(cells[4]![0]), ref(cells[5]![0])]);
    fx.remove(rel);
  });

  it("header fields, recipients, a new value and a cleared one, on a draft (dates as dd/mm/yyyy text too)", async () => {
    const rel = FILES.drafting;
    const before = fx.read(rel);
    const { buf, layout } = await exportUnit(fx.data, "00130", fx.root);
    const info = (field: string) => inputCell(layout, (b) => b.kind === "info" && b.field === field).address;
    const y2017 = valueCell(layout, "ho_dan_cu", "y2017");
    const base = valueCell(layout, "ho_ngheo", "baseline");
    const edited = await editWorkbook(buf, (wb) => {
      const ws = wb.getWorksheet(INFO_SHEET)!;
      ws.getCell(info("status")).value = "Đã nộp";
      ws.getCell(info("submitted_on")).value = new Date(Date.UTC(2018, 6, 30));
      ws.getCell(info("date")).value = "30/07/2018";
      ws.getCell(info("number")).value = 27;
      ws.getCell(info("recipients")).value = "UBND huyện Sơn Khê;\nLưu: VT.";
      wb.getWorksheet(y2017.sheet)!.getCell(y2017.address).value = 975;
      wb.getWorksheet(base.sheet)!.getCell(base.address).value = null;
    });
    const r = await importFile(upload("00130.xlsx", edited), fx.data, fx.root);
    expect(r.problems).toEqual([]);
    const after = fx.read(rel);
    expect(after).toContain("status: da_nop\nsubmitted_on: 2018-07-30\n");
    expect(after).toContain('  number: "27"\n  date: 2018-07-30\n');
    expect(after).toContain(`  recipients:\n    - UBND huyện Sơn Khê;\n    - "Lưu: VT."\n`);
    expect(after).toContain("  ho_dan_cu: {baseline: 950, y2016: 960, y2017: 975, mid2018: null}\n");
    expect(after).toContain("  ho_ngheo: {y2016: null, y2017: null, mid2018: null}\n");
    expect(after.split("\n")[0]).toBe(before.split("\n")[0]);
    fx.write(rel, before);
  });

  it("a formula in an input cell gives its cached value", async () => {
    const rel = FILES.commune;
    const before = fx.read(rel);
    const { buf, layout } = await exportUnit(fx.data, "00123", fx.root);
    const at = valueCell(layout, "ho_tai_ngheo", "y2016");
    const edited = await editWorkbook(buf, (wb) => {
      wb.getWorksheet(at.sheet)!.getCell(at.address).value = { formula: "1+2", result: 3 };
    });
    const r = await importFile(upload("00123.xlsx", edited), fx.data, fx.root);
    expect(r.problems).toEqual([]);
    expect(fx.read(rel)).toContain("ho_tai_ngheo: {y2016: 3, y2017: 1, mid2018: 0}");
    fx.write(rel, before);
  });
});

describe("bad workbooks are refused, located, and change nothing", () => {
  const refused = async (name: string, bytes: Buffer | string) => {
    const print = fingerprint(fx.data);
    const r = await importFile(upload(name, bytes), fx.data, fx.root);
    expect(fingerprint(fx.data), "the data folder changed").toBe(print);
    expect(r.target).toBeNull();
    expect(r.problems.length).toBeGreaterThan(0);
    return r.problems.map((p) => ({ code: p.code, file: p.file, line: p.line, column: p.column, cell: p.cell }));
  };
  const whole = (code: string, name: string) => ({ code, file: `upload/${name}`, line: 0, column: 0, cell: "" });
  const at = (code: string, name: string, sheet: string, row: number, col: number) => ({ code, file: `upload/${name}`, line: row, column: col, cell: cellRef(sheet, row, col) });
  let base: Awaited<ReturnType<typeof exportUnit>>;
  beforeAll(async () => {
    base = await exportUnit(fx.data, "00123", fx.root);
  });
  const edit = (fn: (wb: ExcelJS.Workbook) => void) => editWorkbook(base.buf, fn);

  it("not an .xlsx: a renamed CSV, an .xls, an .xlsm, a broken zip", async () => {
    expect(await refused("00123.xlsx", "TT,Chỉ tiêu\n1,Số hộ nghèo\n")).toEqual([whole("XLSX_NOT_XLSX", "00123.xlsx")]);
    expect(await refused("00123.xls", base.buf)).toEqual([whole("XLSX_NOT_XLSX", "00123.xls")]);
    expect(await refused("00123.xlsm", base.buf)).toEqual([whole("XLSX_NOT_XLSX", "00123.xlsm")]);
    expect(await refused("00123.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)]))).toEqual([whole("XLSX_NOT_XLSX", "00123.xlsx")]);
    expect(await refused("00123.xlsx", base.buf.subarray(0, 2000))).toEqual([whole("XLSX_NOT_XLSX", "00123.xlsx")]);
  });

  it("a file over 5 MB, and a zip that expands beyond 50 MB", async () => {
    expect(await refused("00123.xlsx", Buffer.alloc(5 * 1024 * 1024 + 1))).toEqual([whole("XLSX_TOO_LARGE", "00123.xlsx")]);
    const bomb = Buffer.from(zipSync({ "xl/workbook.xml": new Uint8Array(60 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refused("00123.xlsx", bomb)).toEqual([whole("XLSX_TOO_LARGE", "00123.xlsx")]);
  });

  it("a workbook not made by export-xlsx (no hidden sheet)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Biểu 01").getCell("A1").value = "Số hộ nghèo";
    expect(await refused("00123.xlsx", Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([whole("XLSX_NOT_A_FORM", "00123.xlsx")]);
  });

  it("a workbook of another unit, an unknown unit, another round, another template version", async () => {
    expect(await refused("00126.xlsx", base.buf)).toEqual([whole("XLSX_OTHER_UNIT", "00126.xlsx")]);
    expect(await refused("x.xlsx", await edit((wb) => (wb.getWorksheet(META_SHEET)!.getCell("B1").value = "99999")))).toEqual([at("XLSX_UNKNOWN_UNIT", "x.xlsx", META_SHEET, 1, 2)]);
    expect(await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet(META_SHEET)!.getCell("B2").value = "cuoi-ky-2016-2020")))).toEqual([at("XLSX_WRONG_ROUND", "00123.xlsx", META_SHEET, 2, 2)]);
    expect(await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet(META_SHEET)!.getCell("B3").value = "0123456789ab")))).toEqual([at("XLSX_TEMPLATE_VERSION", "00123.xlsx", META_SHEET, 3, 2)]);
  });

  it("a header or label cell edited", async () => {
    const c = valueCell(base.layout, "ho_ngheo", "mid2018");
    const got = await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet("Biểu 01")!.getCell(c.row, 2).value = "Số hộ nghèo (đã sửa)")));
    expect(got).toEqual([at("XLSX_LABEL_EDITED", "00123.xlsx", "Biểu 01", c.row, 2)]);
    const header = await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet("Biểu 01")!.getCell("D5").value = "Năm 2015")));
    expect(header).toEqual([at("XLSX_LABEL_EDITED", "00123.xlsx", "Biểu 01", 5, 4)]);
  });

  it("a row inserted or deleted inside a form", async () => {
    const c = valueCell(base.layout, "ho_ngheo", "mid2018");
    const inserted = await refused("00123.xlsx", await edit((wb) => wb.getWorksheet("Biểu 01")!.spliceRows(c.row, 0, [])));
    expect(inserted[0]).toEqual(at("XLSX_ROWS_CHANGED", "00123.xlsx", "Biểu 01", c.row, 1));
    const deleted = await refused("00123.xlsx", await edit((wb) => wb.getWorksheet("Biểu 01")!.spliceRows(c.row, 1)));
    expect(deleted[0]).toEqual(at("XLSX_ROWS_CHANGED", "00123.xlsx", "Biểu 01", c.row, 1));
  });

  it("text, 1.234 or 1,234 typed in a number cell; a formula without a value; a bad date; a status not in the list", async () => {
    const n = valueCell(base.layout, "ho_ngheo", "mid2018");
    const d = inputCell(base.layout, (b) => b.kind === "info" && b.field === "submitted_on");
    const s = inputCell(base.layout, (b) => b.kind === "info" && b.field === "status");
    for (const typed of ["khoảng 100", "1.234", "1,234"]) {
      expect(await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet(n.sheet)!.getCell(n.address).value = typed)))).toEqual([at("XLSX_NUMBER_AS_TEXT", "00123.xlsx", n.sheet, n.row, n.col)]);
    }
    expect(await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet(n.sheet)!.getCell(n.address).value = { formula: "B7*2" } as ExcelJS.CellFormulaValue)))).toEqual([
      at("XLSX_FORMULA_NO_VALUE", "00123.xlsx", n.sheet, n.row, n.col),
    ]);
    expect(await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet(INFO_SHEET)!.getCell(d.address).value = "31/02/2018")))).toEqual([at("XLSX_BAD_DATE", "00123.xlsx", INFO_SHEET, d.row, d.col)]);
    expect(await refused("00123.xlsx", await edit((wb) => (wb.getWorksheet(INFO_SHEET)!.getCell(s.address).value = "Xong")))).toEqual([at("XLSX_BAD_CHOICE", "00123.xlsx", INFO_SHEET, s.row, s.col)]);
  });

  it("merged input cells; content outside the form; a sheet removed; an extra (hidden) sheet — all in one run", async () => {
    const n = valueCell(base.layout, "ho_ngheo", "y2016");
    const bad = await edit((wb) => {
      const ws = wb.getWorksheet(n.sheet)!;
      ws.mergeCells(n.row, n.col, n.row, n.col + 1);
      ws.getCell("Z3").value = "ghi chú";
      wb.removeWorksheet(wb.getWorksheet("Biểu 08")!.id);
      const extra = wb.addWorksheet("Nháp");
      extra.state = "hidden";
      extra.getCell("A1").value = 1;
    });
    expect(await refused("00123.xlsx", bad)).toEqual([
      { code: "XLSX_EXTRA_SHEET", file: "upload/00123.xlsx", line: 0, column: 0, cell: "Nháp" },
      at("XLSX_MERGED_CELL", "00123.xlsx", n.sheet, n.row, n.col),
      at("XLSX_UNEXPECTED_CELL", "00123.xlsx", n.sheet, 3, 26),
      whole("XLSX_SHEET_MISSING", "00123.xlsx"),
    ]);
  });
});

describe("check and the upload folder", () => {
  it("refuses a workbook left in data/inbox/ (INBOX_WORKBOOK, the file as a whole)", async () => {
    fx.write("inbox/00123.xlsx", readFileSync(join(fx.root, "upload/00123.xlsx")));
    expectAt(fx.check(), { code: "INBOX_WORKBOOK", severity: "error", file: "data/inbox/00123.xlsx", line: 0, column: 0 });
    fx.remove("inbox/00123.xlsx");
    expect(fx.check().diagnostics.filter((d) => d.code === "INBOX_WORKBOOK")).toEqual([]);
  });
});
