// `build` on the bundled province writes the plan and a report for every unit, each in DOCX,
// HTML and Markdown, all listed in the manifest with their hashes. (The documents only: the
// site is covered by the fixture tests; this is the full 307-unit run, a couple of minutes.)
// Their DOCX files are tested for properties (size, forms, styles, same bytes again), not against
// megabyte golden files: test/docx holds the small golden built from a hand-made model.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build as runBuild, type BuildResult } from "../../scripts/lib/pipeline.js";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import type { DocModel } from "../../scripts/lib/model/document.js";
import { buildDocx } from "../../scripts/lib/render/docx/build-docx.js";
import { packDocx } from "../../scripts/lib/render/docx/pack-docx.js";
import { loadTemplates } from "../../scripts/lib/render/templates.js";
import { planDocModel } from "../../scripts/lib/render/view/plan-view.js";
import { reportDocModel } from "../../scripts/lib/render/view/report-doc.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { docxPart } from "../helpers/docx.js";
import { REPO, SCHEMAS } from "../check/fixture.js";

const out = join(mkdtempSync(join(tmpdir(), "bundled-")), "dist");
let result: BuildResult;

beforeAll(async () => {
  result = await runBuild({ dataDir: join(REPO, "data"), outDir: out, schemaDir: SCHEMAS, templateDir: join(REPO, "templates"), site: false, workers: Math.max(1, Math.min(4, availableParallelism())) });
}, 900_000);
afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

describe("runBuild(bundled data)", () => {
  it("checks clean and writes the plan and every unit's report in three formats, all in the manifest", () => {
    expect(result.check.summary.errors).toBe(0);
    expect(result.built).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { documents: { unit: string; kind: string; format: string; path: string; sha256: string }[] };
    const units = [...result.check.dataset!.units.keys()];
    expect(units).toHaveLength(1 + 13 + 277 + 16);
    const reports = new Map<string, string[]>();
    for (const d of manifest.documents.filter((x) => x.kind === "report")) reports.set(d.unit, [...(reports.get(d.unit) ?? []), d.format]);
    expect([...reports.keys()].sort()).toEqual([...units].sort());
    for (const [unit, formats] of reports) expect(formats.sort(), unit).toEqual(["docx", "html", "md"]);
    expect(manifest.documents.filter((d) => d.kind === "plan").map((d) => d.format).sort()).toEqual(["docx", "html", "md"]);
    for (const d of manifest.documents.filter((_, i) => i % 37 === 0)) {
      expect(createHash("sha256").update(readFileSync(join(out, d.path))).digest("hex"), d.path).toBe(d.sha256);
    }
  });
});

interface Doc {
  path: string;
  level: string;
  model: DocModel;
}

/** The table starting at `at` (a "<w:tbl>"), nested tables included. */
function tableAt(xml: string, at: number): string {
  let depth = 0;
  for (const m of xml.slice(at).matchAll(/<w:tbl>|<\/w:tbl>/g)) {
    depth += m[0] === "<w:tbl>" ? 1 : -1;
    if (depth === 0) return xml.slice(at, at + m.index + m[0].length);
  }
  return xml.slice(at);
}

/** Whether `want` appears in `have` in order (other items may come between). */
function inOrder(have: string[], want: string[]): string | null {
  let k = 0;
  for (const h of have) if (k < want.length && h === want[k]) k++;
  return k === want.length ? null : want[k]!;
}

const texts = (xml: string): string[] => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').trim()).filter(Boolean);

