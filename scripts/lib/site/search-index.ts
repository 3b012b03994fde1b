// Full-text search: pagefind indexes the site's pages (only what is inside data-pagefind-body) in
// bundles, each written to pagefind/<bundle>/ and listed in pagefind/bundles.json; the client
// (site/search.ts) loads the first bundle's pagefind.js and merges the others (`mergeIndex`).
// Pagefind strips combining marks but keeps "đ", so each page also carries its names folded to
// ASCII (see the layout's `fold` field).
//
// Bundles follow the tree: a family is one child of the root with its whole subtree (a district
// with its communes, a department); the families, sorted by code, are cut into at most
// MAX_FAMILY_BUNDLES runs of about equal page counts (one family per bundle when there are few);
// every other page (the root's, the overview pages, the plan) goes to the "site" bundle. So one
// commune's edit changes the pages of its family and of the site bundle only, and only those two
// bundles are indexed again; the others are copied from the previous output.

import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { contentKey } from "../write/code-version.js";
import type { OutputWriter } from "../write/output-dir.js";
import { unitPath } from "./format.js";
import type { SiteModel } from "./model.js";

export const SEARCH_DIR = "pagefind";
/** The bundles' folder names under pagefind/, the first one holding pagefind.js: read by the client. */
export const BUNDLES_FILE = `${SEARCH_DIR}/bundles.json`;
/** At most this many bundles of families (plus the site bundle): each is one more pair of small
 *  requests (its entry and meta files) and one index chunk per searched word in the browser. */
export const MAX_FAMILY_BUNDLES = 16;
/** The bundle of the pages outside every family. */
export const SITE_BUNDLE = "site";

export interface SearchBundle {
  /** Folder under pagefind/: "site", "u-<code>" for one family, "g-<first code>-<last code>" for a run. */
  id: string;
  /** The HTML pages it indexes, sorted. */
  pages: string[];
}

/** Each unit's family: the child of the root it descends from (the root has none). */
function familyOf(model: SiteModel): Map<string, string> {
  const parent = new Map(model.units.map((u) => [u.code, u.parent]));
  const family = new Map<string, string>();
  const find = (code: string): string | undefined => {
    if (code === model.root) return undefined;
    const known = family.get(code);
    if (known !== undefined) return known;
    const up = parent.get(code);
    const f = up === model.root || up === null || up === undefined ? code : find(up);
    if (f !== undefined) family.set(code, f);
    return f;
  };
  for (const u of model.units) find(u.code);
  return family;
}

/** Cuts `weights` (in order) into at most `max` runs of about equal sums: a run closes once it
 *  holds its share of what is left (the rest's sum over the runs left), or when every weight left
 *  needs a run of its own. */
