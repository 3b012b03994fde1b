// The province workbook an auditor opens in Excel, read back with the library that wrote it:
// every unit's status, numbers stored as numbers with Vietnamese-friendly formats, frozen header
// rows and filters; the same model gives the same bytes. And the CSVs in both variants, read back
// with papaparse as Excel would split them.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, statusCsv, unitCsv } from "../../scripts/lib/site/data-files.js";

const CSV_HEADER_VI = CSV_COLUMNS.join(";");
import { renderJob, type RenderJob } from "../../scripts/lib/site/render-job.js";
import { numberFormat, provinceSheets, provinceWorkbook, SHEETS } from "../../scripts/lib/site/workbook.js";
import { fixtureModel } from "./fixture-model.js";

const model = fixtureModel();

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

describe("province workbook", () => {
  it("lists the report status of every unit, dates as dates and days late as numbers", async () => {
    const wb = await open(await provinceWorkbook(model));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ghi chú", SHEETS.status, SHEETS.indicators, SHEETS.finance]);
    expect(String(wb.getWorksheet("Ghi chú")!.getCell("A2").value)).toBe("Số liệu minh họa, không phải số liệu chính thức.");
    const ws = wb.getWorksheet(SHEETS.status)!;
    const [head, ...body] = rows(ws);
    expect(head).toEqual(["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên", "Đơn vị cấp trên", "Trạng thái", "Thời hạn", "Hạn nộp", "Ngày nộp", "Ngày duyệt", "Số ngày muộn"]);
    expect(body.map((r) => r[0]).sort()).toEqual(model.units.map((u) => u.code).sort());
    // Xã Đông Phong submitted on 3/8/2018 against the commune deadline of 31/7/2018.
    const dongPhong = body.find((r) => r[0] === "90102")!;
    // "Thời hạn" holds the category only; the days are in "Số ngày muộn".
    expect(dongPhong.slice(1, 7)).toEqual(["Xã Đông Phong", "Cấp xã", "901", "Huyện Đồng Hưng", "Đã nộp", model.labels.timeliness.late]);
    expect(new Set(body.map((r) => r[6]))).toEqual(new Set(model.units.map((u) => model.labels.timeliness[u.timeliness])));
    expect(dongPhong[7]).toEqual(new Date("2018-07-31T00:00:00Z"));
    expect(dongPhong[8]).toEqual(new Date("2018-08-03T00:00:00Z"));
    expect(dongPhong[10]).toBe(3);
    // Xã Bình … has not submitted: 10 days overdue at the as-of date 10/8/2018.
    expect(body.find((r) => r[0] === "90103")![10]).toBe(10);
    expect(ws.getCell("H2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it("holds indicators one row per unit, one column per indicator and period, numbers with formats", async () => {
    const wb = await open(await provinceWorkbook(model));
    const ws = wb.getWorksheet(SHEETS.indicators)!;
    const [head = [], ...body] = rows(ws);
    const col = head.indexOf("Tỷ lệ hộ nghèo (%) – 30/6/2018");
    const poor = head.indexOf("Số hộ nghèo (hộ) – Cuối năm 2015");
    expect(col).toBeGreaterThan(2);
    expect(poor).toBeGreaterThan(2);
    const town = body.find((r) => r[0] === "90101")!;
    // 63 ÷ (2450 + 31) × 100 = 2.5393… → 2.54, stored as a number, shown as "2,54%" by Excel-vi.
    expect(town[col]).toBe(2.54);
    expect(town[poor]).toBe(98);
    expect(ws.getRow(2).getCell(col + 1).numFmt).toBe('#,##0.00"%"');
    expect(ws.getRow(2).getCell(poor + 1).numFmt).toBe("#,##0");
    expect(body).toHaveLength(model.units.length);
    const fin = rows(wb.getWorksheet(SHEETS.finance)!);
    expect(fin[0]!.slice(0, 6)).toEqual(["Mã đơn vị", "Tên đơn vị", "Cấp", "Tổng kế hoạch vốn (triệu đồng)", "Tổng giải ngân (triệu đồng)", "Tỷ lệ giải ngân (%)"]);
    for (const r of fin.slice(1)) expect(typeof r[3]).toBe("number");
  });

  it("formats numbers for Excel: thousands and two-decimal percentages", () => {
    expect(numberFormat(0)).toBe("#,##0");
    expect(numberFormat(2, true)).toBe('#,##0.00"%"');
  });

  it("gives the same bytes for the same model: document dates are the as-of date, entries 1980-01-01", async () => {
    const a = await provinceWorkbook(model);
    const b = await provinceWorkbook(fixtureModel());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const zip = unzipSync(a);
    expect(strFromU8(zip["docProps/core.xml"]!)).toContain(">2018-08-10T00:00:00Z</dcterms:created>");
    // Local-time DOS date of every entry (the zip's local headers): 1980-01-01 00:00.
    const view = new DataView(a.buffer, a.byteOffset);
    for (let i = 0; i + 4 < a.length; i++) {
      if (view.getUint32(i, true) !== 0x04034b50) continue;
      expect([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]).toEqual([0, (0 << 9) | (1 << 5) | 1]);
    }
  });

  it("is the same workbook when its sheets are written on another thread (copied as plain data)", async () => {
    // The build hands the sheets to a worker thread as a render job, which gets a structured clone.
    const job: RenderJob = structuredClone({ kind: "sheets", spec: provinceSheets(model) });
    const onThread = await renderJob(job);
    expect(onThread).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(onThread as Uint8Array).equals(Buffer.from(await provinceWorkbook(model)))).toBe(true);
  });
});

describe("CSV downloads in two variants", () => {
  const parse = (csv: string, delimiter: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter, skipEmptyLines: true }).data;
  /** What Excel shows for a cell of the Excel-vi file: ="08053" is the text 08053. */
  const shown = (cell: string) => /^="([^"]*)"$/.exec(cell)?.[1] ?? cell;
  const parseVi = (csv: string) => parse(csv, ";").map((r) => r.map(shown));

  it("opens as the same table with ',' (RFC 4180) and with ';' and decimal commas (Excel vi)", () => {
    const u = model.units.find((x) => x.code === "90101")!;
    const rfc = parse(unitCsv(u, u.data, "rfc"), ",");
    const vi = parseVi(unitCsv(u, u.data, "excel-vi"));
    expect(rfc.length).toBe(u.data.length + 1);
    expect(vi.length).toBe(rfc.length);
    for (const [i, r] of rfc.entries()) {
      expect(vi[i]!.length, `row ${i}`).toBe(8);
      expect(vi[i]!.slice(0, 7)).toEqual(r.slice(0, 7));
      expect(vi[i]![7]).toBe(r[7]!.replace(".", ","));
    }
    for (const r of rfc.slice(1)) expect(r[7]).toMatch(/^(-?\d+(\.\d{1,2})?)?$/);
    expect(rfc.filter((r) => r[7] !== "").length).toBeGreaterThan(20);
  });

  it("keeps a unit code's leading zero for Excel (=\"08053\") in the Excel-vi variant, plain in RFC 4180", () => {
    const row = { indicator: "ho_ngheo", name: "Số hộ nghèo", unit: "hộ", period: "baseline", period_label: "Cuối năm 2015", decimals: 0, value: 98 };
    const vi = unitCsv({ code: "08053", name: "Xã Ca Đình" }, [row], "excel-vi");
    expect(vi).toContain('\r\n="08053";Xã Ca Đình;ho_ngheo;');
    expect(parseVi(vi)[1]!.slice(0, 2)).toEqual(["08053", "Xã Ca Đình"]);
    const rfc = unitCsv({ code: "08053", name: "Xã Ca Đình" }, [row], "rfc");
    expect(rfc).toContain("\r\n08053,Xã Ca Đình,ho_ngheo,");
    expect(parse(rfc, ",")[1]!.slice(0, 2)).toEqual(["08053", "Xã Ca Đình"]);
    // A code that is not plain letters and digits is text like any other: no formula is written.
    expect(unitCsv({ code: "=1+1", name: "A" }, [row], "excel-vi")).toContain(`\r\n"'=1+1";A;`);
  });

  it("neutralises text Excel would run as a formula, in both variants, but not a negative number", () => {
    const row = { indicator: "x", name: "@SUM(A1)", unit: "-hộ", period: "p", period_label: "+1 năm", decimals: 1, value: -3.26 };
    expect(unitCsv({ code: "1", name: "=HYPERLINK(\"x\";\"y\")" }, [row], "excel-vi")).toBe(
      `\uFEFF${CSV_HEADER_VI}\r\n="1";"'=HYPERLINK(""x"";""y"")";x;"'@SUM(A1)";"'-hộ";p;"'+1 năm";-3,3\r\n`,
    );
    expect(unitCsv({ code: "-x", name: "A,B" }, [row], "rfc")).toContain(`\r\n"'-x","A,B",x,"'@SUM(A1)","'-hộ",p,"'+1 năm",-3.3\r\n`);
  });

  it("lists every unit's status with code, parent and days late", () => {
    const rfc = parse(statusCsv(model, "rfc"), ",");
    expect(rfc[0]).toEqual(["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên", "Đơn vị cấp trên", "Trạng thái", "Thời hạn", "Hạn nộp", "Ngày nộp", "Ngày duyệt", "Số ngày muộn"]);
    expect(rfc).toHaveLength(model.units.length + 1);
    expect(rfc.find((r) => r[0] === "90102")).toEqual(["90102", "Xã Đông Phong", "Cấp xã", "901", "Huyện Đồng Hưng", "Đã nộp", model.labels.timeliness.late, "2018-07-31", "2018-08-03", "", "3"]);
    const vi = parseVi(statusCsv(model, "excel-vi"));
    expect(vi.find((r) => r[0] === "90102")).toEqual(rfc.find((r) => r[0] === "90102"));
  });
});
