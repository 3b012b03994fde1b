// The build's steps between the roll-up and the manifest (pipeline.ts runs them in order): the
// documents' sources and input keys, the document jobs (each unit's document model, or its files
// kept by input key), the renderers writing them, the input workbooks and the site.
import type { BuildOptions } from "./build-options.js";
import { join } from "node:path";
import { type Tree } from "./aggregate/roll-up.js";
import { AuditError, auditEnv, auditTables, type AuditedTable, type AuditFailure } from "./audit/audit-tables.js";
import { type Dataset } from "./dataset/load-dataset.js";
import { readGeo } from "./load/read-geo.js";
import { keyOfText } from "./load/read-tree.js";
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

/** One document to write: where it goes, what it is made from, and how its content is had. */
export interface DocJob {
  base: string;
  entry: Pick<ManifestEntry, "unit" | "level" | "kind">;
  /** The unit's input key (write/input-keys.ts). */
  input: string;
  /** Files kept by the input key: their content address and SHA-256 (nothing computed). */
  kept: { key: string; sums: string[] } | null;
  /** Otherwise: computes the model and its content address when the document is written, so only
   *  the documents being written are in memory (a nation's models would not fit at once). */
  prepare: (() => { model: DocModel; key: string }) | null;
}

/** Documents prepared and written at once: enough to keep the threads packing DOCX busy. */
const IN_FLIGHT = 16;
/** Report bodies (HTML, for the site's pages) kept from writing the document to the site's page,
 *  in bytes of UTF-8: beyond it, a page computes its body again (≈ 2,4 ms a unit). A province's are
 *  ≈ 3 MB; a generated nation's ≈ 100 MB. */
const BODY_BUDGET = 64 * 1024 * 1024;

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

/** Unit views → document jobs: the plan and every unit's report, and the site's links. A unit
 *  whose input key a previous output recorded keeps its files there, unless they are not intact,
 *  without computing its view or model. Every other job computes its model when it is written, and
 *  audits its tables then (`audit` throws what was found, once the documents are written). `site`:
 *  the site is built, so each report's body is also rendered as the HTML of its page (kept within
 *  BODY_BUDGET, else computed again by the page: `lazyBody`). */
export function documentJobs(src: DocSources, writer: OutputWriter, only: (unit: string) => boolean, site: boolean) {
  const { ds, code } = src;
  const index = { units: ds.units, levels: ds.levels };
  const root = ds.project.root;
  const planModel = only(root) || site ? planDocModel(ds) : null;
  const planJob = (model: DocModel): DocJob => {
    const key = valueKey(code, "document", model);
    return { base: "documents/ke-hoach", entry: { unit: root, level: ds.units.get(root)!.level, kind: "plan" }, input: src.inputs.plan, kept: null, prepare: () => ({ model, key }) };
  };
  const jobs = only(root) ? [planJob(planModel!)] : [];
  const unitDocs = new Map<string, UnitDocs>();
  const lazyBody = new Map<string, () => string | null>();
  const bodies = keptBodies();
  const audit = auditor(ds);
  for (const unit of ds.units.values()) {
    if (!only(unit.code)) continue;
    const base = `documents/${reportPath(unit, index).replace(/^reports\//, "").replace(/\.ya?ml$/, "")}`;
    const entry = { unit: unit.code, level: unit.level, kind: "report" as const };
    const input = src.inputs.units.get(unit.code)!;
    unitDocs.set(unit.code, { md: `${base}.md`, html: `${base}.html`, docx: `${base}.docx`, bodyHtml: null });
    if (site) lazyBody.set(unit.code, () => bodies.take(unit) ?? bodyHtml(src, unit, () => unitReport(src, unit).model));
    const kept = src.keep ? writer.reuseByInput(input, formatsOf(base)) : null;
    if (kept) {
      jobs.push({ base, entry, input, kept: { key: kept.key, sums: kept.sums }, prepare: null });
      continue;
    }
    const prepare = () => {
      const { view, model } = unitReport(src, unit);
      audit.add(view.forms.map((f) => ({ document: `${base}.docx`, form: f.label, table: f.table })));
      if (site) bodies.keep(unit, bodyHtml(src, unit, () => model));
      return { model, key: valueKey(code, "document", model) };
    };
    jobs.push({ base, entry, input, kept: null, prepare });
  }
  return { jobs, unitDocs, lazyBody, planBody: planModel && site ? blocksHtml(planModel.body) : null, audit: () => audit.check() };
}

