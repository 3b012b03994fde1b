// The build's steps between the roll-up and the manifest (pipeline.ts runs them in order): the
// documents' sources and input keys, the document jobs (each unit's document model, or its files
// kept by input key), the renderers writing them, the input workbooks and the site.
import type { BuildOptions } from "./build-options.js";
import { join } from "node:path";
import { type Tree } from "./aggregate/roll-up.js";
import { AuditError, auditEnv, auditTables, type AuditedTable } from "./audit/audit-tables.js";
import { type Dataset } from "./dataset/load-dataset.js";
import { readGeo } from "./load/read-geo.js";
import type { DocModel } from "./model/document.js";
import { InputError } from "./diagnostics/input-error.js";
import type { DocxPacker } from "./render/docx/docx-pool.js";
import { blocksHtml, renderDocument } from "./render/documents.js";
import { type Templates } from "./render/templates.js";
import { planDocModel } from "./render/view/plan-view.js";
import { reportDocModel } from "./render/view/report-doc.js";
import { reportView, type ReportView } from "./render/view/report-view.js";
import { unitViews, type UnitView } from "./render/view/unit-view.js";
import { siteModel } from "./site/adapt/site-model.js";
import type { UnitDocs } from "./site/adapt/unit-page.js";
import type { BuiltAssets } from "./site/assets.js";
import type { RenderPool } from "./site/render-pool.js";
import type { ExportWorkbook } from "./site/workbooks.js";
import { fastYaml } from "./syntax/fast-yaml.js";
import { reportPath } from "./units/paths.js";
import { contentKey, valueKey } from "./write/code-version.js";
import { unitInputKeys } from "./write/input-keys.js";
import type { Unit } from "./model/types.js";
import { type OutputWriter } from "./write/output-dir.js";
import { type ManifestEntry } from "./up-to-date.js";

/** One document to render: where it goes, what it is made from, and its content address. */
export interface DocJob {
  base: string;
  entry: Pick<ManifestEntry, "unit" | "level" | "kind">;
  /** The unit's input key (write/input-keys.ts). */
  input: string;
  /** The model, or null when the files were kept by the input key (`kept`: their SHA-256). */
  model: DocModel | null;
  key: string;
  kept: string[] | null;
}

const FORMATS = ["md", "html", "docx"] as const;
const formatsOf = (base: string) => FORMATS.map((f) => `${base}.${f}`);

/** What the documents are made of: the dataset, its roll-up and views, the code and input keys. */
export interface DocSources {
  ds: Dataset;
  tree: Tree;
  views: ReadonlyMap<string, UnitView>;
  code: string;
  inputs: { units: ReadonlyMap<string, string>; plan: string };
  /** Keep the files of a unit whose input key did not change (false: compute every model). */
  keep: boolean;
}

/** A unit's report: its view (for the tables to audit) and document model. */
function unitReport(src: DocSources, unit: Unit): { view: ReportView; model: DocModel } {
  const view = reportView(src.ds, src.tree, unit, src.views.get(unit.code)!);
  return { view, model: reportDocModel(view, src.ds.project) };
}

/** The report's body as the HTML of its page, or null when the unit has no report and no children. */
function bodyHtml(src: DocSources, unit: Unit, model: () => DocModel): string | null {
  const hasBody = src.tree.figures.get(unit.code)?.report != null || (src.tree.children.get(unit.code)?.length ?? 0) > 0;
  return hasBody ? blocksHtml(model().body) : null;
}

/** Unit views → document trees: the plan and every unit's report, with the tables to audit and the
 *  site's links. A unit whose input key a previous output recorded keeps its files there, unless
 *  they are not intact, without computing its view or model; its page's report body is then
 *  computed only if its page must be rendered (`lazyBody`). `site`: the site is built, so each
 *  computed report's body is also rendered as the HTML of its page. */
export function documentJobs(src: DocSources, writer: OutputWriter, only: (unit: string) => boolean, site: boolean) {
  const { ds, code } = src;
  const index = { units: ds.units, levels: ds.levels };
  const root = ds.project.root;
  const job = (base: string, entry: DocJob["entry"], input: string, model: DocModel): DocJob => ({ base, entry, input, model, key: valueKey(code, "document", model), kept: null });
  const jobs = only(root) ? [job("documents/ke-hoach", { unit: root, level: ds.units.get(root)!.level, kind: "plan" }, src.inputs.plan, planDocModel(ds))] : [];
  const tables: AuditedTable[] = [];
  const unitDocs = new Map<string, UnitDocs>();
  const lazyBody = new Map<string, () => string | null>();
  for (const unit of ds.units.values()) {
    if (!only(unit.code)) continue;
    const base = `documents/${reportPath(unit, index).replace(/^reports\//, "").replace(/\.ya?ml$/, "")}`;
    const entry = { unit: unit.code, level: unit.level, kind: "report" as const };
    const input = src.inputs.units.get(unit.code)!;
    const links = { md: `${base}.md`, html: `${base}.html`, docx: `${base}.docx` };
    const kept = src.keep ? writer.reuseByInput(input, formatsOf(base)) : null;
    if (kept) {
      jobs.push({ base, entry, input, model: null, key: kept.key, kept: kept.sums });
      unitDocs.set(unit.code, { ...links, bodyHtml: null });
      if (site) lazyBody.set(unit.code, () => bodyHtml(src, unit, () => unitReport(src, unit).model));
      continue;
    }
    const { view, model } = unitReport(src, unit);
    for (const f of view.forms) tables.push({ document: `${base}.docx`, form: f.label, table: f.table });
    unitDocs.set(unit.code, { ...links, bodyHtml: site ? bodyHtml(src, unit, () => model) : null });
    jobs.push(job(base, entry, input, model));
  }
  return { jobs, tables, unitDocs, lazyBody };
}

