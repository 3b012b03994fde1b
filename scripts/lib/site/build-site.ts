// buildSite: SiteModel → a static, read-only website, written through the build's output writer
// (write/output-dir.ts), which lists every file in the manifest:
//   1. one Vite build of the client assets (site/main.ts + CSS) → static/, hashed, via the manifest;
//   2. every page rendered by Handlebars (templates/site) with relative links;
//   3. data/<code>.json and data/<code>.csv per unit (written first: every page shows their sizes);
//   4. the pagefind search index over the written pages, in bundles by subtree → pagefind/, each
//      bundle of a subtree indexed as soon as its pages are written, while the next are rendered.
// Documents (DOCX, Markdown, HTML) are written by the caller at the paths named in the model.
//
// With the code version (`code`), every file is keyed by a content address of exactly what it is
// made from, and a rebuild copies the previous output's bytes for every key that did not change
// instead of rendering (the writer's `cached`): a unit page from its view (what its template
// prints, charts as their ECharts options, drawn only when the page is rendered); a unit's data
// files from its own part of the model; overview pages from their views; the province workbook and
// its CSV files from the whole model (its shared parts hashed once, and each unit's data key); Vite's
// assets from the code version alone; each search bundle from its pages' SHA-256.
//
// With the units' input keys (write/input-keys.ts), a unit page is also recorded with its page's
// input key: its unit's input key (its report and its subtree's, and every non-report file, so its
// and its children's part of the model) and what else the page shows that the key does not cover
// (its ancestors' and siblings' names, the sizes of the files it links to). A page whose input key a
// previous output recorded is kept without computing its view (maps, charts); likewise a unit's
// data files, by its unit's input key, without computing its data rows. No file's content
// but a unit's own page shows the report's body (`html`), so the model's other keys leave it out:
// a unit whose documents were kept has none in the model, and gets it (`reportHtml`) only when its
// page is rendered.

import { contentKey, valueKey } from "../write/code-version.js";
import type { OutputWriter } from "../write/output-dir.js";
import { chartPool, type ChartPool } from "./chart-pool.js";
import type { RenderPool } from "./render-pool.js";
import { SITE_SRC, startAssets, type BuiltAssets } from "./assets.js";
import { CSV_VARIANTS, indicatorCsv, statusCsv, unitCsv, unitJson } from "./data-files.js";
import { checkCode, unitPath } from "./format.js";
import { loadTemplates, TEMPLATES_DIR } from "./hbs.js";
import type { LevelId, SiteModel, UnitPage } from "./model.js";
import { familyOrder, searchIndexer, type SearchIndexer } from "./search-index.js";
import { homeView } from "./views-home.js";
import { indexModel, type SiteIndex } from "./views-common.js";
import { aboutView, indicatorsView, planView, searchView } from "./views-pages.js";
import { unitView } from "./views-unit.js";
import { PROVINCE_FILES, sizeText, unitDataFiles } from "./views-downloads.js";
import { indicatorCsvPath, indicatorPath, indicatorView, keyIndicators } from "./views-indicator.js";
import { provinceSheets, provinceWorkbook } from "./workbook.js";
import { closeMapMemo, openMapMemo } from "./map-memo.js";

export interface BuildSiteOptions {
  /** Levels whose unit pages carry ECharts charts (about 10 ms per chart); default: every level. */
  chartLevels?: LevelId[];
  /** Threads drawing the unit pages' charts while this one writes the pages (0: drawn here; chart-pool.ts). */
  chartWorkers?: number;
  /** The build's threads (site/render-pool.ts): they draw the charts, instead of `chartWorkers` of the
   *  site's own, and this thread helps them whenever it waits for them. */
  renderPool?: Pick<RenderPool, "chart" | "helpUntil" | "sheets">;
  /** Settles when every document and workbook the site links to is written (their sizes are measured then). */
  filesWritten?: Promise<unknown>;
  /** The client assets, when their build was started earlier (startAssets): it depends only on the code. */
  assets?: Promise<BuiltAssets>;
  /** Build the pagefind index (default true). */
  search?: boolean;
  /** Progress and timing messages. */
  log?: (message: string) => void;
  /** The code version (write/code-version.ts): with it, every file is keyed by content address and
   *  reused from a previous output when its key did not change; without it, all is rendered. */
  code?: string;
  /** Each unit's input key (write/input-keys.ts), recorded with its page. */
  unitInputs?: ReadonlyMap<string, string>;
  /** Keep a page whose input key a previous output recorded, without computing its view (default true). */
  keepByInput?: boolean;
  /** The report body of a unit whose model left it out (its documents were kept), computed on demand. */
  reportHtml?: ReadonlyMap<string, () => string | null>;
  /** Where map geometry and label places are kept between builds (map-memo.ts); none: computed. */
  mapMemo?: string;
  /** One line per ignored memo file or entry. */
  warn?: (line: string) => void;
  /** Overrides for tests. */
  siteSrc?: string;
  templatesDir?: string;
}

