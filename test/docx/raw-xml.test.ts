import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType, XmlComponent, type IContext, type IXmlableObject } from "docx";
import { describe, expect, it } from "vitest";
import { rawXml, xmlText } from "../../scripts/lib/render/docx/raw-xml.js";
import { docxPart } from "../helpers/docx.js";

const documentXml = async (children: (Paragraph | Table)[]): Promise<string> =>
  docxPart(new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] }))), "word/document.xml");

const context = { stack: [] } as unknown as IContext;

describe("raw-xml: a component's XML written once, as docx writes it", () => {
  it("xmlText writes a paragraph, a cell and a table exactly as docx's own writer does", async () => {
    const paragraph = new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 120, after: 60 },
      children: [new TextRun({ text: "  Tổng & <cộng> \"a\" 'b'  ", bold: true }), new TextRun({ text: "1.234\u0007", italics: true, size: 24 })],
    });
    const cell = new TableCell({ width: { size: 2400, type: WidthType.DXA }, columnSpan: 2, verticalMerge: VerticalMergeType.RESTART, children: [new Paragraph({ children: [new TextRun("Số hộ")] })] });
    const table = new Table({
      columnWidths: [1200, 1200],
      rows: [new TableRow({ tableHeader: true, cantSplit: true, children: [cell] }), new TableRow({ children: [new TableCell({ children: [] }), new TableCell({ children: [new Paragraph("x")] })] })],
    });
    const xml = await documentXml([paragraph, table]);
    for (const component of [paragraph, cell, table]) {
      const written = xmlText(component.prepForXml(context)!);
      expect(written.length).toBeGreaterThan(20);
      expect(xml).toContain(written);
    }
    expect(xmlText(paragraph.prepForXml(context)!)).toContain("Tổng &amp; &lt;cộng&gt; &quot;a&quot; &apos;b&apos;");
  });

  it("docx's writer copies a raw node verbatim, among other elements, with nothing escaped", async () => {
    class Raw extends XmlComponent {
      constructor(private readonly xml: string) {
        super("w:p");
      }
      override prepForXml(): IXmlableObject {
        return rawXml(this.xml);
      }
    }
    const raw = '<w:p><w:r><w:t xml:space="preserve">a &amp; b </w:t></w:r></w:p>';
    const xml = await documentXml([new Paragraph("before"), new Raw(raw) as unknown as Paragraph, new Paragraph("after")]);
    expect(xml).toContain(`before</w:t></w:r></w:p>${raw}<w:p><w:r><w:t xml:space="preserve">after</w:t>`);
  });
});
