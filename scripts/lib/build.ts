// `build`: check, roll up, render the plan and every unit's report (Markdown, HTML, DOCX),
// write the manifest, then the site; all into a staging folder swapped in at the end.
import { documentTrees, rollUp, type Tree } from "./aggregate/roll-up.js";
import { rollupRule } from "./aggregate/rollup-rule.js";
import { AuditError, auditEnv, auditTables, type AuditedTable } from "./audit/audit-tables.js";
import { runCheck, type CheckResult } from "./check.js";
import type { Dataset } from "./model/dataset.js";
import { markdownToHtml, renderDocument, type RenderedDocument } from "./render/documents.js";
import { readGeo } from "./load/read-geo.js";
import { PHASES } from "./progress.js";
import { siteModel } from "./site/adapt/site-model.js";
import type { UnitDocs } from "./site/adapt/unit-page.js";
import { buildSite } from "./site/build-site.js";
import { writeWorkbooks } from "./site/workbooks.js";
import { inProcessPacker, workerPacker } from "./render/docx/docx-pool.js";
import { loadTemplates, type Templates } from "./render/templates.js";
import { planDocModel } from "./render/view/plan-view.js";
import { reportDocModel } from "./render/view/report-doc.js";
import { reportView } from "./render/view/report-view.js";
import { reportPath } from "./units/paths.js";
import { withStagedOutput, type OutputWriter } from "./write/output-dir.js";

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  schemaDir: string;
  templateDir: string;
  asOf?: string;
  /** Also build the website (default true). */
  site?: boolean;
  /** Worker threads for DOCX packing; 0 packs in-process (tests). */
  workers?: number;
  /** Submission dates from git (see git/submission-times.ts). */
  submittedAt?: ReadonlyMap<string, string>;
  /** Levels whose unit pages carry charts (default: all when ≤ 2 000 units, else the top two). */
  chartLevels?: string[];
  /** Progress of the long phases (see progress.ts): phase name, items done, items in all. */
  progress?: (phase: string, done: number, total: number) => void;
  /** Folder of the check's parse cache (load/parse-cache.ts); none by default. */
  cacheDir?: string;
}

export interface ManifestEntry {
  unit: string;
  level: string;
  kind: "plan" | "report";
  format: "docx" | "html" | "md";
  path: string;
  sha256: string;
}

export interface BuildResult {
  check: CheckResult;
  built: boolean;
  documents: ManifestEntry[];
}

function writeDocument(w: OutputWriter, base: string, doc: RenderedDocument, entry: Omit<ManifestEntry, "format" | "path" | "sha256">): ManifestEntry[] {
  return (["md", "html", "docx"] as const).map((format) => {
    const path = `${base}.${format}`;
    return { ...entry, format, path, sha256: w.write(path, doc[format]) };
  });
}

export async function runBuild(opts: BuildOptions): Promise<BuildResult> {
  // --as-of applies before any rule runs: the check's timeliness (STATUS_AFTER_AS_OF) and the documents use one date.
  const progress = opts.progress ?? (() => {});
  const check = runCheck(opts.dataDir, opts.schemaDir, [rollupRule], process.cwd(), {
    ...(opts.submittedAt ? { submittedAt: opts.submittedAt } : {}),
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    load: { progress: (d, t) => progress(PHASES.read, d, t), ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}) },
  });
  if (!check.ok || !check.dataset) return { check, built: false, documents: [] };
  const ds = check.dataset;
  const tree = rollUp(ds);
  const templates = loadTemplates(opts.templateDir);
  const index = { units: ds.units, levels: ds.levels };
  const packer = opts.workers ? workerPacker(opts.workers) : inProcessPacker();
  try {
    const documents = await withStagedOutput(opts.outDir, async (writer) => {
      const docs: ManifestEntry[] = [];
      const unitDocs = new Map<string, UnitDocs>();
      const root = ds.project.root;
      const jobs: Promise<ManifestEntry[]>[] = [];
      const tables: AuditedTable[] = [];
      const planModel = planDocModel(ds, templates);
      let rendered = 0;
      const tick = <T>(p: Promise<T>) => p.then((v) => (progress(PHASES.documents, ++rendered, ds.units.size + 1), v));
      progress(PHASES.documents, 0, ds.units.size + 1);
      jobs.push(tick(renderDocument(templates, planModel, packer)).then((plan) => writeDocument(writer, "documents/ke-hoach", plan, { unit: root, level: ds.units.get(root)!.level, kind: "plan" })));
      const treeFor = documentTrees(ds, tree);
      for (const unit of ds.units.values()) {
        const view = reportView(ds, treeFor(unit), unit);
        const model = reportDocModel(templates, view, ds.project);
        const base = `documents/${reportPath(unit, index).replace(/^reports\//, "").replace(/\.ya?ml$/, "")}`;
        for (const f of view.forms) tables.push({ document: `${base}.docx`, form: f.label, table: f.table });
        const hasReport = tree.figures.get(unit.code)?.report != null;
        unitDocs.set(unit.code, { md: `${base}.md`, html: `${base}.html`, docx: `${base}.docx`, bodyHtml: hasReport || (tree.children.get(unit.code)?.length ?? 0) > 0 ? markdownToHtml(model.body) : null });
        jobs.push(tick(renderDocument(templates, model, packer)).then((doc) => writeDocument(writer, base, doc, { unit: unit.code, level: unit.level, kind: "report" })));
      }
      // The site's input workbooks (one per unit, ~0,15 s each) are made on this thread while
      // the workers pack DOCX files.
      const workbooks = opts.site !== false ? writeWorkbooks(ds, (path, bytes) => writer.write(path, bytes)) : Promise.resolve(0);
      workbooks.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
      for (const entries of await Promise.all(jobs)) docs.push(...entries);
      // Every table as printed must add up; a failure is a bug, not bad data (exit 2).
      const failures = auditTables(tables, auditEnv(ds));
      if (failures.length) throw new AuditError(failures);
      docs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      // Every file the site links to is written before the site measures their sizes.
      await workbooks;
      if (opts.site !== false) {
        progress(PHASES.site, 0, 1);
        const plan = { md: "documents/ke-hoach.md", html: "documents/ke-hoach.html", docx: "documents/ke-hoach.docx", bodyHtml: markdownToHtml(planModel.body) };
        const model = siteModel({ ds, tree, docs: unitDocs, plan, geo: readGeo(opts.dataDir) });
        const chartLevels = opts.chartLevels ?? (ds.units.size <= 2000 ? [...ds.levels.keys()] : ds.project.levels.slice(0, 2).map((l) => l.id));
        await buildSite(model, writer.root, { chartLevels });
        progress(PHASES.site, 1, 1);
      }
      writer.write("manifest.json", JSON.stringify({ documents: docs }, null, 2) + "\n");
      return docs;
    });
    return { check, built: true, documents };
  } finally {
    await packer.close();
  }

}