function checkModel(model: SiteModel): void {
  const codes = new Set<string>();
  for (const u of model.units) {
    checkCode(u.code);
    if (codes.has(u.code)) throw new Error(`site: unit ${u.code} appears twice`);
    codes.add(u.code);
  }
  for (const u of model.units) {
    for (const c of u.children) if (!codes.has(c)) throw new Error(`site: ${u.code} lists unknown child ${c}`);
    if (u.parent !== null && !codes.has(u.parent)) throw new Error(`site: ${u.code} has unknown parent ${u.parent}`);
  }
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength;
}

type Render = Awaited<ReturnType<typeof loadTemplates>>;
type Content = string | Uint8Array;

/** What the writing steps share: the model, its index, the templates, and the keyed writer. */
interface SiteContext {
  model: SiteModel;
  ix: SiteIndex;
  render: Render;
  writer: OutputWriter;
  code: string | undefined;
  /** Writes `path` from `make`, or copies it from a previous output made from the same inputs; returns its size. */
  put: (path: string, inputs: readonly unknown[], make: () => Content | Promise<Content>, input?: string) => Promise<number>;
  /** Copies `path` from a previous output that recorded it with the input key `input`; whether it did. */
  keep: (input: string, path: string) => boolean;
  /** The model's shared parts (everything but the units), hashed once. */
  shared: string;
  /** Keep the files whose input key a previous output recorded. */
  keepByInput: boolean;
  /** The client assets, as every page's layout prints them. */
  layout: string;
}

function keyedPut(writer: OutputWriter, code: string | undefined): SiteContext["put"] {
  return async (path, inputs, make, input) => {
    if (code === undefined) {
      const content = await make();
      writer.write(path, content);
      return byteLength(content);
    }
    await writer.cached(valueKey(code, "site", path, ...inputs), [path], async () => [await make()], input);
    return writer.size(path)!;
  };
}

export async function buildSite(model: SiteModel, writer: OutputWriter, opts: BuildSiteOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const lap = (what: string) => log(`site: ${what} (${Math.round(performance.now() - t0)} ms)`);
  checkModel(model);
  const code = opts.code;
  const siteSrc = opts.siteSrc ?? SITE_SRC;
  const assets = await (opts.assets ?? startAssets(writer, code, siteSrc));
  lap("assets built");
  const keep = code !== undefined && opts.keepByInput !== false;
  const ctx: SiteContext = {
    model,
    ix: indexModel(model, assets),
    render: await loadTemplates(opts.templatesDir ?? TEMPLATES_DIR),
    writer,
    code,
    put: keyedPut(writer, code),
    keep: (input, path) => keep && writer.reuseByInput(input, [path]) !== null,
    shared: valueKey("", { ...model, units: null }),
    keepByInput: keep,
    layout: JSON.stringify(assets),
  };
  const dataKeys = await writeUnitData(ctx, opts);
  lap("unit data files written");
  // The whole model: its shared parts and every unit's own part (each as its data files' key).
  const files = opts.filesWritten;
  const pool = opts.renderPool;
  await writeProvinceFiles(ctx, contentKey(ctx.shared, "units", ...dataKeys), files && pool ? () => pool.helpUntil(files) : () => files, pool ? (m) => pool.sheets(() => provinceSheets(m)) : provinceWorkbook);
  lap("province downloads written");
  if (opts.mapMemo && code !== undefined) openMapMemo(opts.mapMemo, code, opts.warn ?? (() => {}));
  const charts = pool ? chartPool(pool.chart) : opts.chartWorkers ? chartPool(opts.chartWorkers) : null;
  // The search index is made as the pages are written (a family's bundle once its pages are).
  const search = (opts.search ?? true) ? searchIndexer(writer, model, code) : null;
  try {
    await writeOverviewPages(ctx);
    lap("overview pages written");
    await writeUnitFiles(ctx, new Set(opts.chartLevels ?? model.levels.map((l) => l.id)), opts, charts, search);
    writer.write(".nojekyll", "");
    lap(`${model.units.length} unit pages written`);
    if (search) {
      const { indexed, reused, pages } = await search.finish();
      lap(`search index: ${indexed.length} bundles of ${pages} pages written, ${reused.length} reused`);
    }
  } finally {
    try {
      await charts?.close();
    } finally {
      await search?.settle();
      if (code !== undefined) closeMapMemo(code);
    }
  }
}

