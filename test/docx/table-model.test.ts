import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { headerGrid, parseTable } from "../../scripts/lib/render/docx/table-model.js";
import { columnWidths } from "../../scripts/lib/render/docx/table-widths.js";

const parse = (src: string) => {
  const tokens = new MarkdownIt({ html: false }).parse(src, {});
  return parseTable(tokens, tokens.findIndex((t) => t.type === "table_open")).spec;
};

const TABLE = `| STT | Nội dung › Nhóm A › Số | Nội dung › Nhóm A › Tỷ lệ % | Nội dung › Khác | Ghi chú |
|:--:|---:|---:|:---|---|
| 1 | 1.234 | 5,6 | Xã đặc biệt khó khăn | |
| | **Tổng cộng** | **1.234** | | |
`;

describe("pipe tables: header levels", () => {
  it("splits ' › ' labels, reads alignments, marks bold rows by their first non-empty cell", () => {
    const spec = parse(TABLE);
    expect(spec.levels).toEqual([["STT"], ["Nội dung", "Nhóm A", "Số"], ["Nội dung", "Nhóm A", "Tỷ lệ %"], ["Nội dung", "Khác"], ["Ghi chú"]]);
    expect(spec.aligns).toEqual(["center", "right", "right", "left", null]);
    expect(spec.rows.map((r) => r.bold)).toEqual([false, true]);
  });

  it("merges shared group labels across columns and short columns down the rows", () => {
    const grid = headerGrid(parse(TABLE).levels);
    const show = grid.map((row) => row.map((g) => `${g.text || "·"}${g.span > 1 ? `×${g.span}` : ""}${g.vMerge ? `:${g.vMerge}` : ""}`));
    expect(show).toEqual([
      ["STT:restart", "Nội dung×3", "Ghi chú:restart"],
      ["·:continue", "Nhóm A×2", "Khác:restart", "·:continue"],
      ["·:continue", "Số", "Tỷ lệ %", "·:continue", "·:continue"],
    ]);
  });

  it("a flat header is one row without merges", () => {
    expect(headerGrid([["A"], ["B"]])).toEqual([
      [
        { col: 0, span: 1, text: "A", vMerge: null },
        { col: 1, span: 1, text: "B", vMerge: null },
      ],
    ]);
  });
});

describe("pipe tables: column widths", () => {
  it("sum exactly to the text width, whole twips, row-number column narrow, text column widest", () => {
    const spec = parse(TABLE);
    for (const total of [9355, 14854, 4000]) {
      const w = columnWidths(spec, total, 12);
      expect(w.reduce((a, b) => a + b, 0)).toBe(total);
      for (const x of w) expect(Number.isInteger(x) && x > 0).toBe(true);
    }
    const w = columnWidths(spec, 9355, 12);
    expect(w[0]!).toBeLessThan(900);
    expect(Math.max(...w)).toBe(w[3]);
  });
});
