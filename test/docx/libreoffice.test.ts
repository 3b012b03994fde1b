// Opens the packed DOCX in LibreOffice (headless → PDF) and reads the PDF back with poppler:
// A4 pages in the right orientation, and the Vietnamese text intact (stacked diacritics included).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocx } from "../../scripts/lib/render/docx/build-docx.js";
import { packDocx } from "../../scripts/lib/render/docx/pack-docx.js";
import { docxToPdf, ensurePdfTools, pdfPageSizes, pdfText } from "../helpers/pdf.js";
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
