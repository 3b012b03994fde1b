// valueKey hashes a value's JSON text part by part: its keys must be the ones contentKey gives for
// the whole JSON text, or every output recorded by an earlier build would be made again (and a
// merge would not find the shards' files by their keys).
import { describe, expect, it } from "vitest";
import { contentKey, valueKey } from "../../scripts/lib/write/code-version.js";

describe("valueKey", () => {
  const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, label: `Dòng ${i} "trích" \\ \n`, value: i % 7 ? i / 3 : null, skip: undefined, fn: () => i, when: new Date(Date.UTC(2018, 0, 1 + (i % 28))) }));
  const values: [string, unknown][] = [
    ["a small object", { a: 1, b: "x" }],
    ["empty containers", { a: [], b: {}, c: [[], {}] }],
    ["a large nested value", { project: { title: "Đánh giá", as_of: new Date(0) }, units: [{ code: "07888", rows }, { code: "25", rows: rows.slice(0, 10) }], last: undefined }],
    ["a large array with holes JSON writes as null", [...rows, undefined, () => 1, Symbol("s"), Number.NaN, -0, Infinity]],
    ["a long text inside", { body: "x".repeat(200_000), tail: [1, 2, 3] }],
    ["holes and boxed values in a large array", [...rows, , new String("boxed"), new Number(2), new Boolean(false)]],
    ["an object whose first keys are left out", { a: undefined, b: () => 1, c: rows }],
    ["an object whose keys are all left out", { a: undefined, rows: rows.map(() => ({ f: undefined })) }],
  ];
  it.each(values)("gives contentKey's digest of the JSON text for %s", (_, v) => {
    expect(valueKey("code", "site", v, "after")).toBe(contentKey("code", "site", JSON.stringify(v)!, "after"));
  });

  it("tells values apart", () => {
    expect(valueKey("code", { rows })).not.toBe(valueKey("code", { rows: rows.slice(1) }));
    expect(valueKey("code", { a: "1" })).not.toBe(valueKey("code", { a: 1 }));
  });
});
