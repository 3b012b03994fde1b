// buildSite: SiteModel → a static, read-only website, written through the build's output writer
// (write/output-dir.ts), which lists every file in the manifest:
//   1. one Vite build of the client assets (site/main.ts + CSS) → static/, hashed, via the manifest;
//   2. every page rendered by Handlebars (templates/site) with relative links;
//   3. data/<code>.json and data/<code>.csv per unit;
//   4. the pagefind search index over the written pages → pagefind/.
// Documents (DOCX, Markdown, HTML) are written by the caller at the paths named in the model.

import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { OutputWriter } from "../write/output-dir.js";
import { ASSETS_DIR, buildAssets, SITE_SRC } from "./assets.js";
import { CSV_VARIANTS, indicatorCsv, statusCsv, unitCsv, unitJson } from "./data-files.js";
import { checkCode, unitPath } from "./format.js";
import { loadTemplates, TEMPLATES_DIR } from "./hbs.js";
import type { LevelId, SiteModel } from "./model.js";
import { writeSearchIndex } from "./search-index.js";
import { homeView } from "./views-home.js";
import { indexModel } from "./views-common.js";
import { aboutView, indicatorsView, planView, searchView } from "./views-pages.js";
import { unitView } from "./views-unit.js";
import { PROVINCE_FILES, unitDataFiles } from "./views-downloads.js";
import { indicatorCsvPath, indicatorPath, indicatorView, keyIndicators } from "./views-indicator.js";
import { provinceWorkbook } from "./workbook.js";

export interface BuildSiteOptions {
  /** Levels whose unit pages carry ECharts charts (about 10 ms per chart); default: every level. */
  chartLevels?: LevelId[];
  /** Build the pagefind index (default true). */
  search?: boolean;
  /** Progress and timing messages. */
  log?: (message: string) => void;
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

export async function buildSite(model: SiteModel, writer: OutputWriter, opts: BuildSiteOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const lap = (what: string) => log(`site: ${what} (${Math.round(performance.now() - t0)} ms)`);
  checkModel(model);
  const outDir = writer.root;
  const assets = await buildAssets(outDir, opts.siteSrc ?? SITE_SRC);
  writer.adopt(ASSETS_DIR);
  lap("assets built");
  const render = await loadTemplates(opts.templatesDir ?? TEMPLATES_DIR);
  const ix = indexModel(model, assets);
  const chartLevels = new Set(opts.chartLevels ?? model.levels.map((l) => l.id));

  // Downloads first, so that every page can show their sizes. Documents written by the caller
  // before the site are measured where they are.
  const provinceFiles: [string, string | Uint8Array][] = [
    [PROVINCE_FILES.workbook, await provinceWorkbook(model)],
    ...CSV_VARIANTS.map((v): [string, string] => [PROVINCE_FILES.status(v), statusCsv(model, v)]),
    ...keyIndicators(ix).flatMap((i) => CSV_VARIANTS.map((v): [string, string] => [indicatorCsvPath(i.id, v), indicatorCsv(model, i.id, v)])),
  ];
  for (const [p, content] of provinceFiles) ix.sizes.set(p, byteLength(content));
  for (const [p, c] of provinceFiles) writer.write(p, c);
  const docs = [...model.plan.documents, ...model.units.flatMap((u) => u.documents)];
  await Promise.all(docs.map((d) => stat(join(outDir, d.path)).then((s) => ix.sizes.set(d.path, s.size), () => undefined)));
  lap("province downloads written");

  const pages: [string, string][] = [
    ["index.html", render("home", homeView(ix))],
    ["chi-so/index.html", render("indicators", indicatorsView(ix))],
    ["ke-hoach/index.html", render("plan", planView(ix))],
    ["gioi-thieu/index.html", render("about", aboutView(ix))],
    ["tim-kiem/index.html", render("search", searchView(ix))],
    ...keyIndicators(ix).map((i): [string, string] => [indicatorPath(i.id), render("indicator", indicatorView(ix, i))]),
  ];
  for (const [p, html] of pages) writer.write(p, html);
  lap("overview pages written");

  for (const u of model.units) {
    const files: [string, string][] = [
      [unitDataFiles(u.code).json, unitJson(model, u)],
      ...CSV_VARIANTS.map((v): [string, string] => [unitDataFiles(u.code).csv(v), unitCsv(u, u.data, v)]),
    ];
    for (const [p, content] of files) {
      ix.sizes.set(p, byteLength(content));
      writer.write(p, content);
    }
    writer.write(unitPath(u.code), render("unit", unitView(ix, u, { charts: chartLevels.has(u.level) })));
  }
  writer.write(".nojekyll", "");
  lap(`${model.units.length} unit pages written`);

  if (opts.search ?? true) {
    const n = await writeSearchIndex(outDir);
    writer.adopt("pagefind");
    lap(`search index of ${n} pages written`);
  }
}
