// A form table's XML written as text (table.ts) is byte for byte what docx writes for the same
// table built from its own objects (test/helpers/docx-table.ts: the path table.ts took before).
import { AlignmentType, Document, Packer, type FileChild, type Paragraph, type Table } from "docx";
import { describe, expect, it } from "vitest";
import { layoutTable, splitWidth } from "../../scripts/lib/render/docx/grid.js";
import { ctxFor, PROFILES, type Ctx } from "../../scripts/lib/render/docx/profile.js";
import { signerBlock } from "../../scripts/lib/render/docx/signature.js";
import { blocksXml, tableFromSpec, XmlBlock } from "../../scripts/lib/render/docx/table.js";
import type { TableSpec } from "../../scripts/lib/render/docx/table-model.js";
import { blank, centred, endMark, para, run } from "../../scripts/lib/render/docx/text.js";
import { docxPart } from "../helpers/docx.js";
import { docxTableFromSpec } from "../helpers/docx-table.js";

const portrait = ctxFor(PROFILES["tt01-2011"], false);
const landscape = ctxFor(PROFILES["nd30-2020"], true);

/** document.xml of a document holding these blocks, written by docx. */
const documentXml = async (children: FileChild[]): Promise<string> =>
  docxPart(new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [...children, endMark()] }] }))), "word/document.xml");

const row = (cells: string[], bold = false): TableSpec["rows"][number] => ({ cells, bold });

/** One level of headers, figures right-aligned, a total row in bold, characters to escape. */
const simple: TableSpec = {
  levels: [["TT"], ["Nội dung"], ["Số hộ"], ["Ghi chú"]],
  aligns: ["center", "left", "right", "left"],
  rows: [
    row(["1", "Hộ nghèo & cận nghèo <đầu kỳ>", "1.234", "\"a\" 'b'"]),
    row(["2", "Hộ  thoát   nghèo", "56", ""]),
    row(["", "Tổng cộng", "1.290", " "], true),
  ],
};

/** Three levels of headers (groups merged across, short columns merged down), group headings, empty cells. */
const nested: TableSpec = {
  levels: [["STT"], ["Dự án", "Tên"], ["Vốn", "Trung ương", "Kế hoạch"], ["Vốn", "Trung ương", "Thực hiện"], ["Vốn", "Địa phương"], ["Tỷ lệ %"]],
  aligns: ["center", "left", "right", "right", "right", null],
  rows: [
    row(["I", "Dự án 1: Chương trình 30a", "", "", "", ""], true),
    row(["1", "Tiểu dự án 1", "1.000", "900", "100", "90,0"]),
    row(["2", "Tiểu dự án 2", "2.000", "", "", ""]),
    row(["II", "Dự án 2: Chương trình 135", "", "", "", ""], true),
    row(["1", "Hỗ trợ đầu tư cơ sở hạ tầng", "3.000", "2.500", "500", "83,3"]),
    row(["2", "Hỗ trợ phát triển sản xuất", "400", "380", "20", "95,0"]),
    row(["", "Tổng số", "6.400", "3.780", "620", "59,1"], true),
  ],
};

/** Many rows, so that the closing row cannot hold three of them with a tall closing block. */
const long: TableSpec = {
  levels: [["TT"], ["Xã"], ["Số hộ"]],
  aligns: ["center", "left", "right"],
  rows: [...Array.from({ length: 40 }, (_, i) => row([String(i + 1), `Xã số ${i + 1}`, String(i * 7)])), row(["A", "Nhóm cuối", ""], true), row(["", "Tổng", "5.460"], true)],
};

/** A form's closing blocks (as annex.ts makes them): a gap, notes, a signature block beside "Người lập biểu". */
function closing(ctx: Ctx): (Paragraph | Table)[] {
  const signer = { authority: "ỦY BAN NHÂN DÂN XÃ", deputy: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn A & B" };
  const right = [centred("Xã A, ngày 30 tháng 6 năm 2018", { size: 13, italics: true }), ...signerBlock(signer, ctx, 13)];
  return [
    blank(6, { after: ctx.profile.after }),
    para([run("Ghi chú:", { italics: true })], { style: ctx.styles.table.portrait.note }),
    para([run("- "), run("Số liệu <tạm tính> & chưa \"chính thức\"", { italics: true })], { style: ctx.styles.table.portrait.note, align: AlignmentType.LEFT }),
    blank(6, { after: 120, keepNext: true }),
    layoutTable(splitWidth(ctx.textWidth, [0.45, 0.55]), [[[centred("NGƯỜI LẬP BIỂU", { size: 13, bold: true })], right]]),
  ];
}

const cases: [string, TableSpec, Ctx, boolean, number][] = [
  ["one header level, portrait, no closing", simple, portrait, false, 0],
  ["one header level, landscape, with closing", simple, landscape, true, 1500],
  ["merged and vMerged headers, group headings, landscape, no closing", nested, landscape, false, 0],
  ["merged and vMerged headers, group headings, portrait, with closing", nested, portrait, true, 2500],
  ["a long table whose closing row holds fewer rows (a tall closing block)", long, portrait, true, 12_000],
  ["a long table, landscape, with closing", long, landscape, true, 3000],
  ["no body rows, with closing", { ...simple, rows: [] }, portrait, true, 1000],
  ["one column, with closing", { levels: [["Nội dung"]], aligns: ["left"], rows: [row(["a"]), row(["b"], true)] }, landscape, true, 500],
];

describe("tableFromSpec: a form table's XML as docx writes it", () => {
  it.each(cases)("%s", async (_, spec, ctx, withClosing, height) => {
    const old = await documentXml([docxTableFromSpec(spec, ctx, withClosing ? closing(ctx) : [], height)]);
    // Twice: the second time every cell comes from the thread's cell cache.
    for (let i = 0; i < 2; i++) expect(await documentXml([tableFromSpec(spec, ctx, withClosing ? closing(ctx) : [], height)])).toBe(old);
    expect(old).toContain("<w:tbl>");
  });

  it("closing blocks written once outside the document (annex.ts shares them) and placed as text: the same XML", async () => {
    const [, spec, ctx, , height] = cases[3]!;
    const old = await documentXml([docxTableFromSpec(spec, ctx, closing(ctx), height), ...closing(ctx)]);
    const written = blocksXml(closing(ctx));
    expect(await documentXml([tableFromSpec(spec, ctx, [new XmlBlock([written])], height), new XmlBlock([written])])).toBe(old);
  });

  it("every case's tables in one document, the same table twice, both page orientations", async () => {
    const blocks = (make: (spec: TableSpec, ctx: Ctx, closing: (Paragraph | Table)[], height: number) => FileChild): FileChild[] => cases.flatMap(([, spec, ctx, c, h]) => [make(spec, ctx, c ? closing(ctx) : [], h), blank(6)]);
    const old = await documentXml([...blocks(docxTableFromSpec), ...blocks(docxTableFromSpec)]);
    expect(await documentXml([...blocks(tableFromSpec), ...blocks(tableFromSpec)])).toBe(old);
    // What the cases cover, as docx writes it: merges, repeated headers, keeps, escaping, a nested table.
    for (const want of ['<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>', "<w:gridSpan", "<w:tblHeader/>", "<w:keepNext/>", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", 'xml:space="preserve"', "<w:b/>", "</w:tbl><w:p>"]) {
      expect(old, want).toContain(want);
    }
  });
});
