// The pipeline, stage by stage, as in the README's diagram:
//
//   load → parse → validate → roll up (once) → unit views → document trees → renderers → write
//
// The unit views (render/view/unit-view.ts: every derived figure, raw, and the timeliness) are
// built once from the roll-up and read by the documents and the site alike.
//
// `check` runs the first four stages and writes nothing; `build` runs them all, into a staging
// folder that replaces the output only when everything succeeded (write/output-dir.ts, the one
// writer of documents, workbooks and site alike, with one manifest of every file and its SHA-256).
// Options (--as-of, submission dates from git) are applied to the dataset before any rule runs.
//
// Incremental builds: every document is rendered from its document model (DocModel: its unit's
// view, with its children's roll-up, formatted; forms applied, the body built as blocks), and the
// model is all the renderers read. Its content address is the hash of the model and of the code
// version (lockfile, scripts/, site/, templates/); a document whose key the previous output (or
// the --cache folder) recorded for the same path, with the file's bytes intact, is copied instead
// of rendered and packed. Input workbooks are keyed by their report's text and the rest of the
// data. Site pages, downloads, assets and the search index are keyed the same way (each by exactly
// the part of the site model it is made from: site/build-site.ts). Before any of that, each unit has
// an input key (write/input-keys.ts: code, options, the non-report data, its subtree's reports): a
// unit whose input key the previous output recorded keeps its documents and page without its view,
// model or page view being computed, so a rebuild after one edit computes the edited unit and its
// ancestors only. A rebuild whose inputs (data, schemas, options) and code are those the output's
// manifest recorded, with the output intact, stops before the check (up-to-date.ts).
import { join } from "node:path";
import { rollUp, type Tree } from "./aggregate/roll-up.js";
import { rollupDiagnostics } from "./aggregate/rollup-rule.js";
import { AuditError, auditEnv, auditTables, type AuditedTable } from "./audit/audit-tables.js";
import { applyOptions, checkResult, validate, type CheckOptions, type CheckResult } from "./check.js";
import { loadDataset, type Dataset } from "./dataset/load-dataset.js";
import { readGeo } from "./load/read-geo.js";
import type { DocModel } from "./model/document.js";
import { InputError } from "./diagnostics/input-error.js";
import { PHASES } from "./progress.js";
import type { DocxPacker } from "./render/docx/docx-pool.js";
import { blocksHtml, renderDocument } from "./render/documents.js";
import { loadTemplates, type Templates } from "./render/templates.js";
import { planDocModel } from "./render/view/plan-view.js";
import { reportDocModel } from "./render/view/report-doc.js";
import { reportView, type ReportView } from "./render/view/report-view.js";
import { unitViews, type UnitView } from "./render/view/unit-view.js";
import { siteModel } from "./site/adapt/site-model.js";
import type { UnitDocs } from "./site/adapt/unit-page.js";
import type { BuiltAssets } from "./site/assets.js";
import { fastYaml } from "./syntax/fast-yaml.js";
import { reportPath } from "./units/paths.js";
import { codeVersion, contentKey } from "./write/code-version.js";
import { unitInputKeys } from "./write/input-keys.js";
import type { Unit } from "./model/types.js";
import { MANIFEST, withStagedOutput, type FileFate, type OutputWriter } from "./write/output-dir.js";
import { buildInputs, outputStatFile, upToDate, type Manifest, type ManifestEntry, type RecordedCheck, type UpToDate } from "./up-to-date.js";

export interface CheckRunOptions extends CheckOptions {
  dataDir: string;
  schemaDir: string;
  cwd?: string;
}

