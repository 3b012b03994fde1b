// Opens the packed DOCX in LibreOffice (headless → PDF) and reads the PDF back with poppler:
// A4 pages in the right orientation, and the Vietnamese text intact (stacked diacritics included).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocx } from "../../scripts/lib/render/docx/build-docx.js";
import { packDocx } from "../../scripts/lib/render/docx/pack-docx.js";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import type { DocForm, DocModel } from "../../scripts/lib/model/document.js";
import { docxToOdt, docxToPdf, ensurePdfTools, pdfPageSizes, pdfText, pdfWordBoxes } from "../helpers/pdf.js";
import { fixture } from "./fixture.js";

const A4_SHORT = 595.3;
const A4_LONG = 841.9;
const near = (a: number, b: number): boolean => Math.abs(a - b) < 1;
const flat = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ");

describe("DOCX → PDF with LibreOffice", () => {
  let dir: string;
  let pdf: string;

  beforeAll(async () => {
    ensurePdfTools();
    dir = mkdtempSync(join(tmpdir(), "docx-lo-"));
    const file = join(dir, "bao-cao.docx");
    writeFileSync(file, await packDocx(buildDocx(fixture), fixture.created));
    pdf = docxToPdf(file, dir);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("pages are A4; the landscape annex is one landscape page among portrait ones", () => {
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    for (const s of sizes) {
      const portrait = near(s.w, A4_SHORT) && near(s.h, A4_LONG);
      const landscape = near(s.w, A4_LONG) && near(s.h, A4_SHORT);
      expect(portrait || landscape, `${s.w} × ${s.h}`).toBe(true);
    }
    expect(near(sizes[0]!.w, A4_SHORT)).toBe(true);
    expect(near(sizes.at(-1)!.w, A4_SHORT)).toBe(true);
    const landscapePages = sizes.flatMap((s, i) => (s.w > s.h ? [i + 1] : []));
    expect(landscapePages).toHaveLength(1);
    expect(flat(pdfText(pdf, landscapePages[0]))).toContain("NGƯỜI LẬP BIỂU");
  }, 60_000);

  it("the text comes through intact, diacritics included", () => {
    const text = flat(pdfText(pdf));
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 215/BC-UBND",
      "Tam Nông, ngày 25 tháng 7 năm 2018",
      "BÁO CÁO",
      "Kính gửi:",
      "Nơi nhận:",
      "TM. ỦY BAN NHÂN DÂN",
      "Nguyễn Thị Thuỷ",
      "Thanh Thuỷ",
      "đặc biệt khó khăn",
      "Thị trấn Hưng Hoá",
      "Hộ nghèo cuối năm 2015",
      "KẾT QUẢ THỰC HIỆN MỤC TIÊU GIẢM NGHÈO",
      "Đơn vị tính: hộ",
      "Số liệu minh họa",
    ]) {
      expect(text, s).toContain(s);
    }
  }, 60_000);

  it("page numbers: none on page 1, '2' at the top of page 2; the notice on every page", () => {
    const sizes = pdfPageSizes(pdf);
    const first = pdfText(pdf, 1).trim().split("\n")[0]!.trim();
    const second = pdfText(pdf, 2).trim().split("\n")[0]!.trim();
    expect(first).not.toMatch(/^\d+$/);
    expect(second).toBe("2");
    for (let p = 1; p <= sizes.length; p++) expect(flat(pdfText(pdf, p))).toContain("Số liệu minh họa");
  }, 60_000);
});

const PT_PER_MM = 72 / 25.4;

/** The fixture with its landscape form made long (so it runs over pages) and given notes. */
function longForm(rows: number): DocModel {
  const period = (p: string) => [[p, "Số hộ"], [p, "Tỷ lệ %"]];
  const form: DocForm = {
    table: {
      headerPaths: [["TT"], ["Đơn vị"], ...period("Hộ nghèo cuối năm 2015"), ...period("Hộ nghèo đến 30/6/2018"), ["Ghi chú"]],
      align: ["center", "left", "right", "right", "right", "right", "left"],
      rows: [
        ...Array.from({ length: rows }, (_, i) => ({ bold: false, cells: [String(i + 1), `Xã Thử Nghiệm ${i + 1}`, String(1000 + i), `12,${String(i).padStart(2, "0")}`, String(900 + i), `10,${String(i).padStart(2, "0")}`, ""] })),
        { bold: true, cells: ["", "Dòng cuối cùng", "9.999", "", "", "", ""] },
      ],
    },
    footnotes: ["Tỷ lệ (%) tính trên tổng số hộ dân cư của đơn vị."],
  };
  return { ...fixture, annexes: [{ ...fixture.annexes[0]!, form }] };
}

