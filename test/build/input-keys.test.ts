// Unit input keys (write/input-keys.ts): a unit's key covers its subtree's report files and every
// other data file; the settings files are hashed as the build read them (the versions its documents
// were made from), not as they are on disk by then, so an edit during the build cannot make an
// output that a later build keeps for inputs it was not made from.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unitInputKeys, type InputKeySources } from "../../scripts/lib/write/input-keys.js";

const root = mkdtempSync(join(tmpdir(), "input-keys-"));
const [data, schemas] = [join(root, "data"), join(root, "schemas")];
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(files: Record<string, string>, dir: string) {
  for (const [rel, text] of Object.entries(files)) {
    const full = join(dir, rel);
    rmSync(full, { force: true });
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
  }
}

folder({ "project.yaml": "name: A\n", "reports/01.yaml": "unit: '01'\n", "reports/02.yaml": "unit: '02'\n", "map.geojson": "{}" }, data);
folder({ "report.schema.json": "{}" }, schemas);

const sources = (settings?: Map<string, string>): InputKeySources => ({
  dataDir: data,
  schemaDir: schemas,
  options: {},
  units: [{ code: "00", parent: null }, { code: "01", parent: "00" }, { code: "02", parent: "00" }],
  reports: [{ unit: "01", rel: "reports/01.yaml", text: "r1" }, { unit: "02", rel: "reports/02.yaml", text: "r2" }],
  ...(settings ? { settings } : {}),
});

describe("unitInputKeys", () => {
  it("changes the keys of a report's unit and its ancestors only", () => {
    const a = unitInputKeys("code", sources());
    const b = unitInputKeys("code", { ...sources(), reports: [{ unit: "01", rel: "reports/01.yaml", text: "r1 edited" }, { unit: "02", rel: "reports/02.yaml", text: "r2" }] });
    expect([a.units.get("00") === b.units.get("00"), a.units.get("01") === b.units.get("01"), a.units.get("02") === b.units.get("02")]).toEqual([false, false, true]);
  });

  it("hashes the settings as read when given, not the files as they are now; a file not read (a map) from disk", () => {
    const read = new Map([["project.yaml", "\0sha256:aaaa"]]);
    const before = unitInputKeys("code", sources(read));
    writeFileSync(join(data, "project.yaml"), "name: B\n"); // edited after the build read it
    expect(unitInputKeys("code", sources(read)).units.get("01")).toBe(before.units.get("01"));
    expect(unitInputKeys("code", sources(new Map([["project.yaml", "\0sha256:bbbb"]]))).units.get("01")).not.toBe(before.units.get("01"));
    writeFileSync(join(data, "map.geojson"), '{"type":"FeatureCollection"}');
    expect(unitInputKeys("code", sources(read)).units.get("01")).not.toBe(before.units.get("01"));
  });
});
