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
// of rendered and packed. Input workbooks are keyed by their report file's bytes and the rest of the
// data. Site pages, downloads, assets and the search index are keyed the same way (each by exactly
// the part of the site model it is made from: site/build-site.ts). Before any of that, each unit has
// an input key (write/input-keys.ts: code, options, the non-report data, its subtree's reports): a
// unit whose input key the previous output recorded keeps its documents and page without its view,
// model or page view being computed, so a rebuild after one edit computes the edited unit and its
// ancestors only. A rebuild whose inputs (data, schemas, options) and code are those the output's
// manifest recorded, with the output intact, stops before the check (up-to-date.ts).
import { join, resolve } from "node:path";
import type { BuildOptions, CheckRunOptions, Shard } from "./build-options.js";
import { rollUp, type Tree } from "./aggregate/roll-up.js";
import { rollupDiagnostics } from "./aggregate/rollup-rule.js";
import { applyOptions, checkResult, validate, type CheckResult } from "./check.js";
import { loadDataset, type Dataset } from "./dataset/load-dataset.js";
import { PHASES } from "./progress.js";
import { freeHeapGrowth, limitHeapGrowth } from "./heap-growth.js";
import { manifestHead } from "./write/intact-output.js";
import { CACHE_SUBDIR } from "./write/output-cache.js";
import { statSnapshot, type StatSnapshot } from "./write/stat-snapshot.js";
import { codeVersion } from "./write/code-version.js";
import { MANIFEST, withStagedOutput, type FileFate, type OutputWriter } from "./write/output-dir.js";
import { OutputChanged } from "./write/previous-output.js";
import { InputError } from "./diagnostics/input-error.js";
import { buildInputs, outputStatFile, upToDate, type Manifest, type ManifestEntry, type RecordedCheck, type UpToDate } from "./up-to-date.js";

export type { BuildOptions, CheckRunOptions, Shard } from "./build-options.js";

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
  const cacheWarnings = [...(loaded.cacheWarnings ?? [])];
  if (ds) {
    const validated = validate(ds, opts, cwd);
    diagnostics.push(...validated.diagnostics);
    cacheWarnings.push(...validated.cacheWarnings);
    if (validated.shapeOk) tree = rollUp(ds);
    if (tree) diagnostics.push(...rollupDiagnostics(ds, tree));
  }
  return { ...checkResult({ ...loaded, cacheWarnings }, diagnostics, gitDates), tree };
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

/** The previous output, when it is what this build would make (the early stop). Otherwise, when it
 *  was made by this code, another thread takes the snapshot of its files' stats while this one
 *  checks the data; and, unless this is a merge (which makes the whole site from the shards'
 *  documents), the heap may grow freely: a rebuild most likely makes few files. */
function previousOutput(opts: BuildOptions, code: string, inputs: string, statFile: string | undefined) {
  const early = opts.shortCircuit === false || opts.mergeFrom ? null : upToDate(opts.outDir, code, inputs, opts.warn ?? (() => {}), opts.cacheDir, statFile);
  if (early || manifestHead(join(opts.outDir, MANIFEST))?.code !== code) return { early, snapshot: null };
  if (!opts.mergeFrom) freeHeapGrowth();
  const cacheCopy = opts.cacheDir ? resolve(opts.cacheDir, CACHE_SUBDIR) : null;
  return { early: null, snapshot: statFile ? statSnapshot(resolve(opts.outDir), statFile, cacheCopy) : null };
}

/** The build that stops early: the previous output, verified, is what this build would make. */
function earlyResult(done: UpToDate): BuildResult {
  const m = done.manifest;
  const gitDates = m.check.git_dates ? { ...m.check.git_dates, diagnostics: [] } : undefined;
  const checked: CheckOutcome = { dataset: null, diagnostics: [], summary: m.check.summary, ok: true, sources: new Map(), cacheWarnings: [], tree: null, ...(gitDates ? { gitDates } : {}) };
  return { check: checked, built: true, documents: m.documents, fates: done.fates, keptByInput: [], levelNames: m.check.level_names, upToDate: true };
}

/** The build's own steps (documents, workbooks, site: handlebars, markdown-it, the views), loaded
 *  only by a build once its check passed: `check` starts without them. */
async function buildSteps() {
  const [steps, templates] = await Promise.all([import("./build-steps.js"), import("./render/templates.js")]);
  return { ...steps, ...templates };
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const code = codeVersion(opts.templateDir);
  const inputs = buildInputs(opts, code);
  const statFile = outputStatFile(opts);
  const { early, snapshot } = previousOutput(opts, code, inputs, statFile);
  if (early) return earlyResult(early);
  try {
    return await buildFrom(opts, code, inputs, statFile, snapshot?.result ?? null);
  } catch (err) {
    throw err instanceof OutputChanged ? new InputError(err.message, { cause: err }) : err;
  } finally {
    snapshot?.cancel(); // its thread, when the check failed before the answer was needed
  }
}

