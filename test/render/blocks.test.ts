// The document tree: the template's Markdown is parsed once into blocks (render/view/blocks.ts),
// and the Markdown serializer (render/blocks-markdown.ts) writes text that reads back as the same tree.
import { describe, expect, it } from "vitest";
import type { Block } from "../../scripts/lib/model/document.js";
import { blocksMarkdown, formMarkdown } from "../../scripts/lib/render/blocks-markdown.js";
import { blocksHtml, formHtml } from "../../scripts/lib/render/blocks-html.js";
import { mdInline, mdText } from "../../scripts/lib/render/markdown-escape.js";
import { parseBlocks } from "../../scripts/lib/render/view/blocks.js";

const text = (t: string, style: { bold?: true; italic?: true } = {}) => ({ kind: "text" as const, text: t, ...style });

const REPORT = `## I. ĐẶC ĐIỂM TÌNH HÌNH

### 1. Kết quả giảm nghèo

#### a) Hộ nghèo

> **Số liệu minh họa.** Các số liệu là minh họa.

Huyện có **28.667 hộ** nghèo, *giảm* so với đầu kỳ.\\
Dòng thứ hai.

- Thành lập Ban Chỉ đạo;
- Kiện toàn Tổ giúp việc.

3. Xã Thượng Nông;
4) Xã Dị Nậu.

| TT | Đơn vị | Hộ nghèo › Số hộ | Hộ nghèo › Tỷ lệ % |
|:--:|:---|---:|---:|
| 1 | Xã Thượng Nông | 421 | 18,47 |
| | **Tổng cộng** | **1.894** | **10,43** |
`;

describe("parseBlocks: the template's Markdown → the document tree", () => {
  const blocks = parseBlocks(REPORT);

  it("## / ### / #### are headings 1, 2 and 3 (Mục, khoản, điểm), their text as written", () => {
    expect(blocks.filter((b) => b.kind === "heading")).toEqual([
      { kind: "heading", level: 1, runs: [text("I. ĐẶC ĐIỂM TÌNH HÌNH")] },
      { kind: "heading", level: 2, runs: [text("1. Kết quả giảm nghèo")] },
      { kind: "heading", level: 3, runs: [text("a) Hộ nghèo")] },
    ]);
  });

  it("a '> ' line is a note; inline bold, italic and a hard line break are runs", () => {
    expect(blocks[3]).toEqual({ kind: "note", runs: [text("Số liệu minh họa.", { bold: true }), text(" Các số liệu là minh họa.")] });
    expect(blocks[4]).toEqual({
      kind: "paragraph",
      runs: [text("Huyện có "), text("28.667 hộ", { bold: true }), text(" nghèo, "), text("giảm", { italic: true }), text(" so với đầu kỳ."), { kind: "break" }, text("Dòng thứ hai.")],
    });
  });

  it("dash and numbered lists keep each item's marker as written", () => {
    const lists = blocks.filter((b) => b.kind === "list");
    expect(lists).toEqual([
      { kind: "list", ordered: false, items: [{ marker: "-", runs: [text("Thành lập Ban Chỉ đạo;")] }, { marker: "-", runs: [text("Kiện toàn Tổ giúp việc.")] }] },
      { kind: "list", ordered: true, items: [{ marker: "3.", runs: [text("Xã Thượng Nông;")] }] },
      { kind: "list", ordered: true, items: [{ marker: "4)", runs: [text("Xã Dị Nậu.")] }] },
    ]);
  });

  it("a narrative pipe table becomes a DocTable: nested headers, alignment, a bold total row, plain cells", () => {
    const table = blocks.at(-1)!;
    expect(table).toEqual({
      kind: "table",
      table: {
        headerPaths: [["TT"], ["Đơn vị"], ["Hộ nghèo", "Số hộ"], ["Hộ nghèo", "Tỷ lệ %"]],
        align: ["center", "left", "right", "right"],
        rows: [
          { cells: ["1", "Xã Thượng Nông", "421", "18,47"], bold: false },
          { cells: ["", "Tổng cộng", "1.894", "10,43"], bold: true },
        ],
      },
    });
  });

  it("raw HTML is text, never markup", () => {
    expect(parseBlocks("Xã <script>alert(1)</script>")).toEqual([{ kind: "paragraph", runs: [text("Xã <script>alert(1)</script>")] }]);
  });
});