describe("the bundled documents' DOCX", () => {
  // The plan, the province, every district, every department and every tenth commune: the models
  // built again, as the build builds them.
  const sample = (): Doc[] => {
    const ds = result.check.dataset!;
    const templates = loadTemplates(join(REPO, "templates"));
    const tree = rollUp(ds);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { documents: { unit: string; level: string; kind: string; format: string; path: string }[] };
    const docx = manifest.documents.filter((d) => d.format === "docx");
    const out_: Doc[] = [{ path: docx.find((d) => d.kind === "plan")!.path, level: "plan", model: planDocModel(ds) }];
    let communes = 0;
    for (const d of docx.filter((x) => x.kind === "report")) {
      const unit = ds.units.get(d.unit)!;
      if (unit.level === "commune" && communes++ % 10 !== 0) continue;
      out_.push({ path: d.path, level: unit.level, model: reportDocModel(reportView(ds, tree, unit), ds.project) });
    }
    return out_;
  };
  let docs: Doc[];
  const xmlOf = new Map<string, string>();
  beforeAll(async () => {
    docs = sample();
    for (const d of docs) xmlOf.set(d.path, await docxPart(readFileSync(join(out, d.path)), "word/document.xml"));
  }, 300_000);

  it("is lean: a commune's or a department's document.xml ≤ 250 KB, a district's, the province's and the plan's ≤ 290 KB (they were 0,4–1,3 MB, then 0,29–0,37 MB with a width on every cell)", () => {
    const levels = new Set(docs.map((d) => d.level));
    expect([...levels].sort()).toEqual(["commune", "department", "district", "plan", "province"]);
    for (const d of docs) {
      const bytes = Buffer.byteLength(xmlOf.get(d.path)!);
      expect(bytes, d.path).toBeLessThanOrEqual(d.level === "commune" || d.level === "department" ? 250_000 : 290_000);
    }
  });

  it("holds every annex form of its model, each a form table with every filled cell in order", () => {
    for (const d of docs) {
      const xml = xmlOf.get(d.path)!;
      // One section per annex after the main one.
      const sections = xml.split("</w:sectPr>");
      expect(sections.length - 2, d.path).toBe(d.model.annexes.length);
      d.model.annexes.forEach((annex, i) => {
        const section = sections[i + 1]!;
        const at = section.search(/<w:tbl><w:tblPr><w:tblStyle w:val="FormTable(?:Wide)?"\/>/);
        if (!annex.form) {
          expect(at, `${d.path} ${annex.label}`).toBe(-1);
          return;
        }
        expect(at, `${d.path} ${annex.label}`).toBeGreaterThan(-1);
        const style = annex.orientation === "landscape" ? "FormTableWide" : "FormTable";
        const table = tableAt(section, at);
        expect(table, `${d.path} ${annex.label}`).toContain(`<w:tblStyle w:val="${style}"/>`);
        const { headerPaths, rows } = annex.form.table;
        const want = [...new Set(headerPaths.flat())].filter((h) => h.trim()).slice(0, 1).concat(rows.flatMap((r) => r.cells.map((c) => c.trim()).filter(Boolean)));
        expect(inOrder(texts(table), want), `${d.path} ${annex.label}: missing or out of order`).toBeNull();
        for (const note of annex.form.footnotes) expect(texts(table).join(" "), `${d.path} ${annex.label}`).toContain(note.trim().replace(/\s+/g, " "));
      });
    }
  });

  it("formats through styles: every style used is defined, cells carry no borders and no sizes of their own", async () => {
    for (const d of docs) {
      const xml = xmlOf.get(d.path)!;
      const styles = await docxPart(readFileSync(join(out, d.path)), "word/styles.xml");
      const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
      for (const m of xml.matchAll(/<w:(?:pStyle|tblStyle) w:val="([^"]+)"\/>/g)) expect(defined.has(m[1]), `${d.path}: ${m[1]}`).toBe(true);
      expect(xml, d.path).not.toMatch(/<w:tcBorders>(?:(?!<\/w:tcBorders>).)*w:val="single"/);
      for (const m of xml.matchAll(/<w:tbl><w:tblPr><w:tblStyle w:val="FormTable(?:Wide)?"\/>/g)) {
        const rows = tableAt(xml, m.index);
        // The rows up to the closing row's nested rows: text sized by the table style.
        expect(rows.slice(0, rows.indexOf("</w:tbl>")), d.path).not.toContain("<w:sz ");
      }
      // Body text in the Body style, headings in Heading 1–3.
      if (d.level !== "plan") expect(xml, d.path).toContain('<w:pStyle w:val="Body"/>');
      expect(xml, d.path).toContain('<w:pStyle w:val="Heading1"/>');
    }
  });

  it("gives the same bytes when the documents are built again", async () => {
    for (const d of docs) {
      const again = await packDocx(buildDocx(d.model), d.model.created);
      expect(Buffer.from(again).equals(readFileSync(join(out, d.path))), d.path).toBe(true);
    }
  }, 300_000);
});