/** Renderers → write: each document in three formats, or copied from a previous output by its key. */
export async function writeDocuments(writer: OutputWriter, jobs: readonly DocJob[], templates: Templates, packer: DocxPacker | null, tick: () => void): Promise<ManifestEntry[]> {
  const written = await Promise.all(
    jobs.map(async ({ base, entry, input, model, key, kept }) => {
      const paths = formatsOf(base);
      const sums =
        kept ??
        (await writer.cached(
          key,
          paths,
          async () => {
            if (!packer) throw notInShards(paths[2]!);
            const doc = await renderDocument(templates, model!, packer);
            return FORMATS.map((f) => doc[f]);
          },
          input,
        ));
      tick();
      return FORMATS.map((format, i): ManifestEntry => ({ ...entry, format, path: paths[i]!, sha256: sums[i]!, key }));
    }),
  );
  return written.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A merge found no shard output holding this file with its key. */
function notInShards(path: string): InputError {
  return new InputError(`Không tìm thấy ${path} (đúng phiên bản) trong thư mục kết quả của các phần (--shard): hãy dựng đủ các phần bằng cùng số liệu và cùng mã nguồn rồi ghép lại.`);
}

/** The input workbooks, each keyed by its report's text and everything else the data holds; made by
 *  `exportWith` (the build's threads) when given. */
export async function workbooks(ds: Dataset, writer: OutputWriter, code: string, only: (unit: string) => boolean, merging: boolean, exportWith?: ExportWorkbook): Promise<number> {
  const { writeWorkbooks } = await import("./site/workbooks.js");
  const reports = new Set(ds.reports.map((r) => r.file.rel));
  const rest = [...ds.files.values()].filter((f) => !reports.has(f.rel)).sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const context = contentKey(code, JSON.stringify(ds.project), ...rest.flatMap((f) => [f.rel, f.text]));
  return writeWorkbooks(ds, async (path, unit, text, make) => {
    if (!only(unit)) return;
    await writer.cached(contentKey(context, "workbook", unit, text ?? "\0none"), [path], async () => {
      if (merging) throw notInShards(path);
      return [await make()];
    });
  }, (text) => fastYaml(text)?.data, exportWith);
}

/** The unit views and input keys of a build (the views are cheap: every unit's, every build). */
export function docSources(ds: Dataset, tree: Tree, opts: BuildOptions, code: string): DocSources {
  const options = { asOf: opts.asOf ?? null, submittedAt: opts.submittedAt ? [...opts.submittedAt].sort(([a], [b]) => (a < b ? -1 : 1)) : null, chartLevels: opts.chartLevels ?? null };
  const reports = ds.reports.map((r) => ({ unit: r.report.unit, rel: r.file.rel, text: r.file.text, data: r.report }));
  const inputs = unitInputKeys(code, { dataDir: opts.dataDir, schemaDir: opts.schemaDir, options, units: ds.units.values(), reports });
  return { ds, tree, views: unitViews(ds, tree), code, inputs, keep: opts.keepByInput !== false };
}

/** The site, from the same roll-up and documents: its model, then its pages through the writer.
 *  Pages are kept by their unit's input key as documents are (see buildSite's `unitInputs`). It may
 *  start while the documents and workbooks are still being made: what it does before measuring
 *  their sizes waits for `filesWritten` (whose failure is the site's). */
export async function writeSite(
  src: DocSources,
  jobs: readonly DocJob[],
  docs: { docs: Map<string, UnitDocs>; lazyBody: ReadonlyMap<string, () => string | null> },
  writer: OutputWriter,
  opts: BuildOptions,
  run: { assets: Promise<BuiltAssets>; pool: RenderPool | null; filesWritten: Promise<unknown> },
): Promise<void> {
  const { ds, tree, views } = src;
  const planBody = blocksHtml(jobs.find((j) => j.entry.kind === "plan")!.model!.body);
  const plan = { md: "documents/ke-hoach.md", html: "documents/ke-hoach.html", docx: "documents/ke-hoach.docx", bodyHtml: planBody };
  const model = siteModel({ ds, tree, views, docs: docs.docs, plan, geo: readGeo(opts.dataDir) });
  const chartLevels = opts.chartLevels ?? (ds.units.size <= 2000 ? [...ds.levels.keys()] : ds.project.levels.slice(0, 2).map((l) => l.id));
  const { buildSite } = await import("./site/build-site.js");
  const memoDir = opts.cacheDir ?? opts.parseCacheDir;
  const memo = memoDir === undefined ? {} : { mapMemo: join(memoDir, "map-memo.json"), ...(opts.warn ? { warn: opts.warn } : {}) };
  // Charts drawn on the build's threads, once they have packed the documents and made the workbooks.
  const { assets, filesWritten, pool } = run;
  await buildSite(model, writer, { chartLevels, code: src.code, assets, filesWritten, ...(pool ? { renderPool: pool } : {}), unitInputs: src.inputs.units, keepByInput: src.keep, reportHtml: docs.lazyBody, ...memo });
}

/** Every table of the documents as printed must add up: a failure is a bug, not bad data (exit 2). */
export function auditDocuments(tables: AuditedTable[], ds: Dataset): void {
  const failures = auditTables(tables, auditEnv(ds));
  if (failures.length) throw new AuditError(failures);
}