describe("data text escaped for Markdown stays text in the tree", () => {
  // What a unit or an officer might type: emphasis marks, a pipe, a backslash, a leading number or dash.
  const nasty = ["Xã *A* | B_c \\ [x](y) <b>", "3. không phải mục", "- không phải gạch đầu dòng", "# không phải tiêu đề", "3.1. không phải mục"];

  it("mdText in a paragraph, mdInline in a table cell: the exact text, no emphasis, no list", () => {
    for (const s of nasty) {
      expect(parseBlocks(mdText(s))).toEqual([{ kind: "paragraph", runs: [text(s)] }]);
      const table = parseBlocks(`| A |\n|---|\n| ${mdInline(s)} |\n`)[0];
      expect(table?.kind === "table" && table.table.rows[0]!.cells).toEqual([s]);
    }
  });

  it("the serializer escapes what it writes: the Markdown reads back as the same tree", () => {
    const tree: Block[] = [
      { kind: "heading", level: 2, runs: [text("1. Tên *có* dấu | gạch")] },
      ...nasty.map((s): Block => ({ kind: "paragraph", runs: [text(s)] })),
      { kind: "paragraph", runs: [text("Đậm ", { bold: true }), text("đậm nghiêng", { bold: true, italic: true }), text(" thường"), { kind: "break" }, text("2. dòng mới")] },
      { kind: "note", runs: [text("Ghi chú *", { italic: true })] },
      { kind: "list", ordered: true, items: [{ marker: "7.", runs: [text("bảy")] }, { marker: "8.", runs: [] }] },
      { kind: "table", table: { headerPaths: [["Nhóm", "A|B"], ["Nhóm", "C*"]], align: ["left", "right"], rows: [{ cells: ["x_y", ""], bold: false }, { cells: ["Tổng", "1.234"], bold: true }] } },
    ];
    expect(parseBlocks(blocksMarkdown(tree))).toEqual(tree);
  });

  it("HTML from the tree shows data text as text", () => {
    const html = blocksHtml([{ kind: "paragraph", runs: [text("<script>alert(1)</script> *x*")] }]);
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; *x*</p>\n");
  });

  it("HTML tables: a shared group label is one merged cell, a column without a group spans the header rows, headers centred, body alignment and bold rows kept", () => {
    const html = formHtml({
      table: {
        headerPaths: [["TT"], ["Cuối năm 2015", "Số hộ"], ["Cuối năm 2015", "Tỷ lệ %"], ["Ghi chú <b>"]],
        align: ["center", "right", "right", "left"],
        rows: [{ cells: ["1", "42", "3,50", ""], bold: false }, { cells: ["", "42", "3,50", ""], bold: true }],
      },
      footnotes: ["Số liệu minh họa."],
    });
    const row = (cells: string[]) => `<tr>\n${cells.join("\n")}\n</tr>`;
    expect(html).toBe(
      [
        "<table>\n<thead>",
        row(['<th rowspan="2" style="text-align:center">TT</th>', '<th colspan="2" style="text-align:center">Cuối năm 2015</th>', '<th rowspan="2" style="text-align:center">Ghi chú &lt;b&gt;</th>']),
        row(['<th style="text-align:center">Số hộ</th>', '<th style="text-align:center">Tỷ lệ %</th>']),
        "</thead>\n<tbody>",
        row(['<td style="text-align:center">1</td>', '<td style="text-align:right">42</td>', '<td style="text-align:right">3,50</td>', '<td style="text-align:left"></td>']),
        row(['<td style="text-align:center"></td>', '<td style="text-align:right"><strong>42</strong></td>', '<td style="text-align:right"><strong>3,50</strong></td>', '<td style="text-align:left"></td>']),
        "</tbody>\n</table>",
        "<p><em>Ghi chú:</em></p>\n<ul>\n<li><em>Số liệu minh họa.</em></li>\n</ul>\n",
      ].join("\n"),
    );
    expect(html).not.toContain("›");
  });

  it("HTML blocks: headings one level below the title, runs bold outside italic, a numbered list keeps its start", () => {
    const html = blocksHtml([
      { kind: "heading", level: 1, runs: [text("I. KẾT QUẢ")] },
      { kind: "paragraph", runs: [text("a ", { bold: true }), text("b", { bold: true, italic: true }), { kind: "break" }, text("c & d")] },
      { kind: "list", ordered: true, items: [{ marker: "3.", runs: [text("ba")] }] },
      { kind: "note", runs: [text("Số liệu minh họa")] },
    ]);
    expect(html).toBe("<h2>I. KẾT QUẢ</h2>\n<p><strong>a </strong><strong><em>b</em></strong><br>\nc &amp; d</p>\n<ol start=\"3\">\n<li>ba</li>\n</ol>\n<blockquote>\n<p>Số liệu minh họa</p>\n</blockquote>\n");
  });
});

describe("formMarkdown: a typed form as a pipe table with its notes", () => {
  it("prints nested headers with ' › ', the delimiter row, bold rows and the notes in italics", () => {
    const md = formMarkdown({
      table: { headerPaths: [["TT"], ["Hộ nghèo", "Số hộ"]], align: ["center", "right"], rows: [{ cells: ["1", "42"], bold: false }, { cells: ["", "42"], bold: true }] },
      footnotes: ["Số liệu *minh họa*."],
    });
    expect(md).toBe("| TT | Hộ nghèo › Số hộ |\n| :---: | ---: |\n| 1 | 42 |\n|  | **42** |\n\n*Ghi chú:*\n\n- *Số liệu \\*minh họa\\*.*\n");
  });
});
