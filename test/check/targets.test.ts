// project.yaml targets: a unit target for an unknown or non-territory unit, and a range written
// high to low, are errors located at the entry; the bundled targets pass.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAt, makeFixture, only, type Fixture } from "./fixture.js";

let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

/** 1-based line and column where `text` starts on the first line containing it. */
function at(text: string): { line: number; column: number } {
  const lines = fx.read("project.yaml").split("\n");
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in project.yaml`);
  return { line: i + 1, column: lines[i]!.indexOf(text) + 1 };
}

const addUnits = (entries: string) => fx.edit("project.yaml", /^root: "99"$/m, `${entries}\nroot: "99"`);

describe("targets in project.yaml", () => {
  it("accepts the bundled targets", () => {
    const r = fx.check();
    expect(only(r, "TARGET_UNKNOWN_UNIT")).toEqual([]);
    expect(only(r, "TARGET_RANGE_REVERSED")).toEqual([]);
  });

  it("TARGET_UNKNOWN_UNIT at the code of a unit target naming no unit, with the closest code", () => {
    addUnits('  units:\n    "9022": {poverty_reduction: [2, 3], source: Kế hoạch của tỉnh}');
    const d = expectAt(fx.check(), { code: "TARGET_UNKNOWN_UNIT", severity: "error", file: fx.shown("project.yaml"), ...at('"9022"') });
    expect(d.message).toContain("9022");
    expect(d.hint).toContain('"902"');
  });

  it("TARGET_RANGE_REVERSED at a range written high to low: the ethnic-minority pace and a district's", () => {
    fx.edit("project.yaml", "ethnic_minority_reduction: [3, 4]", "ethnic_minority_reduction: [4, 3]");
    addUnits('  units:\n    "902": {poverty_reduction: [3, 2.5], source: Kế hoạch của tỉnh}');
    const r = fx.check();
    expect(only(r, "TARGET_RANGE_REVERSED")).toHaveLength(2);
    const em = expectAt(r, { code: "TARGET_RANGE_REVERSED", severity: "error", file: fx.shown("project.yaml"), ...at("[4, 3]") });
    expect(em.hint).toContain("[3, 4]");
    expectAt(r, { code: "TARGET_RANGE_REVERSED", severity: "error", file: fx.shown("project.yaml"), ...at("[3, 2.5]") });
    expect(r.ok).toBe(false);
  });
});
