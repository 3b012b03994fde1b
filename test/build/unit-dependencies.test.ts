// The claim the input keys rest on (write/input-keys.ts): a unit's document model and page view
// depend only on its own report, its subtree's reports and the files that are not reports. On the
// small province, each report file is edited in turn (its document number, its signer, its
// submission date, a finance plan, its first narrative), every model and view computed (no unit
// kept by input key), and the units whose document's content address (the hash of its DocModel) or page's (the hash of its view) changed
// must be the edited unit and some of its ancestors, never a sibling, a child or another branch.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/pipeline.js";
import type { Manifest } from "../../scripts/lib/up-to-date.js";
import { FILES, SCHEMAS } from "../check/fixture.js";
import { TEMPLATES, makeFixture } from "./build-fixture.js";

const fx = makeFixture();
const out = mkdtempSync(join(tmpdir(), "unit-deps-"));
afterAll(() => fx.cleanup());

/** Each unit's document key and page key, from a build that computes every model and view. */
async function keysByUnit(): Promise<{ keys: Map<string, string>; parents: Map<string, string | null> }> {
  const result = await build({ dataDir: fx.data, outDir: out, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, load: { workers: 0 }, keepByInput: false });
  expect(result.built).toBe(true);
  expect(result.keptByInput).toEqual([]);
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
  const keys = new Map<string, string>();
  for (const d of manifest.documents) if (d.kind === "report" && d.format === "docx") keys.set(`document ${d.unit}`, d.key);
  for (const f of manifest.files) {
    const page = /^don-vi\/([^/]+)\/index\.html$/.exec(f.path);
    if (page) keys.set(`page ${page[1]}`, f.key!);
  }
  const parents = new Map([...result.check.dataset!.units.values()].map((u) => [u.code, u.parent]));
  return { keys, parents };
}

/** The report with its document number, signer, submission date (a day later), first finance
 *  record's plan (one more) and first narrative changed (each where present): text, a date that
 *  drives timeliness and the as-of roll-up, and a value that is summed up the tree. */
function edited(text: string): string {
  return text
    .replace(/^(submitted_on: \d{4}-\d{2}-)(\d{2})$/m, (_m, head: string, day: string) => `${head}${String(Number(day) < 28 ? Number(day) + 1 : Number(day) - 1).padStart(2, "0")}`)
    .replace(/^( {2}- \{component: [^,]+, source: [^,]+, period: [^,]+, plan: )(\d+)/m, (_m, head: string, n: string) => `${head}${Number(n) + 1}`)
    .replace(/^( {4}name: )(.+)$/m, "$1$2 Minh")
    .replace(/^( {2}number: )"(\d+)"$/m, (_m, head: string, n: string) => `${head}"${Number(n) + 1}"`)
    .replace(/^(narrative:\n {2}[a-z0-9_]+: )(""|\|\n {4})/m, (_m, head: string, rest: string) => (rest === '""' ? `${head}"Nội dung đã sửa."` : `${head}${rest}Đã sửa. `));
}

describe("what a unit's document and page depend on", () => {
  it("editing one report changes the document models and page views of that unit and its ancestors only", async () => {
    let before = (await keysByUnit()).keys;
    for (const rel of Object.values(FILES)) {
      const text = fx.read(rel);
      const unit = /^unit: "?([^"\n]+)"?$/m.exec(text)![1]!;
      expect(edited(text), rel).not.toBe(text);
      fx.write(rel, edited(text));
      const { keys, parents } = await keysByUnit();
      const allowed = new Set<string>();
      for (let u: string | null | undefined = unit; u; u = parents.get(u)) allowed.add(u);
      const changed = [...keys].filter(([what, key]) => before.get(what) !== key).map(([what]) => what);
      expect(changed, rel).toContain(`document ${unit}`);
      expect(changed, rel).toContain(`page ${unit}`);
      expect(changed.filter((what) => !allowed.has(what.split(" ")[1]!)), rel).toEqual([]);
      before = keys;
    }
  }, 600_000);
});