export interface BuildOptions extends CheckRunOptions {
  outDir: string;
  templateDir: string;
  /** Also build the website (default true). */
  site?: boolean;
  /** Worker threads for DOCX packing; 0 packs in-process (tests). */
  workers?: number;
  /** Levels whose unit pages carry charts (default: all when ≤ 2 000 units, else the top two). */
  chartLevels?: string[];
  /** Progress of the long phases (see progress.ts): phase name, items done, items in all. */
  progress?: (phase: string, done: number, total: number) => void;
  /** A folder kept between builds: the parse cache and the last output's documents and workbooks. */
  cacheDir?: string;
  /** Where to keep the parse cache (cache/parse-cache.ts) when there is no `cacheDir` (the command
   *  line: .cache/build/<output>/), so that a rebuild parses only the files that changed. */
  parseCacheDir?: string;
  /** Why a previous output or cache entry was not reused (one line each). */
  warn?: (line: string) => void;
  /** Build only the documents and input workbooks of one slice of the tree, no site (see shardUnits). */
  shard?: Shard;
  /** Assemble one output from shards' outputs: every document and workbook is copied from them (a
   *  missing one is an error: a shard did not run), and the site is built. */
  mergeFrom?: readonly string[];
  /** Stop early when the output was made from the same inputs and is intact (default true). */
  shortCircuit?: boolean;
  /** Keep a unit's documents and page, without computing them, when its input key did not change
   *  (write/input-keys.ts; default true; false: every model and view is computed and keyed). */
  keepByInput?: boolean;
}

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export type { ManifestEntry } from "./up-to-date.js";

export interface CheckOutcome extends CheckResult {
  /** The roll-up (null when the data's shape did not allow one). */
  tree: Tree | null;
}

export interface BuildResult {
  check: CheckOutcome;
  built: boolean;
  documents: ManifestEntry[];
  /** Every file of the output compared with the previous one at the same path (new, changed,
   *  unchanged, reused from a previous output by its key); empty when nothing was built. */
  fates: ReadonlyMap<string, FileFate>;
  /** The files copied from a previous output by their unit's input key, nothing of them computed
   *  (sorted; empty when nothing was built or the build stopped early). */
  keptByInput: string[];
  /** Each level's unit noun ("xã"), for the check's summary line. */
  levelNames: Record<string, string>;
  /** The output was already made from the same inputs and is intact: nothing was checked or written
   *  (`check` then holds the summary the manifest recorded, and no dataset). */
  upToDate: boolean;
}


/** load → parse → validate → roll up, once. */
export function check(opts: CheckRunOptions, progress?: (done: number, total: number) => void): CheckOutcome {
  const cwd = opts.cwd ?? process.cwd();
  const loaded = loadDataset(opts.dataDir, opts.schemaDir, cwd, { ...opts.load, ...(progress ? { progress } : {}) });
  const ds = loaded.dataset;
  const gitDates = ds ? applyOptions(ds, opts) : undefined;
  const diagnostics = [...loaded.diagnostics, ...(gitDates?.diagnostics ?? [])];
  let tree: Tree | null = null;
  if (ds) {
    const validated = validate(ds, opts, cwd);
    diagnostics.push(...validated.diagnostics);
    if (validated.shapeOk) tree = rollUp(ds);
    if (tree) diagnostics.push(...rollupDiagnostics(ds, tree));
  }
  return { ...checkResult(loaded, diagnostics, gitDates), tree };
}

/** The units whose documents shard i of n builds: whole subtrees under the root (so a shard's
 *  documents are a district's or a province's family), each given, largest first, to the shard with
 *  the fewest units so far; the root (and the plan) go with shard 1. Every shard computes the same
 *  roll-up of the whole tree, so each document is the one a single build makes. */
export function shardUnits(ds: Dataset, shard: Shard): Set<string> {
  const root = ds.project.root;
  const topOf = (code: string): string => {
    let u = ds.units.get(code);
    while (u?.parent && u.parent !== root) u = ds.units.get(u.parent);
    return u?.code ?? code;
  };
  const families = new Map<string, string[]>();
  for (const code of ds.units.keys()) if (code !== root) families.set(topOf(code), [...(families.get(topOf(code)) ?? []), code]);
  const load: number[] = Array.from({ length: shard.count }, (_, i) => (i === 0 ? 1 : 0));
  const mine = new Set<string>(shard.index === 1 ? [root] : []);
  const order = [...families].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  for (const [, codes] of order) {
    const lightest = load.indexOf(Math.min(...load));
    load[lightest]! += codes.length;
    if (lightest === shard.index - 1) for (const c of codes) mine.add(c);
  }
  return mine;
}

