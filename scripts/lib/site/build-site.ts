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
import { chartPool } from "./chart-pool.js";
import { SITE_SRC, startAssets } from "./assets.js";
import { CSV_VARIANTS, indicatorCsv, statusCsv } from "./data-files.js";
import { checkCode } from "./format.js";
import { loadTemplates, TEMPLATES_DIR } from "./hbs.js";
import type { SiteModel } from "./model.js";
import { searchIndexer } from "./search-index.js";
import type { BuildSiteOptions, SiteContext } from "./site-context.js";
import { writeUnitData, writeUnitFiles } from "./unit-files.js";
import { homeView } from "./views-home.js";
import { indexModel } from "./views-common.js";
import { aboutView, indicatorsView, planView, searchView } from "./views-pages.js";
import { PROVINCE_FILES } from "./views-downloads.js";
import { indicatorCsvPath, indicatorPath, indicatorView, keyIndicators } from "./views-indicator.js";
import { provinceSheets, provinceWorkbook } from "./workbook.js";
import { closeMapMemo, openMapMemo } from "./map-memo.js";

export type { BuildSiteOptions } from "./site-context.js";

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