/** The report bodies computed while writing the documents, kept for the site's pages within
 *  BODY_BUDGET; each given once (`take`), then forgotten. Kept as UTF-8 outside the JavaScript
 *  heap: a Vietnamese text is a string of 2 bytes a character there, and the heap of a nation's
 *  build grows by a quarter of what it holds (heap-growth.ts); as UTF-8, ≈ 1,3 bytes. A body that
 *  UTF-8 cannot give back as it was (a lone surrogate, from a "\uD800" escape in the data) is not
 *  kept: its page computes it again, the same string whatever was kept. */
function keptBodies() {
  const kept = new Map<string, Uint8Array>();
  const [encoder, decoder] = [new TextEncoder(), new TextDecoder()];
  let size = 0;
  return {
    /** Keeps a body (a unit without one needs nothing kept: its page finds none again at once). */
    keep(unit: Unit, body: string | null) {
      if (body === null || !(body as string & { isWellFormed(): boolean }).isWellFormed()) return;
      const bytes = encoder.encode(body); // its own memory, not a slice of a shared pool
      if (size + bytes.length > BODY_BUDGET) return;
      size += bytes.length;
      kept.set(unit.code, bytes);
    },
    take(unit: Unit): string | undefined {
      const bytes = kept.get(unit.code);
      kept.delete(unit.code);
      size -= bytes?.length ?? 0;
      return bytes && decoder.decode(bytes);
    },
  };
}

/** Every table of the documents as printed must add up: audited as each document is made; a
 *  failure is a bug, not bad data (exit 2), thrown once the documents are written. */
function auditor(ds: Dataset) {
  const env = auditEnv(ds);
  const failures: AuditFailure[] = [];
  return {
    add: (tables: AuditedTable[]) => void failures.push(...auditTables(tables, env)),
    check: () => {
      if (failures.length) throw new AuditError(failures);
    },
  };
}

/** Renderers → write: each document in three formats, or copied from a previous output by its key;
 *  IN_FLIGHT at a time, in the jobs' order. */
export async function writeDocuments(writer: OutputWriter, jobs: readonly DocJob[], templates: Templates, packer: DocxPacker | null, tick: () => void): Promise<ManifestEntry[]> {
  const written: ManifestEntry[][] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      written[i] = await writeJob(writer, jobs[i]!, templates, packer);
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, jobs.length) }, lane));
  return written.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function writeJob(writer: OutputWriter, { base, entry, input, kept, prepare }: DocJob, templates: Templates, packer: DocxPacker | null): Promise<ManifestEntry[]> {
  const paths = formatsOf(base);
  let key = kept?.key;
  let sums = kept?.sums;
  if (!sums) {
    const prepared = prepare!();
    key = prepared.key;
    sums = await writer.cached(
      key,
      paths,
      async () => {
        if (!packer) throw notInShards(paths[2]!);
        const doc = await renderDocument(templates, prepared.model, packer);
        return FORMATS.map((f) => doc[f]);
      },
      input,
    );
  }
  return FORMATS.map((format, i): ManifestEntry => ({ ...entry, format, path: paths[i]!, sha256: sums[i]!, key: key! }));
}

/** A merge found no shard output holding this file with its key. */
function notInShards(path: string): InputError {
  return new InputError(`Không tìm thấy ${path} (đúng phiên bản) trong thư mục kết quả của các phần (--shard): hãy dựng đủ các phần bằng cùng số liệu và cùng mã nguồn rồi ghép lại.`);
}

