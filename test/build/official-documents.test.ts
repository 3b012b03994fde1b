// The bundled province's plan and a district report, rendered and opened in LibreOffice as an
// official would: A4 pages, the header, Nơi nhận and signature text, Vietnamese diacritics intact;
// and the plan reproduces every sentence of the seed document.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { renderDocument, type RenderedDocument } from "../../scripts/lib/render/documents.js";
import { inProcessPacker } from "../../scripts/lib/render/docx/docx-pool.js";
import { loadTemplates } from "../../scripts/lib/render/templates.js";
import { planDocModel } from "../../scripts/lib/render/view/plan-view.js";
import { reportDocModel } from "../../scripts/lib/render/view/report-doc.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { docxToPdf, ensurePdfTools, pdfPageSizes, pdfText } from "../helpers/pdf.js";
import { REPO, SCHEMAS } from "../check/fixture.js";

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const dir = mkdtempSync(join(tmpdir(), "official-"));
let plan: RenderedDocument;
let district: RenderedDocument;
let planPdf: string;
let districtPdf: string;

beforeAll(async () => {
  const ds = runCheck({ dataDir: join(REPO, "data"), schemaDir: SCHEMAS }).dataset!;
  const templates = loadTemplates(join(REPO, "templates"));
  const packer = inProcessPacker();
  plan = await renderDocument(templates, planDocModel(ds), packer);
  district = await renderDocument(templates, reportDocModel(reportView(ds, rollUp(ds), ds.units.get("230")!), ds.project), packer);
  writeFileSync(join(dir, "ke-hoach.docx"), plan.docx);
  writeFileSync(join(dir, "huyen.docx"), district.docx);
  ensurePdfTools();
  planPdf = docxToPdf(join(dir, "ke-hoach.docx"), dir);
  districtPdf = docxToPdf(join(dir, "huyen.docx"), dir);
}, 240_000);

describe("the plan (Kế hoạch)", () => {
  it("contains every sentence of the seed document", () => {
    const seed = readFileSync(join(REPO, "test/fixtures/seed-plan.txt"), "utf8").normalize("NFC");
    const md = collapse(plan.md.replace(/\\([!-/:-@[-`{-~])/g, "$1")); // Markdown escapes undone
    const lines = seed.split(/\r?\n/).map((l) => collapse(l).replace(/^- /, "")).filter((l) => l && l !== "Nơi nhận:" && l !== "KẾ HOẠCH");
    const missing = lines.flatMap((l) => l.split(/(?<=[.;:])\s+/)).filter((s) => !md.includes(s));
    expect(missing).toEqual([]);
  });

  it("renders as A4 with the official header, Nơi nhận and signature, diacritics intact", () => {
    for (const { w, h } of pdfPageSizes(planPdf)) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    expect(Math.round(pdfPageSizes(planPdf)[0]!.w)).toBe(595);
    const first = collapse(pdfText(planPdf, 1));
    for (const s of ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH", "Phú Thọ, ngày", "MỤC ĐÍCH, YÊU CẦU"]) expect(first).toContain(s);
    const all = collapse(pdfText(planPdf));
    for (const s of ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lưu: VT, VX5.", "Phụ lục I", "ĐỀ CƯƠNG BÁO CÁO", "Biểu số 08", "trước ngày 05/9/2018"]) expect(all).toContain(s);
  });
});

describe("a district report", () => {
  it("renders as A4, portrait body and landscape forms, with header, Kính gửi, Nơi nhận and signature", () => {
    const sizes = pdfPageSizes(districtPdf);
    expect(sizes[0]!.w).toBeLessThan(sizes[0]!.h);
    expect(sizes.some((s) => s.w > s.h)).toBe(true);
    for (const { w, h } of sizes) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    const first = collapse(pdfText(districtPdf, 1));
    for (const s of ["ỦY BAN NHÂN DÂN", "HUYỆN ĐOAN HÙNG", "Số:", "/BC-UBND", "Đoan Hùng, ngày", "BÁO CÁO", "Kính gửi", "Số liệu minh họa"]) expect(first).toContain(s);
    const all = collapse(pdfText(districtPdf));
    for (const s of ["Nơi nhận:", "Như trên;", "TM. ỦY BAN NHÂN DÂN", "ĐẶC ĐIỂM TÌNH HÌNH; THỰC TRẠNG VÀ NGUYÊN NHÂN NGHÈO", "Biểu số 02", "Thị trấn Đoan Hùng", "Khu vực nông thôn", "Tổng cộng"]) expect(all).toContain(s);
  });
});
