// The report's body as the view builds it: the outline's sections are headings of their depth, the
// unit's narrative is Markdown read under its own heading only, and text from the data in the
// sentences is printed as written (no Markdown read into it).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { loadDataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { Block } from "../../scripts/lib/model/document.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

const COMMUNE = "reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml";
const body = (code: string): Block[] => {
  const ds = loadDataset(fx.data, SCHEMAS, fx.root).dataset!;
  return reportView(ds, rollUp(ds), ds.units.get(code)!).body;
};
const text = (b: Block): string => ("runs" in b ? b.runs.map((r) => (r.kind === "text" ? r.text : "\n")).join("") : "");
const headings = (blocks: Block[]) => blocks.filter((b) => b.kind === "heading").map((b) => `${b.kind === "heading" ? b.level : 0} ${text(b)}`);

describe("the report body", () => {
  it("a narrative's unclosed code fence stays inside its section: every later heading is still a heading", () => {
    const before = headings(body("00123"));
    expect(before.length).toBeGreaterThan(3);
    fx.edit(COMMUNE, "phần lớn hộ nghèo là hộ neo đơn, thiếu lao động.\n", "phần lớn hộ nghèo là hộ neo đơn, thiếu lao động.\n\n    ```\n    mã chưa đóng\n");
    const after = body("00123");
    expect(headings(after)).toEqual(before);
    expect(after.some((b) => b.kind === "paragraph" && text(b) === "mã chưa đóng")).toBe(true);
  });

  it("headings carry the outline's depth: a Mục is level 1, its parts level 2", () => {
    const levels = headings(body("00123")).map((h) => h.split(" ")[0]);
    expect(levels[0]).toBe("1");
    expect(levels).toContain("2");
  });
});