/** One document to render: where it goes, what it is made from, and its content address. */
interface DocJob {
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
interface DocSources {
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
function documentJobs(src: DocSources, writer: OutputWriter, only: (unit: string) => boolean, site: boolean) {
  const { ds, code } = src;
  const index = { units: ds.units, levels: ds.levels };
  const root = ds.project.root;
  const job = (base: string, entry: DocJob["entry"], input: string, model: DocModel): DocJob => ({ base, entry, input, model, key: contentKey(code, "document", JSON.stringify(model)), kept: null });
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
async function writeDocuments(writer: OutputWriter, jobs: readonly DocJob[], templates: Templates, packer: DocxPacker | null, tick: () => void): Promise<ManifestEntry[]> {
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

/** The input workbooks, each keyed by its report's text and everything else the data holds. */
async function workbooks(ds: Dataset, writer: OutputWriter, code: string, only: (unit: string) => boolean, merging: boolean): Promise<number> {
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
  }, (text) => fastYaml(text)?.data);
}

/** The unit views and input keys of a build (the views are cheap: every unit's, every build). */
function docSources(ds: Dataset, tree: Tree, opts: BuildOptions, code: string): DocSources {
  const options = { asOf: opts.asOf ?? null, submittedAt: opts.submittedAt ? [...opts.submittedAt].sort(([a], [b]) => (a < b ? -1 : 1)) : null, chartLevels: opts.chartLevels ?? null };
  const reports = ds.reports.map((r) => ({ unit: r.report.unit, rel: r.file.rel, text: r.file.text, data: r.report }));
  const inputs = unitInputKeys(code, { dataDir: opts.dataDir, schemaDir: opts.schemaDir, options, units: ds.units.values(), reports });
  return { ds, tree, views: unitViews(ds, tree), code, inputs, keep: opts.keepByInput !== false };
}

/** The site, from the same roll-up and documents: its model, then its pages through the writer.
 *  Pages are kept by their unit's input key as documents are (see buildSite's `unitInputs`). */
async function writeSite(src: DocSources, jobs: readonly DocJob[], docs: { docs: Map<string, UnitDocs>; lazyBody: ReadonlyMap<string, () => string | null> }, writer: OutputWriter, opts: BuildOptions, assets: Promise<BuiltAssets>): Promise<void> {
  const { ds, tree, views } = src;
  const planBody = blocksHtml(jobs.find((j) => j.entry.kind === "plan")!.model!.body);
  const plan = { md: "documents/ke-hoach.md", html: "documents/ke-hoach.html", docx: "documents/ke-hoach.docx", bodyHtml: planBody };
  const model = siteModel({ ds, tree, views, docs: docs.docs, plan, geo: readGeo(opts.dataDir) });
  const chartLevels = opts.chartLevels ?? (ds.units.size <= 2000 ? [...ds.levels.keys()] : ds.project.levels.slice(0, 2).map((l) => l.id));
  const { buildSite } = await import("./site/build-site.js");
  const memoDir = opts.cacheDir ?? opts.parseCacheDir;
  const memo = memoDir === undefined ? {} : { mapMemo: join(memoDir, "map-memo.json"), ...(opts.warn ? { warn: opts.warn } : {}) };
  // Charts drawn on threads of their own (as many as the DOCX pool's, less this one), idle by now.
  const chartWorkers = opts.workers ? Math.max(1, opts.workers - 1) : 0;
  await buildSite(model, writer, { chartLevels, code: src.code, assets, chartWorkers, unitInputs: src.inputs.units, keepByInput: src.keep, reportHtml: docs.lazyBody, ...memo });
}

/** The build that stops early: the previous output, verified, is what this build would make. */
function earlyResult(done: UpToDate): BuildResult {
  const m = done.manifest;
  const gitDates = m.check.git_dates ? { ...m.check.git_dates, diagnostics: [] } : undefined;
  const checked: CheckOutcome = { dataset: null, diagnostics: [], summary: m.check.summary, ok: true, sources: new Map(), cacheWarnings: [], tree: null, ...(gitDates ? { gitDates } : {}) };
  return { check: checked, built: true, documents: m.documents, fates: done.fates, keptByInput: [], levelNames: m.check.level_names, upToDate: true };
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const progress = opts.progress ?? (() => {});
  const code = codeVersion(opts.templateDir);
  const inputs = buildInputs(opts, code);
  const statFile = outputStatFile(opts);
  const early = opts.shortCircuit === false || opts.mergeFrom ? null : upToDate(opts.outDir, code, inputs, opts.warn ?? (() => {}), opts.cacheDir, statFile);
  if (early) return earlyResult(early);
  const parseCache = opts.cacheDir ?? opts.parseCacheDir;
  const checked = check({ ...opts, load: { ...opts.load, ...(parseCache ? { cacheDir: parseCache } : {}) } }, (d, t) => progress(PHASES.read, d, t));
  const levelNames = Object.fromEntries((checked.dataset?.project.levels ?? []).map((l) => [l.id, l.unit_noun]));
  if (!checked.ok || !checked.dataset || !checked.tree) return { check: checked, built: false, documents: [], fates: new Map(), keptByInput: [], levelNames, upToDate: false };
  const ds = checked.dataset;
  const tree = checked.tree;
  const templates = loadTemplates(opts.templateDir);
  const merging = opts.mergeFrom !== undefined;
  // The renderers' libraries (docx, exceljs, Vite, pagefind) are loaded only by a build: `check` starts in a second, not in many.
  const { inProcessPacker, workerPacker } = await import("./render/docx/docx-pool.js");
  const packer = merging ? null : opts.workers ? workerPacker(opts.workers) : inProcessPacker();
  const site = opts.site !== false && !opts.shard;
  const slice = opts.shard ? shardUnits(ds, opts.shard) : null;
  const only = (unit: string) => slice === null || slice.has(unit);
  try {
    return await withStagedOutput(
      opts.outDir,
      async (writer) => {
        const src = docSources(ds, tree, opts, code);
        const { jobs, tables, unitDocs, lazyBody } = documentJobs(src, writer, only, site);
        let done = 0;
        progress(PHASES.documents, 0, jobs.length);
        // The site's client assets (Vite) depend only on the code: built while the documents are made.
        const assets = site ? import("./site/build-site.js").then((m) => m.startAssets(writer, code)) : null;
        assets?.catch(() => {}); // awaited by the site; not an unhandled rejection meanwhile
        // The input workbooks are made on this thread while the workers pack DOCX files.
        const books = site || slice ? workbooks(ds, writer, code, only, merging) : Promise.resolve(0);
        books.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
        // Vite is done before the build goes on (or fails and its staging folder is removed).
        const documents = await writeDocuments(writer, jobs, templates, packer, () => progress(PHASES.documents, ++done, jobs.length)).finally(() => assets?.catch(() => {}));
        // Every table as printed must add up; a failure is a bug, not bad data (exit 2).
        const failures = auditTables(tables, auditEnv(ds));
        if (failures.length) throw new AuditError(failures);
        // Every file the site links to is written before the site measures their sizes.
        await books;
        if (assets) {
          progress(PHASES.site, 0, 1);
          await writeSite(src, jobs, { docs: unitDocs, lazyBody }, writer, opts, assets);
          progress(PHASES.site, 1, 1);
        }
        const git = checked.gitDates;
        const recorded: RecordedCheck = { summary: checked.summary, level_names: levelNames, git_dates: git ? { used: git.used, kept: git.kept } : null };
        writeManifest(writer, { code, inputs, check: recorded, documents });
        return { check: checked, built: true, documents, fates: new Map(writer.fates()), keptByInput: writer.keptByInput(), levelNames, upToDate: false };
      },
      { codeVersion: code, ...(statFile ? { statFile } : {}), ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}), ...(opts.mergeFrom ? { sources: opts.mergeFrom } : {}), ...(opts.warn ? { warn: opts.warn } : {}) },
    );
  } finally {
    await packer?.close();
  }
}

/** manifest.json: the code version, the inputs' digest, the check's summary, the documents, and
 *  every file of the output with its SHA-256. */
function writeManifest(writer: OutputWriter, head: Omit<Manifest, "files">): void {
  const manifest: Manifest = { ...head, files: writer.files() };
  writer.write(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
}
