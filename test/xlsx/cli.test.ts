// `npm run import-xlsx` as an officer runs it: a refused workbook prints each problem at its
// sheet!cell and exits 1 with nothing written; a readable one with a broken stock-flow identity
// is written, and the check's diagnostic names the YAML line and the workbook cells (exit 1).
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, makeFixture, type Fixture } from "../check/fixture.js";
import { runScript } from "../workflow/helpers.js";
import { editWorkbook, exportUnit, fingerprint, valueCell, writeFile } from "./helpers.js";

describe("npm run import-xlsx", () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = makeFixture();
  });
  afterAll(() => fx?.cleanup());

  it("refuses a workbook with text in a number cell: sheet!cell, code, message; exit 1, nothing written", async () => {
    const { buf, layout } = await exportUnit(fx.data, "00123", fx.root);
    const at = valueCell(layout, "ho_ngheo", "y2017");
    const file = writeFile(join(fx.root, "upload/00123.xlsx"), await editWorkbook(buf, (wb) => (wb.getWorksheet(at.sheet)!.getCell(at.address).value = "1.234")));
    const before = fingerprint(fx.data);
    const r = runScript("import-xlsx", [file, "--data", "data"], fx.root);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain(`${at.sheet}!${at.address}  (upload/00123.xlsx)  lỗi  XLSX_NUMBER_AS_TEXT  Ô số liệu ghi "1.234" dưới dạng chữ`);
    expect(r.stdout).toContain("    → Gõ liền con số, không dấu phân cách: 1234.");
    expect(r.stdout).toContain("Chưa ghi gì vào số liệu.");
    expect(fingerprint(fx.data)).toBe(before);
  }, 120_000);

  it("writes a readable workbook, then reports a broken identity at its YAML line and its workbook cells", async () => {
    const { buf, layout } = await exportUnit(fx.data, "00123", fx.root);
    const at = valueCell(layout, "ho_ngheo", "y2017");
    const file = writeFile(join(fx.root, "upload2/00123.xlsx"), await editWorkbook(buf, (wb) => (wb.getWorksheet(at.sheet)!.getCell(at.address).value = 100)));
    const r = runScript("import-xlsx", [file, "--data", "data"], fx.root);
    expect(r.status, r.stderr).toBe(1);
    const line = fx.read(FILES.commune).split("\n").findIndex((l) => l.startsWith("  ho_ngheo:")) + 1;
    const ref = (ind: string, p: string) => { const c = valueCell(layout, ind, p); return `${c.sheet}!${c.address}`; };
    // y2017 closes 100, but 130 − 25 + 1 + 6 = 112; and mid2018 now opens from 100.
    const cells = [ref("ho_ngheo", "y2017"), ref("ho_ngheo", "y2016"), ref("ho_thoat_ngheo", "y2017"), ref("ho_tai_ngheo", "y2017"), ref("ho_ngheo_phat_sinh", "y2017")].join(", ");
    expect(r.stdout).toMatch(new RegExp(`^${cells.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}  \\(data/${FILES.commune}:${line}:\\d+\\)  lỗi  VALUE_STOCK_FLOW  `, "m"));
    expect(r.stdout).toContain(`Đã cập nhật data/${FILES.commune} từ upload2/00123.xlsx (Phường Hòa Bình, mã 00123).`);
    expect(fx.read(FILES.commune)).toContain("ho_ngheo: {baseline: 150, y2016: 130, y2017: 100, mid2018: 104}");
  }, 120_000);
});