describe("LibreOffice: landscape margins, headings in the navigator, a form's closing block", () => {
  let dir: string;
  beforeAll(() => {
    ensurePdfTools();
    dir = mkdtempSync(join(tmpdir(), "docx-lo2-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("text on a landscape page stays inside TT 01's margins (left ≥ 30 mm, right ≥ 15 mm, bottom ≥ 20 mm)", async () => {
    const file = join(dir, "margins.docx");
    writeFileSync(file, await packDocx(buildDocx(longForm(12)), fixture.created));
    const pdf = docxToPdf(file, dir);
    const sizes = pdfPageSizes(pdf);
    const landscape = sizes.flatMap((s, i) => (s.w > s.h ? [i + 1] : []));
    expect(landscape.length).toBeGreaterThanOrEqual(1);
    for (const p of landscape) {
      const { w, h } = sizes[p - 1]!;
      // The page header band (number, notice) sits in the top margin by design: skip it.
      const words = pdfWordBoxes(pdf, p).filter((b) => b.yMin > 20 * PT_PER_MM);
      expect(words.length).toBeGreaterThan(10);
      expect(Math.min(...words.map((b) => b.xMin)) / PT_PER_MM).toBeGreaterThanOrEqual(29.5);
      expect((w - Math.max(...words.map((b) => b.xMax))) / PT_PER_MM).toBeGreaterThanOrEqual(14.5);
      expect((h - Math.max(...words.map((b) => b.yMax))) / PT_PER_MM).toBeGreaterThanOrEqual(19.5);
    }
  }, 120_000);

  it("a form running over pages ends with its last row, notes and signature on one page", async () => {
    const file = join(dir, "long.docx");
    writeFileSync(file, await packDocx(buildDocx(longForm(40)), fixture.created));
    const pdf = docxToPdf(file, dir);
    const sizes = pdfPageSizes(pdf);
    const pages = sizes.flatMap((s, i) => (s.w > s.h ? [i + 1] : []));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const signed = pages.filter((p) => flat(pdfText(pdf, p)).includes("NGƯỜI LẬP BIỂU"));
    expect(signed).toHaveLength(1);
    const last = flat(pdfText(pdf, signed[0]));
    for (const s of ["Dòng cuối cùng", "Ghi chú:", "Tỷ lệ (%) tính trên tổng số hộ dân cư", "Nguyễn Thị Thuỷ"]) expect(last, s).toContain(s);
    // No landscape page holds only a note: every one has a data row.
    for (const p of pages) expect(flat(pdfText(pdf, p)), `page ${p}`).toMatch(/Xã Thử Nghiệm \d+|Dòng cuối cùng/);
  }, 120_000);

  it("section headings come through as LibreOffice headings with their outline levels (the navigator)", async () => {
    const file = join(dir, "headings.docx");
    writeFileSync(file, await packDocx(buildDocx(fixture), fixture.created));
    const odt = docxToOdt(file, dir);
    const content = await (await JSZip.loadAsync(readFileSync(odt))).file("content.xml")!.async("string");
    const headings = [...content.matchAll(/<text:h [^>]*text:outline-level="(\d)"[^>]*>([\s\S]*?)<\/text:h>/g)].map((m) => [Number(m[1]), m[2]!.replace(/<[^>]+>/g, "")] as const);
    expect(headings).toContainEqual([1, "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH"]);
    expect(headings).toContainEqual([2, "1. Công tác lãnh đạo, chỉ đạo, điều hành"]);
    expect(headings).toContainEqual([3, "a) Ban hành văn bản chỉ đạo"]);
    expect(headings).toContainEqual([1, "III. ĐỀ XUẤT, KIẾN NGHỊ"]);
  }, 120_000);
});