export function balancedRuns(weights: readonly number[], max: number): number[][] {
  const n = weights.length;
  const k = Math.min(max, n);
  const runs: number[][] = [];
  let left = weights.reduce((a, b) => a + b, 0);
  let run: number[] = [];
  let sum = 0;
  weights.forEach((w, i) => {
    run.push(i);
    sum += w;
    const runsLeft = k - runs.length;
    if (runsLeft > 1 && (sum * runsLeft >= left || n - i - 1 <= runsLeft - 1)) {
      runs.push(run);
      left -= sum;
      run = [];
      sum = 0;
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

/**
 * The bundles of `pages` (site-relative HTML paths): a unit's page goes to its family's bundle
 * (from the model's codes and tree), every other page to the site bundle. The grouping depends on
 * the tree only (a family weighs its number of units), so editing a report never moves a page.
 * Bundles without pages are left out; the site bundle comes first.
 */
export function searchBundles(model: SiteModel, pages: readonly string[], max = MAX_FAMILY_BUNDLES): SearchBundle[] {
  const family = familyOf(model);
  const size = new Map<string, number>();
  for (const f of family.values()) size.set(f, (size.get(f) ?? 0) + 1);
  const families = [...size.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const runs = balancedRuns(families.map((f) => size.get(f)!), max).map((run) => run.map((i) => families[i]!));
  const bundleOfFamily = new Map<string, string>();
  for (const run of runs) {
    const id = run.length === 1 ? `u-${run[0]}` : `g-${run[0]}-${run[run.length - 1]}`;
    for (const f of run) bundleOfFamily.set(f, id);
  }
  const bundleOfPage = new Map<string, string>();
  for (const [code, f] of family) bundleOfPage.set(unitPath(code), bundleOfFamily.get(f)!);
  const order = [SITE_BUNDLE, ...runs.map((run) => bundleOfFamily.get(run[0]!)!)];
  const byBundle = new Map<string, string[]>(order.map((id) => [id, []]));
  for (const p of pages) byBundle.get(bundleOfPage.get(p) ?? SITE_BUNDLE)!.push(p);
  return order.map((id) => ({ id, pages: byBundle.get(id)!.sort() })).filter((b) => b.pages.length > 0);
}

/** What the browser reads of a bundle: the first (primary) one also carries the library and its
 *  WebAssembly, shared by the merged ones; pagefind's UI files are not used (search.ts draws). */
function keepFile(name: string, primary: boolean): boolean {
  if (name === "pagefind-entry.json" || name.endsWith(".pf_meta")) return true;
  return primary && (name === "pagefind.js" || name === "pagefind-worker.js" || /^wasm\..+\.pagefind$/.test(name));
}

/** Builds indexing in this process now (two builds at once share pagefind's backend: tests). */
let indexing = 0;

/** Indexes each bundle's pages (read from `source`, by default under `root`) into
 *  root/pagefind/<id>/; returns the number of pages pagefind indexed in each (pages without
 *  data-pagefind-body are left out). */
export async function writeSearchBundles(root: string, bundles: readonly { bundle: SearchBundle; primary: boolean }[], source: (page: string) => string = (p) => join(root, p)): Promise<number[]> {
  const counts: number[] = [];
  indexing++;
  try {
    for (const { bundle, primary } of bundles) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi", keepIndexUrl: true });
      if (!index) throw new Error(`site: pagefind could not start: ${errors.join("; ")}`);
      const failed: string[] = [];
      // A hundred pages at a time: a nation's bundle holds thousands of pages of ~100 KB.
      for (let i = 0; i < bundle.pages.length; i += 100) {
        const batch = bundle.pages.slice(i, i + 100);
        const added = await Promise.all(batch.map((p) => index.addHTMLFile({ url: `/${p}`, content: readFileSync(source(p), "utf8") })));
        failed.push(...added.flatMap((a) => a.errors));
      }
      if (failed.length) throw new Error(`site: pagefind indexing failed (${bundle.id}): ${failed.join("; ")}`);
      const dir = join(root, SEARCH_DIR, bundle.id);
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`site: pagefind write failed (${bundle.id}): ${written.errors.join("; ")}`);
      await index.deleteIndex();
      const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      counts.push(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0));
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        if (name.isFile() && !keepFile(name.name, primary)) rmSync(join(dir, name.name));
      }
    }
  } finally {
    // pagefind runs one backend per process: the last build indexing in it closes it.
    if (--indexing === 0) await pagefind.close();
  }
  return counts;
}

/**
 * The search bundles of every site page written so far (the documents' HTML files carry no
 * data-pagefind-body, so pagefind never indexed them: they are left out), each keyed by its pages
 * (path and SHA-256) and the code version and copied from a previous output when its key did not
 * change; only the others run pagefind. Returns what it did, for the build's log and the tests.
 */
export async function indexSearch(
  writer: OutputWriter,
  model: SiteModel,
  code: string | undefined,
): Promise<{ indexed: string[]; reused: string[]; pages: number }> {
  const documents = new Set([...model.plan.documents, ...model.units.flatMap((u) => u.documents)].map((d) => d.path));
  const sha = new Map(writer.files().filter((f) => f.path.endsWith(".html") && !documents.has(f.path)).map((f) => [f.path, f.sha256]));
  const bundles = searchBundles(model, [...sha.keys()]);
  const stale: { bundle: SearchBundle; primary: boolean; key: string | undefined }[] = [];
  const reused: string[] = [];
  bundles.forEach((bundle, i) => {
    const primary = i === 0;
    const key = code === undefined ? undefined : contentKey(code, "search", bundle.id, String(primary), ...bundle.pages.map((p) => `${p}\0${sha.get(p)}`));
    const old = key === undefined ? [] : writer.recorded(key);
    if (key !== undefined && old.length > 0 && writer.reuse(key, old)) reused.push(bundle.id);
    else stale.push({ bundle, primary, key });
  });
  const counts = stale.length ? await writeSearchBundles(writer.root, stale, writer.source) : [];
  for (const { bundle, key } of stale) writer.adopt(`${SEARCH_DIR}/${bundle.id}`, key);
  const list = `${JSON.stringify({ bundles: bundles.map((b) => b.id) })}\n`;
  if (code === undefined) writer.write(BUNDLES_FILE, list);
  else await writer.cached(contentKey(code, "search-bundles", list), [BUNDLES_FILE], async () => [list]);
  return { indexed: stale.map((s) => s.bundle.id), reused, pages: counts.reduce((a, b) => a + b, 0) };
}
