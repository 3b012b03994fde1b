// `build` on a small province: every document in three formats, listed in the manifest with its
// hash; two builds give the same bytes; a failed build leaves the previous output untouched.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEnv, auditTables, type AuditedTable } from "../../scripts/lib/audit/audit-tables.js";
import type { DocTable } from "../../scripts/lib/model/document.js";
import { escapeHtml } from "../../scripts/lib/render/blocks-html.js";
import { parseBlocks } from "../../scripts/lib/render/view/blocks.js";
import { ILLUSTRATIVE_NOTICE, reportView } from "../../scripts/lib/render/view/report-view.js";
import { docxPart, docxPartNames } from "../helpers/docx.js";
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
  files: { path: string; sha256: string }[];
  check: { level_names: Record<string, string> };
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

  it("writes manifest.json in ASCII, the check's Vietnamese level names escaped, one file a line", () => {
    const bytes = readFileSync(join(first.out, "manifest.json"));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const text = bytes.toString("utf8");
    expect(text).toMatch(/^\{\n {2}"code": "[0-9a-f]+",\n {2}"inputs": "[0-9a-f]+",\n/);
    expect(Object.values(manifest(first.out).check.level_names)).toContain("xã");
    const lines = text.split("\n");
    expect(lines.filter((l) => l.startsWith('    {"path":'))).toHaveLength(manifest(first.out).files.length);
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

// The documents of the fixture build, tested for what a reader relies on rather than by golden
// files (the renderers' goldens are small hand-made trees in test/render/; a catalogue or form
// edit must not churn this test): every form and table shows in both formats, no placeholder
// leaks out, the illustrative notice is everywhere, and every printed form table adds up.
describe("documents (properties)", () => {
  const reportDocs = () => manifest(first.out).documents.filter((d) => d.kind === "report" && d.format === "md");
  const docBases = () => manifest(first.out).documents.filter((d) => d.format === "md").map((d) => d.path.replace(/\.md$/, ""));
  const views = () => {
    const { dataset: ds, tree } = first.result.check;
    return (unit: string) => reportView(ds!, tree!, ds!.units.get(unit)!);
  };
  /** A report's annexes as printed in its .md: label ("Biểu số 01") → the annex's tables. */
  const mdAnnexes = (md: string): Map<string, DocTable[]> =>
    new Map(
      md
        .split("\n---\n")
        .slice(1)
        .map((part) => [/^\s*\*\*(.+?)\*\*/.exec(part)?.[1] ?? "", parseBlocks(part).flatMap((b) => (b.kind === "table" ? [b.table] : []))]),
    );

  it("every report's HTML shows each annex form's title, and every document's HTML has as many tables as its Markdown", () => {
    const view = views();
    for (const d of reportDocs()) {
      const html = readFileSync(join(first.out, d.path.replace(/\.md$/, ".html")), "utf8");
      const forms = view(d.unit).forms;
      for (const f of forms) expect(html, `${d.path}: ${f.label}`).toContain(escapeHtml(f.title));
      expect([...mdAnnexes(readFileSync(join(first.out, d.path), "utf8")).keys()], d.path).toEqual(expect.arrayContaining(forms.map((f) => f.label)));
    }
    for (const base of docBases()) {
      const md = readFileSync(join(first.out, `${base}.md`), "utf8");
      const html = readFileSync(join(first.out, `${base}.html`), "utf8");
      const mdTables = parseBlocks(md).filter((b) => b.kind === "table").length;
      expect(mdTables, base).toBeGreaterThan(0);
      expect(html.match(/<table>/g)?.length ?? 0, base).toBe(mdTables);
    }
  });

  it("no 'undefined', 'NaN' or '[object' in any output file (documents' XML, pages, data files)", async () => {
    const bad = /undefined|NaN|\[object /;
    for (const [path, bytes] of readTreeBytes(first.out)) {
      if (path.startsWith("pagefind/")) continue; // the search library's own scripts
      if (/\.(md|html|json|csv|css|js|svg|xml|txt)$/.test(path)) expect(bad.exec(bytes.toString("utf8"))?.[0], path).toBeUndefined();
      if (path.endsWith(".docx")) for (const part of (await docxPartNames(bytes)).filter((n) => n.endsWith(".xml"))) expect(bad.exec(await docxPart(bytes, part))?.[0], `${path}: ${part}`).toBeUndefined();
    }
  });

  it("says 'Số liệu minh họa' in every report, and the plan that its number, date and signer are illustrative, in all three formats", async () => {
    for (const d of manifest(first.out).documents.filter((x) => x.format === "md")) {
      const base = d.path.replace(/\.md$/, "");
      const marker = d.kind === "report" ? ILLUSTRATIVE_NOTICE : "Số, ngày ban hành và người ký minh họa";
      for (const f of ["md", "html"]) expect(readFileSync(join(first.out, `${base}.${f}`), "utf8"), `${base}.${f}`).toContain(marker);
      const docx = readFileSync(join(first.out, `${base}.docx`));
      const parts = (await docxPartNames(docx)).filter((n) => /^word\/(document|header\d*)\.xml$/.test(n));
      const texts = await Promise.all(parts.map((n) => docxPart(docx, n)));
      expect(texts.some((t) => t.includes(marker)), `${base}.docx`).toBe(true);
    }
  });

  it("every form table as printed in the .md adds up where the form says it sums (the build's audit, on the printed cells)", () => {
    const view = views();
    const env = auditEnv(first.result.check.dataset!);
    let sums = 0;
    for (const d of reportDocs()) {
      const annexes = mdAnnexes(readFileSync(join(first.out, d.path), "utf8"));
      const printed: AuditedTable[] = view(d.unit).forms.map((f) => {
        const table = annexes.get(f.label)?.at(-1);
        expect(table?.rows.map((r) => r.bold), `${d.path}: ${f.label}`).toEqual(f.table.rows.map((r) => r.bold));
        sums += f.table.rows.filter((r) => r.sum?.length).length;
        return { document: d.path, form: f.label, table: { ...f.table, rows: f.table.rows.map((r, i) => ({ ...r, cells: table!.rows[i]!.cells })) } };
      });
      expect(auditTables(printed, env)).toEqual([]);
    }
    expect(sums, "the fixture's forms have sum rows to check").toBeGreaterThan(20);
  });
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