/** The input workbooks, each keyed by its report file's digest and everything else the data holds; made by
 *  `exportWith` (the build's threads) when given. */
export async function workbooks(ds: Dataset, writer: OutputWriter, code: string, only: (unit: string) => boolean, merging: boolean, exportWith?: ExportWorkbook): Promise<number> {
  const { writeWorkbooks } = await import("./site/workbooks.js");
  const reports = new Set(ds.reports.map((r) => r.file.rel));
  const rest = [...ds.files.values()].filter((f) => !reports.has(f.rel)).sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const context = contentKey(code, JSON.stringify(ds.project), ...rest.flatMap((f) => [f.rel, f.text]));
  return writeWorkbooks(ds, async (path, unit, file, make) => {
    if (!only(unit)) return;
    await writer.cached(contentKey(context, "workbook", unit, file ? keyOfText(file) : "\0none"), [path], async () => {
      if (merging) throw notInShards(path);
      return [await make()];
    });
  }, (text) => fastYaml(text)?.data, exportWith);
}

/** The unit views and input keys of a build (the views are cheap: every unit's, every build). */
export function docSources(ds: Dataset, tree: Tree, opts: BuildOptions, code: string): DocSources {
  const options = { asOf: opts.asOf ?? null, submittedAt: opts.submittedAt ? [...opts.submittedAt].sort(([a], [b]) => (a < b ? -1 : 1)) : null, chartLevels: opts.chartLevels ?? null };
  // Hashed by the digests of the bytes read: no report's text is decoded (or even read) to be hashed.
  const reports = ds.reports.map((r) => ({ unit: r.report.unit, rel: r.file.rel, text: keyOfText(r.file) }));
  const reportRels = new Set(reports.map((r) => r.rel));
  const settings = new Map([...ds.files.values()].filter((f) => !reportRels.has(f.rel)).map((f) => [f.rel, keyOfText(f)]));
  const inputs = unitInputKeys(code, { dataDir: opts.dataDir, schemaDir: opts.schemaDir, options, units: ds.units.values(), reports, settings });
  return { ds, tree, views: unitViews(ds, tree), code, inputs, keep: opts.keepByInput !== false };
}

/** The site, from the same roll-up and documents: its model, then its pages through the writer.
 *  Pages are kept by their unit's input key as documents are (see buildSite's `unitInputs`). It may
 *  start while the documents and workbooks are still being made: what it does before measuring
 *  their sizes waits for `filesWritten` (whose failure is the site's). */
export async function writeSite(
  src: DocSources,
  docs: { docs: Map<string, UnitDocs>; lazyBody: ReadonlyMap<string, () => string | null>; planBody: string },
  writer: OutputWriter,
  opts: BuildOptions,
  run: { assets: Promise<BuiltAssets>; pool: RenderPool | null; filesWritten: Promise<unknown> },
): Promise<void> {
  const { ds, tree, views } = src;
  const plan = { md: "documents/ke-hoach.md", html: "documents/ke-hoach.html", docx: "documents/ke-hoach.docx", bodyHtml: docs.planBody };
  const model = siteModel({ ds, tree, views, docs: docs.docs, plan, geo: readGeo(opts.dataDir) });
  const chartLevels = opts.chartLevels ?? (ds.units.size <= 2000 ? [...ds.levels.keys()] : ds.project.levels.slice(0, 2).map((l) => l.id));
  const { buildSite } = await import("./site/build-site.js");
  const memoDir = opts.cacheDir ?? opts.parseCacheDir;
  const memo = memoDir === undefined ? {} : { mapMemo: join(memoDir, "map-memo.json"), ...(opts.warn ? { warn: opts.warn } : {}) };
  // Charts drawn on the build's threads, once they have packed the documents and made the workbooks.
  const { assets, filesWritten, pool } = run;
  await buildSite(model, writer, { chartLevels, code: src.code, assets, filesWritten, ...(pool ? { renderPool: pool } : {}), unitInputs: src.inputs.units, keepByInput: src.keep, reportHtml: docs.lazyBody, ...memo });
}

