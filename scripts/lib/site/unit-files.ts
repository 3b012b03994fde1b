// Every unit's own files of the site: its data files (JSON and CSV) and its page, each keyed by
// what it is made from or kept by the unit's input key (build-site.ts explains the keys), the pages
// written family after family and told to the search index as they are (search-index.ts).
import { contentKey, valueKey } from "../write/code-version.js";
import type { ChartPool } from "./chart-pool.js";
import { CSV_VARIANTS, unitCsv, unitJson } from "./data-files.js";
import { unitPath } from "./format.js";
import type { UnitPage } from "./model.js";
import { familyOrder, type SearchIndexer } from "./search-index.js";
import type { BuildSiteOptions, SiteContext } from "./site-context.js";
import { PROVINCE_FILES, sizeText, unitDataFiles } from "./views-downloads.js";
import { unitView } from "./views-unit.js";

/** A unit's part of the model without its report's body, which only its own page shows. */
function withoutBody(u: UnitPage): UnitPage {
  return { ...u, html: null };
}

/** The input key of a unit's page: its unit's input key (which covers its and its children's part
 *  of the model: their reports, the non-report data), and what else the page shows (build-site.ts). */
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
export async function writeUnitData({ model, ix, writer, code, keepByInput }: SiteContext, opts: BuildSiteOptions): Promise<string[]> {
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
export async function writeUnitFiles(ctx: SiteContext, chartLevels: ReadonlySet<string>, opts: BuildSiteOptions, pool: ChartPool | null, search: SearchIndexer | null): Promise<void> {
  const pages: Promise<number>[] = [];
  try {
    await writeUnitPages(ctx, chartLevels, opts, pool, search, pages);
  } catch (err) {
    await Promise.allSettled(pages);
    throw err;
  }
}
