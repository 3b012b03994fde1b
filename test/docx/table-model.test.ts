import { describe, expect, it } from "vitest";
import { headerGrid, specOf } from "../../scripts/lib/render/docx/table-model.js";
import { columnWidths } from "../../scripts/lib/render/docx/table-widths.js";
import { parseBlocks } from "../../scripts/lib/render/view/blocks.js";

/** The first table of a Markdown text, as the DOCX lays it out (parsed once into the tree). */
const parse = (src: string) => {
  const table = parseBlocks(src).find((b) => b.kind === "table");
  if (table?.kind !== "table") throw new Error("no table");
  return specOf(table.table);
};

const TABLE = `| STT | Nội dung › Nhóm A › Số | Nội dung › Nhóm A › Tỷ lệ % | Nội dung › Khác | Ghi chú |
|:--:|---:|---:|:---|---|
| 1 | 1.234 | 5,6 | Xã đặc biệt khó khăn | |
| | **Tổng cộng** | **1.234** | | |
`;

describe("narrative pipe tables (parsed into the tree): header levels", () => {
  it("splits ' › ' labels, reads alignments, marks bold rows by their first non-empty cell", () => {
    const spec = parse(TABLE);
    expect(spec.levels).toEqual([["STT"], ["Nội dung", "Nhóm A", "Số"], ["Nội dung", "Nhóm A", "Tỷ lệ %"], ["Nội dung", "Khác"], ["Ghi chú"]]);
    expect(spec.aligns).toEqual(["center", "right", "right", "left", "left"]); // "---" alone: left, as the DOCX lays it out
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

describe("pipe tables: a unit of measure written with slashes", () => {
  // Biểu 01's shape: the indicator's name, its unit ("nghìn đồng/người/tháng" breaks after a slash
  // as a word processor breaks it), figures, a target and a verdict.
  const src = [
    "| TT | Chỉ tiêu | Đơn vị tính | Cuối năm 2015 | 30/6/2018 | Mục tiêu | Đánh giá |",
    "|:--:|:---|:--:|---:|---:|:---|:---|",
    "| 9 | Thu nhập bình quân đầu người của hộ nghèo | nghìn đồng/người/tháng | 559 | 727 | Gấp 1,5 lần đầu kỳ vào cuối giai đoạn (lộ trình: 1,25 lần) | Đạt (gấp 1,30 lần) |",
    "| 2.1a | Tỷ lệ hộ nghèo dân tộc thiểu số (so với tổng số hộ dân tộc thiểu số) | % | 32,06 | 18,55 | Giảm 3 - 4 điểm %/năm | Vượt (5,41 điểm %/năm) |",
    "| 30/6/2018 | Số hộ | hộ | 1 | 2 | | |",
  ].join("\n");
  const mm = (twips: number) => (twips * 25.4) / 1440;
  const B01 = [
    "| TT | Chỉ tiêu | Đơn vị tính | Cuối năm 2015 (đầu kỳ) | Cuối năm 2016 | Cuối năm 2017 | 6 tháng đầu năm 2018 (ước) | Tăng (+)/giảm (-) so với đầu kỳ | Mục tiêu | Đánh giá giữa kỳ (so với lộ trình) |",
    "| :---: | :--- | :---: | ---: | ---: | ---: | ---: | ---: | :--- | :--- |",
    "| 1 | Tổng số hộ dân cư | hộ | 385.892 | 390.519 | 395.146 | 399.782 | +13.890 |  |  |",
    "| 2a | Tỷ lệ hộ nghèo | % | 13,31 | 10,51 | 8,56 | 7,72 | −5,59 | Giảm 1 - 1,5 điểm %/năm (minh họa) | Vượt (2,24 điểm %/năm) |",
    "| 2.1a | Tỷ lệ hộ nghèo dân tộc thiểu số (so với tổng số hộ dân tộc thiểu số) | % | 32,06 | 25,31 | 20,65 | 18,55 | −13,51 | Giảm 3 - 4 điểm %/năm | Vượt (5,41 điểm %/năm) |",
    "| 9 | Thu nhập bình quân đầu người của hộ nghèo | nghìn đồng/người/tháng | 559 | 621 | 690 | 727 | +168 | Gấp 1,5 lần đầu kỳ vào cuối giai đoạn (lộ trình: 1,25 lần) | Đạt (gấp 1,30 lần) |",
    "| 11.1 | Số xã đã thoát khỏi tình trạng đặc biệt khó khăn (lũy kế) | xã | - | - | - | 9 | - | Thoát 20 - 30% số thuộc diện đầu kỳ vào cuối giai đoạn | Đạt (12,00%; lộ trình 10 - 15%) |",
  ].join("\n");

  it("the unit column need not hold 'đồng/người/tháng' on one line, so the names get the room", () => {
    // Without the break after a slash the unit column took 38 mm and the names 28 mm.
    const w = columnWidths(parse(B01), 14287, 11);
    expect(mm(w[2]!)).toBeLessThan(33);
    expect(mm(w[1]!)).toBeGreaterThan(29);
  });

  it("a date in a body cell is never split at its slashes", () => {
    const w = columnWidths(parse(src), 14000, 11);
    expect(mm(w[0]!)).toBeGreaterThan(15); // "30/6/2018" on one line at 11 pt
  });
});
