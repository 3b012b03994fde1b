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

describe("pipe tables: column widths of a wide form (names get room, numbers stay narrow)", () => {
  // Biểu 05's shape: row number, a long programme-component name, ten money columns with
  // three-level headers, a rate and an empty notes column, on a landscape page (11 pt).
  const money = (g: string) => ["Tổng số", "NSTW › Đầu tư phát triển", "NSTW › Sự nghiệp", "NSĐP › Đầu tư phát triển", "NSĐP › Sự nghiệp"].map((l) => `${g} › ${l}`);
  const head = ["TT", "Dự án, tiểu dự án", ...money("Kế hoạch vốn giao 2016 - 6/2018"), ...money("Giải ngân 2016 - 6/2018"), "Tỷ lệ giải ngân %", "Ghi chú"];
  const row = (n: string, name: string) => `| ${n} | ${name} | ${Array(10).fill("14.485").join(" | ")} | 76,02 | |`;
  const src = [
    `| ${head.join(" | ")} |`,
    `|:--:|:---|${Array(11).fill("---:").join("|")}|:---|`,
    row("1.1", "Hỗ trợ đầu tư cơ sở hạ tầng các huyện nghèo"),
    row("1.3", "Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế và nhân rộng mô hình giảm nghèo trên địa bàn các huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang ven biển và hải đảo"),
  ].join("\n");
  const mm = (twips: number) => (twips * 25.4) / 1440;
  const LANDSCAPE_TEXT = 16838 - 1701 - 850; // A4 landscape less 30 mm left and 15 mm right

  it("the name column gets over 60 mm; each money column stays under 18 mm yet holds its figure", () => {
    const w = columnWidths(parse(src), LANDSCAPE_TEXT, 11);
    expect(w.reduce((a, b) => a + b, 0)).toBe(LANDSCAPE_TEXT);
    expect(mm(w[1]!)).toBeGreaterThan(60);
    for (const x of w.slice(2, 12)) {
      expect(mm(x)).toBeLessThan(18);
      expect(mm(x)).toBeGreaterThan(11); // "14.485" at 11 pt is ~10.5 mm plus cell margins
    }
    expect(Math.max(...w)).toBe(w[1]);
  });
});
