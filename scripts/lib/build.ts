// `build`: check, roll up, render the plan and every unit's report (Markdown, HTML, DOCX),
// write the manifest, then the site; all into a staging folder swapped in at the end.
import { rollUp, type Tree } from "./aggregate/roll-up.js";
import { rollupRule } from "./aggregate/rollup-rule.js";
import { runCheck, type CheckResult } from "./check.js";
import type { Dataset } from "./load/load-dataset.js";
import { renderDocument, type RenderedDocument } from "./render/documents.js";
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
  /** Called with the staged output after the documents are written (the site builder). */
  afterDocuments?: (ctx: BuildContext) => Promise<void>;
}

export interface ManifestEntry {
  unit: string;
  level: string;
  kind: "plan" | "report";
  format: "docx" | "html" | "md";
  path: string;
  sha256: string;
}

export interface BuildContext {
  ds: Dataset;
  tree: Tree;
  templates: Templates;
  writer: OutputWriter;
  documents: ManifestEntry[];
  /** Report HTML bodies by unit code (the body only, for embedding in pages). */
  documentPaths: Map<string, { md: string; html: string; docx: string }>;
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
  const check = runCheck(opts.dataDir, opts.schemaDir, [rollupRule]);
  if (!check.ok || !check.dataset) return { check, built: false, documents: [] };
  const ds = check.dataset;
  if (opts.asOf) ds.project.as_of = opts.asOf;
  const tree = rollUp(ds);
  const templates = loadTemplates(opts.templateDir);
  const index = { units: ds.units, levels: ds.levels };
  const packer = opts.workers ? workerPacker(opts.workers) : inProcessPacker();
  try {
    const documents = await withStagedOutput(opts.outDir, async (writer) => {
      const docs: ManifestEntry[] = [];
      const paths = new Map<string, { md: string; html: string; docx: string }>();
      const root = ds.project.root;
      const jobs: Promise<ManifestEntry[]>[] = [];
      jobs.push(renderDocument(templates, planDocModel(ds, templates), packer).then((plan) => writeDocument(writer, "documents/ke-hoach", plan, { unit: root, level: ds.units.get(root)!.level, kind: "plan" })));
      for (const unit of ds.units.values()) {
        const view = reportView(ds, tree, unit);
        const base = `documents/${reportPath(unit, index).replace(/^reports\//, "").replace(/\.ya?ml$/, "")}`;
        paths.set(unit.code, { md: `${base}.md`, html: `${base}.html`, docx: `${base}.docx` });
        jobs.push(renderDocument(templates, reportDocModel(templates, view, ds.project), packer).then((doc) => writeDocument(writer, base, doc, { unit: unit.code, level: unit.level, kind: "report" })));
      }
      for (const entries of await Promise.all(jobs)) docs.push(...entries);
      docs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (opts.afterDocuments) await opts.afterDocuments({ ds, tree, templates, writer, documents: docs, documentPaths: paths });
      writer.write("manifest.json", JSON.stringify({ documents: docs }, null, 2) + "\n");
      return docs;
    });
    return { check, built: true, documents };
  } finally {
    await packer.close();
  }

}
