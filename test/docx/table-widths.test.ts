import { describe, expect, it } from "vitest";
import { specOf } from "../../scripts/lib/render/docx/table-model.js";
import { columnWidths, tableLines } from "../../scripts/lib/render/docx/table-widths.js";
import { parseBlocks } from "../../scripts/lib/render/view/blocks.js";

const parse = (src: string) => {
  const table = parseBlocks(src).find((b) => b.kind === "table");
  if (table?.kind !== "table") throw new Error("no table in the fixture");
  return specOf(table.table);
};
const mm = (twips: number) => (twips * 25.4) / 1440;
/** A4 landscape less the 30 mm left and 20 mm right margins (TT 01's ranges), 11-pt form text. */
const LANDSCAPE = 16838 - 1701 - 1134;

// A hand-made Biểu 01 (results against targets): row number, the indicator's name, its unit, five
// figure columns, the target and the verdict; most rows have no target.
const B01 = [
  "| TT | Chỉ tiêu | Đơn vị tính | Cuối năm 2015 (đầu kỳ) | Cuối năm 2016 | Cuối năm 2017 | 6 tháng đầu năm 2018 (ước) | Tăng (+)/giảm (-) so với đầu kỳ | Mục tiêu | Đánh giá giữa kỳ (so với lộ trình) |",
  "| :---: | :--- | :---: | ---: | ---: | ---: | ---: | ---: | :--- | :--- |",
  "| 1 | Tổng số hộ dân cư | hộ | 385.892 | 390.519 | 395.146 | 399.782 | +13.890 |  |  |",
  "| 1.1 | Trong đó: số hộ dân tộc thiểu số | hộ | 61.704 | 62.443 | 63.182 | 63.910 | +2.206 |  |  |",
  "| 2a | Tỷ lệ hộ nghèo | % | 13,31 | 10,51 | 8,56 | 7,72 | −5,59 | Giảm 1 - 1,5 điểm %/năm | Vượt (2,24 điểm %/năm) |",
  "| 2.1a | Tỷ lệ hộ nghèo dân tộc thiểu số (so với tổng số hộ dân tộc thiểu số) | % | 32,06 | 25,31 | 20,65 | 18,55 | −13,51 | Giảm 3 - 4 điểm %/năm | Vượt (5,41 điểm %/năm) |",
  "| 2.3 | Số hộ nghèo thiếu hụt các dịch vụ xã hội cơ bản | hộ | 12.226 | 9.779 | 8.053 | 7.346 | −4.880 |  |  |",
  "| 3.1 | Trong đó: số hộ cận nghèo dân tộc thiểu số | hộ | 10.102 | 9.673 | 9.058 | 8.831 | −1.271 |  |  |",
  "| 4 | Số hộ thoát nghèo trong kỳ | hộ | - | 13.849 | 10.942 | 4.829 | - |  |  |",
  "| 9 | Thu nhập bình quân đầu người của hộ nghèo | nghìn đồng/người/tháng | 559 | 621 | 690 | 727 | +168 | Gấp 1,5 lần đầu kỳ vào cuối giai đoạn | Đạt (gấp 1,30 lần) |",
  "| 10.1 | Số huyện đã thoát khỏi tình trạng huyện nghèo (lũy kế) | huyện | - | - | - | 0 | - |  |  |",
  "| 12.1 | Số thôn, bản đã thoát khỏi tình trạng đặc biệt khó khăn (lũy kế) | thôn | - | - | - | 44 | - | Thoát 20 - 30% số thuộc diện đầu kỳ | Đạt (12,39%) |",
  "| 13 | Số xã thuộc diện đầu tư Chương trình 135 | xã | - | - | - | 75 | - |  |  |",
].join("\n");

describe("column widths shared by content (a Biểu 01)", () => {
  const spec = parse(B01);
  const w = columnWidths(spec, LANDSCAPE, 11);
  const figures = [3, 4, 5, 6, 7];

  it("the indicator's name gets the most room; every figure column is narrower than it", () => {
    expect(w.reduce((a, b) => a + b, 0)).toBe(LANDSCAPE);
    expect(Math.max(...w)).toBe(w[1]);
    expect(mm(w[1]!)).toBeGreaterThan(55); // the longest names on two lines, not three to six
    for (const c of figures) expect(w[c]!).toBeLessThan(w[1]! / 2);
  });

  it("figures stay narrow yet hold their longest figure and header word on one line", () => {
    for (const c of figures) {
      expect(mm(w[c]!)).toBeLessThan(25);
      expect(mm(w[c]!)).toBeGreaterThan(14); // "385.892" at 11 pt is ~12 mm with the cell margins
    }
  });

  it("the estimate of lines: a one-word row takes one line, a long name more, a group level one more in the header", () => {
    const { head, body } = tableLines(spec, w, 11);
    expect(body[0]).toBe(1); // "Tổng số hộ dân cư"
    expect(body[3]).toBeGreaterThan(1); // the 67-character name, and its target and verdict
    const grouped = { ...spec, levels: spec.levels.map((l, c) => (c >= 3 && c <= 6 ? ["Số liệu", ...l] : l)) };
    expect(tableLines(grouped, w, 11).head).toBe(head + 1);
    // Half the name column: the long name takes more lines.
    const narrow = [...w];
    narrow[1] = Math.round(w[1]! / 2);
    expect(tableLines(spec, narrow, 11).body[3]).toBeGreaterThan(body[3]!);
  });

  it("a wider page widens the names first, not the figures", () => {
    const wide = columnWidths(spec, LANDSCAPE + 2000, 11);
    expect(wide[1]! - w[1]!).toBeGreaterThan(0);
    for (const c of figures) expect(wide[c]! - w[c]!).toBeLessThan(wide[1]! - w[1]!);
  });
});
