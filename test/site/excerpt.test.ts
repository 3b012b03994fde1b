// The passage under a search result never shows the accent-free names a unit page carries for
// search ("huyen doan hung tinh phu tho"), and marks the words the reader typed, accents ignored.
import { describe, expect, it } from "vitest";
import { excerpt } from "../../site/excerpt.js";

const text = (s: { text: string }[]) => s.map((x) => x.text).join("");
const marks = (s: { text: string; mark: boolean }[]) => s.filter((x) => x.mark).map((x) => x.text);

const PAGE =
  "Huyện Đoan Hùng. Cấp huyện · thuộc Tỉnh Phú Thọ. Tình hình nộp báo cáo. Nộp đúng hạn. " +
  "Ủy ban nhân dân huyện Đoan Hùng báo cáo kết quả như sau. huyen doan hung tinh phu tho";

describe("search result passage", () => {
  it("leaves out the folded names at the end and marks the typed words in the real text", () => {
    const s = excerpt(PAGE, "huyen doan hung tinh phu tho", "doan hung");
    expect(text(s)).not.toMatch(/doan hung|tinh phu tho/);
    expect(marks(s)).toEqual(["Đoan", "Hùng."]);
    expect(text(s)).toBe("Huyện Đoan Hùng. Cấp huyện · thuộc Tỉnh Phú Thọ. Tình hình nộp báo cáo. Nộp đúng hạn.");
  });

  it("takes the window holding most matches, a word's beginning matching as in pagefind", () => {
    const s = excerpt(PAGE, "huyen doan hung tinh phu tho", "bao cao ke", 6);
    expect(marks(s)).toEqual(["báo", "cáo", "kết"]);
    expect(text(s)).toBe("Đoan Hùng báo cáo kết quả");
  });

  it("shows the opening, unmarked, when only the folded names matched", () => {
    const s = excerpt("Xã Hùng Long. Cấp xã. xa hung long huyen doan hung", "xa hung long huyen doan hung", "doan", 4);
    expect(s).toEqual([{ text: "Xã Hùng Long. Cấp", mark: false }]);
  });

  it("keeps a page's text whole when it does not end with the folded names (pages other than units)", () => {
    expect(text(excerpt("Kế hoạch đánh giá giữa kỳ", undefined, "ke hoach"))).toBe("Kế hoạch đánh giá giữa kỳ");
    expect(text(excerpt("Kế hoạch đánh giá", "xa khac", "ke"))).toBe("Kế hoạch đánh giá");
  });
});
