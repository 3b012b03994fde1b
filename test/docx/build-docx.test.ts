import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildDocx } from "../../scripts/lib/render/docx/build-docx.js";
import { MARGIN_RANGES, mmToTwip } from "../../scripts/lib/render/docx/profile.js";
import { fixCoreDates, packDocx } from "../../scripts/lib/render/docx/pack-docx.js";
import { isGroupHeading, keptRows } from "../../scripts/lib/render/docx/table.js";
import { docxPart, docxPartNames, prettyXml } from "../helpers/docx.js";
import { fixture } from "./fixture.js";

const pack = () => packDocx(buildDocx(fixture), fixture.created);

let bytes: Uint8Array;
let xml: string;

beforeAll(async () => {
  bytes = await pack();
  xml = await docxPart(bytes, "word/document.xml");
});

/** Every table's XML, nested ones too (each from its <w:tbl> to its own matching </w:tbl>). */
const tables = (s: string): string[] => {
  const out: string[] = [];
  const open: number[] = [];
  for (const m of s.matchAll(/<w:tbl>|<\/w:tbl>/g)) {
    if (m[0] === "<w:tbl>") open.push(m.index);
    else if (open.length) out.push(s.slice(open.pop()!, m.index + m[0].length));
  }
  return out.sort((a, b) => s.indexOf(a) - s.indexOf(b));
};
/** The table's own grid (the first tblGrid inside it; a nested table's grid comes later). */
const ownGrid = (t: string): number[] => [...(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/.exec(t)?.[0] ?? "").matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
/** One style's XML in styles.xml. */
const styleXml = (styles: string, id: string): string => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";
const sectPrs = (s: string): string[] => s.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
const attr = (el: string, name: string): number => Number(new RegExp(`${name}="(\\d+)"`).exec(el)?.[1]);

describe("buildDocx + packDocx: golden file", () => {
  it("word/document.xml matches the golden file", async () => {
    await expect(prettyXml(xml)).toMatchFileSnapshot("./__golden__/document.xml");
  });
});

describe("packDocx: byte-deterministic", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("two packs of the same model are identical bytes", async () => {
    const again = await pack();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("the same Document packed twice gives identical bytes", async () => {
    const doc = buildDocx(fixture);
    const a = await packDocx(doc, fixture.created);
    const b = await packDocx(doc, fixture.created);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("does not depend on the clock nor on the time zone", async () => {
    const savedTz = process.env.TZ;
    try {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2031-12-31T23:59:58Z"));
      process.env.TZ = "Pacific/Kiritimati";
      const a = await pack();
      vi.setSystemTime(new Date("2024-02-29T12:00:00Z"));
      process.env.TZ = "America/Los_Angeles";
      const b = await pack();
      expect(Buffer.from(a).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(b).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it("core.xml carries the model's date, not today's", async () => {
    const core = await docxPart(bytes, "docProps/core.xml");
    expect(core).toContain(">2018-07-25T00:00:00Z</dcterms:created>");
    expect(core).toContain(">2018-07-25T00:00:00Z</dcterms:modified>");
    expect(fixCoreDates("<dcterms:created x=\"1\">2026-01-01T10:11:12.000Z</dcterms:created>", "2018-01-02")).toBe(
      "<dcterms:created x=\"1\">2018-01-02T00:00:00Z</dcterms:created>",
    );
  });

  it("keeps docx's entry order and the usual parts", async () => {
    const names = await docxPartNames(bytes);
    expect(names).toContain("[Content_Types].xml");
    expect(names).toContain("word/document.xml");
    expect(names).toContain("word/styles.xml");
  });

  it("rejects a created value that is not an ISO date", async () => {
    await expect(packDocx(buildDocx(fixture), "25/07/2018")).rejects.toThrow(/ISO date/);
  });
});

describe("buildDocx: structure of document.xml", () => {
  it("main section: A4 portrait, margins 20/20/30/15 mm in twips, title page", () => {
    const main = sectPrs(xml)[0]!;
    expect(main).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(main).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(main).toContain("<w:titlePg/>");
    expect(main).toContain('w:type="first"');
  });

  it("three sections, each with a title page; the landscape annex has width > height", () => {
    const secs = sectPrs(xml);
    expect(secs).toHaveLength(3);
    for (const s of secs) expect(s).toContain("<w:titlePg/>");
    const land = secs.filter((s) => s.includes('w:orient="landscape"'));
    expect(land).toHaveLength(1);
    const pgSz = /<w:pgSz [^>]*\/>/.exec(land[0]!)![0];
    expect(attr(pgSz, "w:w")).toBe(16838);
    expect(attr(pgSz, "w:h")).toBe(11906);
  });

  it("page numbers in the default header only; the notice in both", async () => {
    const rels = await docxPart(bytes, "word/_rels/document.xml.rels");
    const main = sectPrs(xml)[0]!;
    const target = (type: string): string => {
      const id = new RegExp(`w:type="${type}" r:id="(rId\\d+)"`).exec(main)![1]!;
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    };
    const def = await docxPart(bytes, `word/${target("default")}`);
    const first = await docxPart(bytes, `word/${target("first")}`);
    expect(def).toMatch(/PAGE/);
    expect(first).not.toMatch(/PAGE/);
    expect(def).toContain("Số liệu minh họa");
    expect(first).toContain("Số liệu minh họa");
  });

  it("header table: borderless, fixed layout, DXA widths on table, grid and every cell", () => {
    const header = tables(xml)[0]!;
    expect(header).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(header).toContain('<w:tblLayout w:type="fixed"/>');
    expect(header).toContain('<w:tblW w:type="dxa" w:w="9355"/>');
    expect(header).toMatch(/<w:tblBorders>(<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    for (const b of header.match(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g) ?? []) expect(b).not.toMatch(/w:val="single"/);
    // The two short lines: under the issuing body's name and under the Tiêu ngữ (paragraph borders).
    expect(header.match(/<w:pBdr><w:bottom w:val="single"[^>]*\/><\/w:pBdr>/g) ?? []).toHaveLength(2);
    const grid = [...header.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([3742, 5613]);
    const cellWidths = [...header.matchAll(/<w:tcW w:type="(\w+)" w:w="(\d+)"\/>/g)];
    expect(cellWidths).toHaveLength(4);
    for (const m of cellWidths) expect(m[1]).toBe("dxa");
  });

  it("every table: fixed layout, DXA widths, grid summing to the table width", () => {
    const all = tables(xml);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const t of all) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).not.toMatch(/w:type="(pct|auto)"/);
      const width = attr(/<w:tblW [^>]*\/>/.exec(t)![0], "w:w");
      expect(ownGrid(t).reduce((a, b) => a + b, 0)).toBe(width);
    }
  });

  it("data table: in the bordered FormTable style, repeated header rows, merged group headers, bold total row", async () => {
    const data = tables(xml).find((t) => t.includes("Thị trấn Hưng Hoá"))!;
    expect(data).toContain('<w:tblStyle w:val="FormTable"/>');
    // Borders come from the style, not from every cell.
    expect(data).not.toContain("<w:tcBorders>");
    const styles = await docxPart(bytes, "word/styles.xml");
    const table = styleXml(styles, "FormTable");
    expect(table).toContain('w:type="table"');
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) expect(table).toMatch(new RegExp(`<w:${side} w:val="single" w:sz="4"[^>]*w:color="000000"/>`));
    expect(table).toContain('<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>');
    expect(table).toContain('<w:vAlign w:val="center"/>');
    expect((data.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2);
    expect((data.match(/<w:gridSpan w:val="2"\/>/g) ?? []).length).toBe(2);
    expect(data).toContain('<w:vMerge w:val="restart"/>');
    expect((data.match(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/g) ?? []).length).toBe(3);
    const total = /<w:tr>(?:(?!<w:tr>)[\s\S])*?Tổng cộng[\s\S]*?<\/w:tr>/.exec(data)![0];
    const runs = total.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(4);
    for (const r of runs) expect(r).toContain("<w:b/>");
    // Figures take the table style's right alignment, another cell states only its alignment, an
    // empty cell keeps a body-size line (TableEmpty); header cells are in the (bold, centred)
    // header style.
    expect(table).toContain('<w:jc w:val="right"/>');
    const cells = /<w:tc>(?:(?!<w:tc>)[\s\S])*?<\/w:tc>/g[Symbol.match](data)!;
    const cellOf = (text: string) => cells.find((c) => c.includes(`>${text}<`))!;
    expect(cellOf("1.034")).not.toContain("<w:pPr>");
    expect(cellOf("3")).toContain('<w:pPr><w:jc w:val="center"/></w:pPr>');
    expect(cellOf("Xã Dị Nậu")).toContain('<w:pPr><w:jc w:val="left"/></w:pPr>');
    const empty = cells.filter((c) => !c.includes("<w:r>"));
    expect(empty.length).toBeGreaterThan(3);
    for (const c of empty) expect(c).toContain('<w:pStyle w:val="TableEmpty"/>');
    expect(styleXml(styles, "TableEmpty")).toContain('<w:sz w:val="28"/>');
    expect(cellOf("Đơn vị")).toContain('<w:pStyle w:val="TableHeader"/>');
    expect(styleXml(styles, "TableHeader")).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:b\/>/);
  });

  it("form table cells take their widths from the grid: no w:tcW on a one-column cell, a merged cell states its columns' sum", () => {
    const forms = tables(xml).filter((t) => /^<w:tbl><w:tblPr><w:tblStyle w:val="FormTable(?:Wide)?"\/>/.test(t));
    expect(forms.length).toBeGreaterThanOrEqual(2);
    let merged = 0;
    for (const t of forms) {
      const grid = ownGrid(t);
      // The table's own rows (a nested table is checked on its own).
      const own = t.replace(/(?<=.)<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
      for (const row of own.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []) {
        let col = 0;
        for (const c of row.match(/<w:tc>(?:(?!<w:tc>)[\s\S])*?<\/w:tc>/g) ?? []) {
          const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c)?.[1] ?? 1);
          if (span === 1) expect(c).not.toContain("<w:tcW");
          else {
            merged++;
            expect(c).toContain(`<w:tcW w:type="dxa" w:w="${grid.slice(col, col + span).reduce((a, b) => a + b, 0)}"/>`);
          }
          col += span;
        }
        expect(col).toBe(grid.length);
      }
    }
    expect(merged).toBeGreaterThan(0);
  });

  it("landscape annex table uses 11 pt, portrait body tables 12 pt (through their styles)", async () => {
    const form = tables(xml).find((t) => t.includes("Số hộ cận nghèo"))!;
    const body = tables(xml).find((t) => t.includes("Thị trấn Hưng Hoá"))!;
    const styles = await docxPart(bytes, "word/styles.xml");
    expect(form).toContain('<w:tblStyle w:val="FormTableWide"/>');
    expect(styleXml(styles, "FormTableWide")).toContain('<w:sz w:val="22"/>');
    expect(styleXml(styles, "TableHeaderWide")).toContain('<w:sz w:val="22"/>');
    expect(styleXml(styles, "FormTable")).toContain('<w:sz w:val="24"/>');
    expect(styleXml(styles, "TableHeader")).toContain('<w:sz w:val="24"/>');
    // No cell states a size of its own (the form's rows end where its nested closing rows end).
    expect(form.slice(0, form.indexOf("</w:tbl>"))).not.toContain("<w:sz ");
    expect(body).not.toContain("<w:sz ");
  });

  it("text is NFC, without control characters, Times New Roman by default", async () => {
    expect(xml).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
    expect(xml).toBe(xml.normalize("NFC"));
    expect(xml).toContain("Thanh Thuỷ");
    expect(xml).toContain("Nguyễn Thị Thuỷ");
    const styles = await docxPart(bytes, "word/styles.xml");
    expect(styles).toContain('w:ascii="Times New Roman"');
  });

  it("body paragraphs: the Body style (justified, first-line indent 1.27 cm, 6 pt after, 1.15 lines), nothing direct", async () => {
    const p = /<w:p>(?:(?!<w:p>)[\s\S])*?Thực hiện Kế hoạch số 3456[\s\S]*?<\/w:p>/.exec(xml)![0];
    expect(p).toMatch(/^<w:p><w:pPr><w:pStyle w:val="Body"\/><\/w:pPr><w:r>/);
    expect(p).not.toContain("<w:sz ");
    const body = styleXml(await docxPart(bytes, "word/styles.xml"), "Body");
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toMatch(/<w:ind [^>]*w:firstLine="720"\/>/);
    expect(body).toMatch(/<w:spacing w:after="120" w:before="0" w:line="276" w:lineRule="auto"\/>/);
    expect(body).toContain('<w:sz w:val="28"/>');
  });

  it("dash and numbered items are written as text, no Word numbering", () => {
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("- Thành lập Ban Chỉ đạo");
    expect(text).toContain("3. Thị trấn Hưng Hoá");
    expect(xml).not.toContain("<w:numPr>");
  });
});

describe("buildDocx: margins per ruleset, heading styles, the closing block of a form", () => {
  it("every section, landscape annexes included, has margins within its ruleset's ranges", async () => {
    for (const ruleset of ["tt01-2011", "nd30-2020"] as const) {
      const x = await docxPart(await packDocx(buildDocx({ ...fixture, ruleset }), fixture.created), "word/document.xml");
      const r = MARGIN_RANGES[ruleset];
      const secs = sectPrs(x);
      expect(secs.some((sec) => sec.includes('w:orient="landscape"'))).toBe(true);
      for (const sec of secs) {
        const m = /<w:pgMar [^>]*\/>/.exec(sec)![0];
        for (const side of ["top", "bottom", "left", "right"] as const) {
          expect(attr(m, `w:${side}`), `${ruleset} ${side}`).toBeGreaterThanOrEqual(mmToTwip(r[side][0]));
          expect(attr(m, `w:${side}`), `${ruleset} ${side}`).toBeLessThanOrEqual(mmToTwip(r[side][1]));
        }
      }
    }
    expect(MARGIN_RANGES["tt01-2011"]).toEqual({ top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] });
  });

  it("section headings are Heading 1–3 paragraphs; the styles are black Times New Roman with outline levels", async () => {
    const para = (text: string) => (xml.match(/<w:p>(?:(?!<w:p>)[\s\S])*?<\/w:p>/g) ?? []).find((p) => p.replace(/<[^>]+>/g, "").includes(text))!;
    expect(para("I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH")).toContain('<w:pStyle w:val="Heading1"/>');
    expect(para("1. Công tác lãnh đạo, chỉ đạo, điều hành")).toContain('<w:pStyle w:val="Heading2"/>');
    expect(para("a) Ban hành văn bản chỉ đạo")).toContain('<w:pStyle w:val="Heading3"/>');
    // Body text is not a heading.
    expect(para("Kết quả giảm nghèo theo từng đơn vị như sau:")).toContain('<w:pStyle w:val="Body"/>');
    const styles = await docxPart(bytes, "word/styles.xml");
    for (const [id, level] of [["Heading1", 0], ["Heading2", 1], ["Heading3", 2]] as const) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0];
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(style).toContain('w:ascii="Times New Roman"');
      expect(style).toContain('<w:color w:val="000000"/>');
      expect(style).toContain('<w:sz w:val="28"/>');
      expect(style).toContain("<w:b/>");
      if (level === 2) expect(style).toContain("<w:i/>");
    }
  });

  it("a form's last rows, notes and signature share one unsplittable row of its table", () => {
    const form = tables(xml).find((t) => t.includes("Số hộ cận nghèo") && t.includes("NGƯỜI LẬP BIỂU"))!;
    expect(form).toBeDefined();
    // The closing row (the outer row around the first nested table): cantSplit, one cell spanning
    // every column, holding the last three data rows (a nested table with the same grid), then the
    // notes and the signature block.
    const grid = ownGrid(form);
    const closing = form.slice(form.lastIndexOf("<w:tr>", form.indexOf("<w:tbl>", 1)));
    const closingCell = closing.slice(0, closing.indexOf("<w:tbl>"));
    expect(closingCell).toContain("<w:cantSplit/>");
    expect(closingCell).toContain(`<w:gridSpan w:val="${grid.length}"/>`);
    // The fixture form's last three rows: "2 Hộ nghèo dân tộc thiểu số", "II Hộ cận nghèo", "3 Số hộ cận nghèo".
    const nested = tables(closing).find((t) => t.includes("Số hộ cận nghèo"))!;
    expect(ownGrid(nested)).toEqual(grid);
    expect(nested.match(/<w:tr>/g)).toHaveLength(3);
    for (const text of ["Hộ nghèo dân tộc thiểu số", "Hộ cận nghèo", "Số hộ cận nghèo"]) expect(nested).toContain(`>${text}<`);
    expect(closing.indexOf("Số hộ cận nghèo")).toBeLessThan(closing.indexOf("Ghi chú:"));
    expect(closing.indexOf("Ghi chú:")).toBeLessThan(closing.indexOf("NGƯỜI LẬP BIỂU"));
    // Rows before them stay ordinary rows of the outer table.
    const before = form.slice(0, form.indexOf(closing));
    expect(before).toContain(">Số hộ nghèo<");
    expect(before).not.toContain("Hộ nghèo dân tộc thiểu số");
  });

  it("a group heading row keeps with the row under it; other rows do not; the last three rows go into the closing row", () => {
    const form = tables(xml).find((t) => t.includes("Số hộ cận nghèo") && t.includes("NGƯỜI LẬP BIỂU"))!;
    const outer = form.slice(0, form.indexOf("<w:tbl>", 1));
    const rowOf = (text: string) => (outer.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).find((r) => r.includes(`>${text}<`))!;
    // "I Hộ nghèo": bold, no figure: a heading. Every paragraph of the row carries keepNext.
    const heading = rowOf("Hộ nghèo");
    const paras = heading.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    expect(paras.length).toBeGreaterThan(5);
    for (const p of paras) expect(p).toContain("<w:keepNext/>");
    // A data row with figures does not chain the table.
    expect(rowOf("Số hộ nghèo")).not.toContain("<w:keepNext/>");
    expect(outer).not.toContain("Số hộ cận nghèo");
  });

  it("the closing row keeps three data rows, more when a group heading is right above them, fewer when they would not fit a page with the notes", () => {
    const row = (tt: string, bold = false) => ({ bold, cells: [tt, bold ? "Nhóm" : "A", bold ? "" : "3"] });
    const spec = { levels: [["TT"], ["Nội dung"], ["Số"]], aligns: ["center", "left", "right"] as ("center" | "left" | "right")[], rows: [row("1", true), row("1.1"), row("1.2"), row("1.3"), row("1.4")] };
    expect(keptRows(spec)).toBe(3);
    // "1 Nhóm" right above the last three: it goes with them.
    expect(keptRows({ ...spec, rows: spec.rows.slice(0, 4) })).toBe(4);
    expect(keptRows({ ...spec, rows: spec.rows.slice(0, 2) })).toBe(2);
    // Only as many as fit beside the closing text; at least the last row.
    expect(keptRows(spec, (k) => k <= 2)).toBe(2);
    expect(keptRows(spec, () => false)).toBe(1);
    expect(isGroupHeading(spec.rows[0]!, spec.aligns)).toBe(true);
    expect(isGroupHeading({ bold: true, cells: ["", "Tổng cộng", "7"] }, spec.aligns)).toBe(false);
  });

  it("with notes that fill most of a page, the closing row holds only the last row (and the heading right above it)", async () => {
    const long = Array.from({ length: 12 }, (_, i) => `Ghi chú dài số ${i + 1}: ${"số liệu minh họa theo chuẩn nghèo tiếp cận đa chiều giai đoạn 2016 - 2020, ".repeat(3)}`);
    const annexes = fixture.annexes.map((a) => (a.form ? { ...a, form: { ...a.form, footnotes: long } } : a));
    const doc = await docxPart(await packDocx(buildDocx({ ...fixture, annexes }), fixture.created), "word/document.xml");
    const form = tables(doc).find((t) => t.includes("Số hộ cận nghèo") && t.includes("NGƯỜI LẬP BIỂU"))!;
    const closing = form.slice(form.lastIndexOf("<w:tr>", form.indexOf("<w:tbl>", 1)));
    const nested = tables(closing).find((t) => t.includes("Số hộ cận nghèo"))!;
    expect(nested.match(/<w:tr>/g)).toHaveLength(2);
    expect(nested).toContain(">Hộ cận nghèo<");
    expect(nested).not.toContain("Hộ nghèo dân tộc thiểu số");
    expect(closing).toContain("Ghi chú dài số 12");
  });

  it("no blank page after a table: a section or a cell that ends with a table ends with a 1-pt paragraph", () => {
    // At the body size, the paragraph that holds a section's properties after its last table falls
    // onto a page of its own whenever the table ends within a line of the page's bottom.
    const onePoint = '<w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>';
    const afterTables = [...xml.matchAll(/<\/w:tbl>(<w:p(?:>|\/>)(?:(?!<\/w:p>)[\s\S])*?(?:<\/w:p>|$))/g)].map((m) => m[1]!);
    const sectionEnds = afterTables.filter((p) => p.includes("<w:sectPr>"));
    // Both sections before the last end with a table (the signature block, the landscape form).
    expect(sectionEnds).toHaveLength(2);
    for (const p of sectionEnds) expect(p).toContain(`<w:pPr>${onePoint}<w:sectPr>`);
    const cellEnds = [...xml.matchAll(/<\/w:tbl>(<w:p(?:>|\/>)(?:(?!<\/w:p>)[\s\S])*?<\/w:p>|<w:p\/>)<\/w:tc>/g)].map((m) => m[1]!);
    expect(cellEnds.length).toBeGreaterThan(0);
    for (const p of cellEnds) expect(p).toBe(`<w:p><w:pPr>${onePoint}</w:pPr></w:p>`);
  });
});