/** Downloads first, so that every page can show their sizes. Documents and workbooks written by the
 *  caller are measured where they are, once `filesWritten` settles. The province-wide workbook is
 *  made by `workbook` (on the build's threads, which a nation's keeps busy for minutes). */
async function writeProvinceFiles(
  { model, ix, put, writer }: SiteContext,
  whole: string,
  filesWritten: () => Promise<unknown> | undefined,
  workbook: (model: SiteModel) => Promise<Uint8Array>,
): Promise<void> {
  const provinceFiles: [string, () => string | Promise<Uint8Array>][] = [
    [PROVINCE_FILES.workbook, () => workbook(model)],
    ...CSV_VARIANTS.map((v): [string, () => string] => [PROVINCE_FILES.status(v), () => statusCsv(model, v)]),
    ...keyIndicators(ix).flatMap((i) => CSV_VARIANTS.map((v): [string, () => string] => [indicatorCsvPath(i.id, v), () => indicatorCsv(model, i.id, v)])),
  ];
  for (const [p, make] of provinceFiles) ix.sizes.set(p, await put(p, [whole], make));
  await filesWritten();
  const docs = [...model.plan.documents, ...model.units.flatMap((u) => u.documents)];
  for (const d of docs) {
    const size = writer.size(d.path);
    if (size !== null) ix.sizes.set(d.path, size);
  }
}

/** Overview pages, each keyed by its view: what its template prints. */
async function writeOverviewPages({ ix, render, put, layout }: SiteContext): Promise<void> {
  const pages: [string, string, object][] = [
    ["index.html", "home", homeView(ix)],
    ["chi-so/index.html", "indicators", indicatorsView(ix)],
    ["ke-hoach/index.html", "plan", planView(ix)],
    ["gioi-thieu/index.html", "about", aboutView(ix)],
    ["tim-kiem/index.html", "search", searchView(ix)],
    ...keyIndicators(ix).map((i): [string, string, object] => [indicatorPath(i.id), "indicator", indicatorView(ix, i)]),
  ];
  for (const [p, template, view] of pages) await put(p, [layout, view], () => render(template, view));
}

/** A unit's part of the model without its report's body, which only its own page shows. */
function withoutBody(u: UnitPage): UnitPage {
  return { ...u, html: null };
}

/** The input key of a unit's page: its unit's input key (which covers its and its children's part
 *  of the model: their reports, the non-report data), and what else the page shows (see above). */
function pageInput({ ix, layout }: SiteContext, u: UnitPage, unitInput: string, charts: boolean): string {
  const names = (code: string) => {
    const k = ix.units.get(code);
    return k ? [k.code, k.name, k.short_name, k.parent] : [code];
  };
  const ancestors: unknown[] = [];
  for (let p = u.parent, n = 0; p !== null && n < ix.units.size; p = ix.units.get(p)?.parent ?? null, n++) ancestors.push(names(p));
  const siblings = u.parent === null ? [] : (ix.units.get(u.parent)?.children ?? []).map(names);
  const own = [...u.documents.map((d) => d.path), unitDataFiles(u.code).json, ...CSV_VARIANTS.map((v) => unitDataFiles(u.code).csv(v))];
  const workbook = ix.sizes.get(PROVINCE_FILES.workbook);
  const linked = { own: own.map((p) => ix.sizes.get(p) ?? null), workbook: workbook === undefined ? null : sizeText(workbook) };
  return contentKey(unitInput, "page", layout, String(charts), JSON.stringify([ancestors, siblings, linked]));
}

