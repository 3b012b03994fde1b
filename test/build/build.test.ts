// `build` on a small province: every document in three formats, listed in the manifest with its
// hash; two builds give the same bytes; a failed build leaves the previous output untouched.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxPart } from "../helpers/docx.js";
import type { Fixture } from "../check/fixture.js";
import { buildFixture, makeFixture, readTreeBytes } from "./build-fixture.js";

let fx: Fixture;
let first: Awaited<ReturnType<typeof buildFixture>>;
let second: Awaited<ReturnType<typeof buildFixture>>;

beforeAll(async () => {
  fx = makeFixture();
  first = await buildFixture(fx);
  second = await buildFixture(fx);
}, 300_000);
afterAll(() => fx.cleanup());

interface Manifest {
  documents: { unit: string; level: string; kind: string; format: string; path: string; sha256: string }[];
}
const manifest = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;

describe("runBuild(fixture)", () => {
  it("writes the plan and a report of every unit in DOCX, HTML and Markdown, all in the manifest", () => {
    const m = manifest(first.out);
    const units = [...first.result.check.dataset!.units.keys()];
    expect(m.documents.filter((d) => d.kind === "plan").map((d) => d.format).sort()).toEqual(["docx", "html", "md"]);
    for (const u of units) {
      expect(m.documents.filter((d) => d.kind === "report" && d.unit === u).map((d) => d.format).sort(), u).toEqual(["docx", "html", "md"]);
    }
    expect(m.documents).toHaveLength(3 * (units.length + 1));
    for (const d of m.documents) {
      const bytes = readFileSync(join(first.out, d.path));
      expect(createHash("sha256").update(bytes).digest("hex"), d.path).toBe(d.sha256);
    }
    expect(m.documents.find((d) => d.unit === "00123" && d.format === "docx")?.path).toBe("documents/901-thanh-pho-binh-an/00123-phuong-hoa-binh.docx");
  });

  it("gives byte-identical output for the same input, DOCX included", () => {
    const a = readTreeBytes(first.out);
    const b = readTreeBytes(second.out);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  it("stamps DOCX properties with the document date, never the clock", async () => {
    const core = await docxPart(readFileSync(join(first.out, "documents/901-thanh-pho-binh-an/00123-phuong-hoa-binh.docx")), "docProps/core.xml");
    expect(core).toMatch(/<dcterms:created[^>]*>2018-\d\d-\d\dT00:00:00Z</);
  });

  it("refuses to build on invalid data and leaves the previous output untouched", async () => {
    const before = readTreeBytes(second.out);
    fx.edit("reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml", /status: \w+/, "status: gui_roi");
    try {
      const again = await buildFixture(fx, second.out);
      expect(again.result.built).toBe(false);
      expect(again.result.check.diagnostics.some((d) => d.code === "SCHEMA_ENUM")).toBe(true);
    } finally {
      fx.edit("reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml", "status: gui_roi", "status: da_nop");
    }
    const after = readTreeBytes(second.out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [p, b] of before) expect(after.get(p)!.equals(b), p).toBe(true);
    expect(existsSync(join(second.out, "manifest.json"))).toBe(true);
  });
});

// The DOCX of these documents is tested for its properties on the bundled build (bundled.test.ts)
// and laid out from a small hand-made model in test/docx (one small golden document.xml).
describe("documents (golden files)", () => {
  const docs: Record<string, string> = {
    plan: "documents/ke-hoach",
    province: "documents/99-tinh-mau",
    district: "documents/901-thanh-pho-binh-an/901-thanh-pho-binh-an",
    commune: "documents/901-thanh-pho-binh-an/00123-phuong-hoa-binh",
    department: "documents/so-ban-nganh/so-ldtbxh",
  };
  for (const [name, base] of Object.entries(docs)) {
    it(`${name}: Markdown and HTML match the golden files`, async () => {
      const md = readFileSync(join(first.out, `${base}.md`), "utf8");
      const html = readFileSync(join(first.out, `${base}.html`), "utf8");
      await expect(md).toMatchFileSnapshot(`./__golden__/${name}.md`);
      await expect(html).toMatchFileSnapshot(`./__golden__/${name}.html`);
    });
  }
});

describe("the site's home page", () => {
  it("shows, per level, the on-time, late, not-yet, missing and approved counts computed from the data files", () => {
    // Recomputed here straight from the YAML files, independently of the build's own code.
    const units = [...(parse(fx.read("units.yaml")) as { units: { code: string; level: string }[] }).units, ...(parse(fx.read("departments.yaml")) as { units: { code: string; level: string }[] }).units];
    const project = parse(fx.read("project.yaml")) as { as_of: string; levels: { id: string; deadline_item: string | null }[] };
    const plan = parse(fx.read("plan.yaml")) as { sections: { items: { id?: string; deadline?: string }[] }[] };
    const deadline = (level: string) => plan.sections.flatMap((s) => s.items).find((i) => i.id === project.levels.find((l) => l.id === level)?.deadline_item)?.deadline ?? null;
    const reports = new Map<string, { status: string; submitted_on: string | null }>();
    for (const f of readdirSync(join(fx.data, "reports"), { recursive: true }) as string[]) {
      if (!f.endsWith(".yaml")) continue;
      const r = parse(fx.read(`reports/${f}`)) as { unit: string; status: string; submitted_on: string | null };
      reports.set(r.unit, r);
    }
    const html = readFileSync(join(first.out, "index.html"), "utf8");
    for (const level of project.levels.map((l) => l.id)) {
      const due = deadline(level);
      const want = { total: 0, on_time: 0, late: 0, not_yet: 0, missing: 0, approved: 0 };
      for (const u of units.filter((x) => x.level === level)) {
        want.total++;
        const r = reports.get(u.code);
        const filed = r && (r.status === "da_nop" || r.status === "da_duyet") && r.submitted_on;
        if (filed) want[due && r.submitted_on! > due ? "late" : "on_time"]++;
        else want[due && project.as_of > due ? "missing" : "not_yet"]++;
        if (filed && r.status === "da_duyet") want.approved++;
      }
      const row = new RegExp(`<tr data-level="${level}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? "";
      const shown = Object.fromEntries([...row.matchAll(/data-count="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
      expect(shown, level).toEqual(want);
    }
  });
});