/** The build once the previous output is not what it would make: the check, then the documents and the site. */
async function buildFrom(opts: BuildOptions, code: string, inputs: string, statFile: string | undefined, snapshot: Promise<StatSnapshot | null> | null): Promise<BuildResult> {
  const progress = opts.progress ?? (() => {});
  const parseCache = opts.cacheDir ?? opts.parseCacheDir;
  const checked = check({ ...opts, load: { ...opts.load, ...(parseCache ? { cacheDir: parseCache } : {}) } }, (d, t) => progress(PHASES.read, d, t));
  const levelNames = Object.fromEntries((checked.dataset?.project.levels ?? []).map((l) => [l.id, l.unit_noun]));
  if (!checked.ok || !checked.dataset || !checked.tree) return { check: checked, built: false, documents: [], fates: new Map(), keptByInput: [], levelNames, upToDate: false };
  const ds = checked.dataset;
  const tree = checked.tree;
  const { docSources, documentJobs, workbooks, writeDocuments, writeSite, loadTemplates } = await buildSteps();
  const templates = loadTemplates(opts.templateDir);
  const merging = opts.mergeFrom !== undefined;
  // docx, exceljs, echarts, Vite, pagefind: loaded only by a build, each where it is first used.
  const { inProcessPacker, workerPacker, IN_PROCESS_MAX } = await import("./render/docx/docx-pool.js");
  // One pool of threads for the DOCX files, the input workbooks and the charts (a merge: the charts).
  const pool = !opts.workers ? null : (await import("./site/render-pool.js")).renderPool(opts.workers);
  const packer = merging ? null : pool ? workerPacker(opts.workers!, pool.docx) : inProcessPacker();
  const site = opts.site !== false && !opts.shard;
  const slice = opts.shard ? shardUnits(ds, opts.shard) : null;
  const only = (unit: string) => slice === null || slice.has(unit);
  try {
    return await withStagedOutput(
      opts.outDir,
      async (writer) => {
        const src = docSources(ds, tree, opts, code);
        const { jobs, unitDocs, lazyBody, planBody, audit } = documentJobs(src, writer, only, site);
        startMaking(jobs, pool, IN_PROCESS_MAX);
        // The site's client assets (Vite) depend only on the code: built while the documents are made.
        const assets = site ? import("./site/assets.js").then((m) => m.startAssets(writer, code)) : null;
        assets?.catch(() => {}); // awaited by the site; not an unhandled rejection meanwhile
        // The threads pack the DOCX files, then make the workbooks; this one writes Markdown and HTML, then the site.
        let done = 0;
        progress(PHASES.documents, 0, jobs.length);
        const documents = writeDocuments(writer, jobs, templates, packer, () => progress(PHASES.documents, ++done, jobs.length));
        const books = site || slice ? workbooks(ds, writer, code, only, merging, pool?.workbook) : Promise.resolve(0);
        const { filesWritten, settled } = filesOf(documents, books, audit);
        if (assets) {
          progress(PHASES.site, 0, 1);
          // Vite is done before the build goes on (or fails and its staging folder is removed).
          await writeSite(src, { docs: unitDocs, lazyBody, planBody: planBody! }, writer, opts, { assets, pool, filesWritten }).finally(() => settled);
          progress(PHASES.site, 1, 1);
        }
        const [documentsWritten] = await settled.then(() => filesWritten);
        const git = checked.gitDates;
        const recorded: RecordedCheck = { summary: checked.summary, level_names: levelNames, git_dates: git ? { used: git.used, kept: git.kept } : null };
        writeManifest(writer, { code, inputs, check: recorded, documents: documentsWritten });
        return { check: checked, built: true, documents: documentsWritten, fates: new Map(writer.fates()), keptByInput: writer.keptByInput(), levelNames, upToDate: false };
      },
      { codeVersion: code, snapshot, ...(statFile ? { statFile } : {}), ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}), ...(opts.mergeFrom ? { sources: opts.mergeFrom } : {}), ...(opts.warn ? { warn: opts.warn } : {}) },
    );
  } finally {
    await packer?.close();
    await pool?.close();
  }
}

/** Before the documents are made. Many to make (a cold build): the threads load while this one
 *  renders the first ones' HTML. More than a tenth of them: their garbage is a cold build's, so the
 *  heap's growth is limited again (heap-growth.ts). */
function startMaking(jobs: readonly { prepare: unknown }[], pool: { start(): void } | null, inProcessMax: number): void {
  const made = jobs.filter((j) => j.prepare !== null).length;
  if (made > inProcessMax) pool?.start();
  if (made > Math.max(inProcessMax, jobs.length / 10)) limitHeapGrowth();
}

/** The documents, audited once written (every table as printed must add up; a failure is a bug,
 *  not bad data: exit 2), and the input workbooks: every file the site links to, written before the
 *  site measures their sizes (`filesWritten`); `settled`: a failing build still waits for every file
 *  being written before its staging folder goes. */
function filesOf(documents: Promise<ManifestEntry[]>, books: Promise<number>, audit: () => void) {
  const audited = documents.then((docs) => {
    audit();
    return docs;
  });
  const filesWritten = Promise.all([audited, books]);
  filesWritten.catch(() => {}); // awaited by the build; not an unhandled rejection meanwhile
  return { filesWritten, settled: Promise.allSettled([audited, books]) };
}

/** manifest.json: the code version, the inputs' digest, the check's summary, the documents, and
 *  every file of the output with its SHA-256. */
function writeManifest(writer: OutputWriter, head: Omit<Manifest, "files">): void {
  const manifest: Manifest = { ...head, files: writer.files() };
  writer.writeManifest(manifest);
}