/** Every unit's data files (JSON and CSV), made from its own part of the model and the project's
 *  header (unitJson), keyed together by them; or kept by the unit's input key, which covers both,
 *  without reading its part of the model (its figures are then not computed: see unitPage). Returns
 *  each unit's data key, in the model's order. */
async function writeUnitData({ model, ix, writer, code, keepByInput }: SiteContext, opts: BuildSiteOptions): Promise<string[]> {
  const project = JSON.stringify(model.project);
  const keys: string[] = [];
  for (const u of model.units) {
    const f = unitDataFiles(u.code);
    const paths = [f.json, ...CSV_VARIANTS.map((v) => f.csv(v))];
    const make = () => [unitJson(model, u), ...CSV_VARIANTS.map((v) => unitCsv(u, u.data, v))];
    const unitInput = opts.unitInputs?.get(u.code);
    const input = unitInput === undefined ? undefined : contentKey(unitInput, "data-files");
    const kept = keepByInput && input !== undefined ? writer.reuseByInput(input, paths) : null;
    if (kept) keys.push(kept.key);
    else if (code === undefined) make().forEach((text, i) => writer.write(paths[i]!, text));
    else {
      const key = valueKey(code, "site-data", project, withoutBody(u));
      await writer.cached(key, paths, async () => make(), input);
      keys.push(key);
    }
    for (const p of paths) ix.sizes.set(p, writer.size(p)!);
    await nextTurn();
  }
  return keys;
}

/** One turn of the event loop. A unit's data files are made and written without waiting for any
 *  I/O, so without it the loop over a nation's units (a minute) would run as one long chain of
 *  microtasks, and the threads' replies (the documents packed meanwhile) would wait for its end. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const PAGES_IN_FLIGHT = 64;

/** Every unit's page, keyed by its view: exactly what the template prints (charts by their
 *  options: a reused page never draws them). A page kept by its input key is not computed at all. */
async function writeUnitPages(ctx: SiteContext, chartLevels: ReadonlySet<string>, opts: BuildSiteOptions, pool: ChartPool | null, search: SearchIndexer | null, pages: Promise<number>[]): Promise<void> {
  const { model, ix, render, put, layout } = ctx;
  // With a pool, a page is written once its charts are drawn, while the next pages' views are made;
  // at most PAGES_IN_FLIGHT at once (a page's view holds its report's body: a nation's would not fit).
  const wait = <T>(p: Promise<T>) => opts.renderPool?.helpUntil(p) ?? p;
  for (const u of familyOrder(model)) {
    if (pages.length >= PAGES_IN_FLIGHT) await wait(pages[pages.length - PAGES_IN_FLIGHT]!);
    const charts = chartLevels.has(u.level);
    const unitInput = opts.unitInputs?.get(u.code);
    const input = unitInput === undefined ? undefined : pageInput(ctx, u, unitInput, charts);
    const path = unitPath(u.code);
    if (input !== undefined && ctx.keep(input, path)) {
      search?.written(path);
      continue;
    }
    const body = opts.reportHtml?.get(u.code);
    const view = unitView(ix, body ? { ...u, html: body() } : u, { charts });
    const page = put(path, [layout, view], async () => (await pool?.draw(view), render("unit", view)), input);
    page.then(() => search?.written(path), () => {}); // awaited below (a later page's failure must not leave this one unhandled)
    pages.push(page);
    await nextTurn(); // pagefind's replies (the bundles indexed meanwhile) and the charts drawn
  }
  await wait(Promise.all(pages));
}

/** Every unit's page (writeUnitPages); when one fails, the others being written land before the
 *  failure goes on (the staging folder is removed after it). */
async function writeUnitFiles(ctx: SiteContext, chartLevels: ReadonlySet<string>, opts: BuildSiteOptions, pool: ChartPool | null, search: SearchIndexer | null): Promise<void> {
  const pages: Promise<number>[] = [];
  try {
    await writeUnitPages(ctx, chartLevels, opts, pool, search, pages);
  } catch (err) {
    await Promise.allSettled(pages);
    throw err;
  }
}
