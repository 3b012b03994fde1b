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
//
// A family's pages are known from the tree, so its bundle is indexed as soon as its last page is
// written (`searchIndexer`): pagefind, a process of its own, indexes it on another core while the
// build renders the next pages (pages are written in the tree's order, a family after another).
// The site bundle, whose pages are whatever else was written, is indexed once every page is.

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

/** The units in the order their pages are best written for the search index: those of no family
 *  (the root) first, then family after family, sorted by code as the bundles are, so that each
 *  family's bundle can be indexed as soon as possible; the model's order within a family. */
export function familyOrder(model: SiteModel): SiteModel["units"] {
  const family = familyOf(model);
  const rank = new Map([...new Set(family.values())].sort().map((f, i) => [f, i]));
  const at = (code: string) => {
    const f = family.get(code);
    return f === undefined ? -1 : rank.get(f)!;
  };
  return model.units.map((u, i) => ({ u, i, r: at(u.code) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.u);
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

/** pagefind's backend, held while a build indexes (opened at its first bundle); the last build
 *  indexing in this process closes it. */
function pagefindSession() {
  let open = false;
  return {
    use() {
      if (open) return;
      open = true;
      indexing++;
    },
    async end() {
      if (!open) return;
      open = false;
      if (--indexing === 0) await pagefind.close();
    },
  };
}

/** Indexes one bundle's pages (read from `source`) into root/pagefind/<id>/; returns the number of
 *  pages pagefind indexed (pages without data-pagefind-body are left out). */
async function writeSearchBundle(root: string, bundle: SearchBundle, primary: boolean, source: (page: string) => string): Promise<number> {
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
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.isFile() && !keepFile(name.name, primary)) rmSync(join(dir, name.name));
  }
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** What indexing a bundle did: copied from a previous output, or indexed (its number of pages). */
type Indexed = { id: string; reused: true } | { id: string; reused: false; pages: number };

/** The search index, made while the site's pages are written (`written`, as each one is): a
 *  family's bundle is its units' pages, known from the tree, so it is indexed as soon as the last
 *  of them is written, by pagefind's own process while this thread renders the next pages;
 *  `finish`, once every page is written, makes the rest (the site bundle) and bundles.json. */
export interface SearchIndexer {
  written(page: string): void;
  finish(): Promise<{ indexed: string[]; reused: string[]; pages: number }>;
  /** Waits for any bundle being indexed (a build that failed, before its staging folder goes). */
  settle(): Promise<void>;
}

export function searchIndexer(writer: OutputWriter, model: SiteModel, code: string | undefined): SearchIndexer {
  const session = pagefindSession();
  let queue: Promise<unknown> = Promise.resolve();
  /** The family bundles started early (never the first, primary one: the site bundle comes first). */
  const started = new Map<string, { bundle: SearchBundle; outcome: Promise<Indexed> }>();
  /** Copies a bundle whose pages kept their SHA-256 from a previous output; else indexes it after
   *  the bundles queued before it (pagefind indexes one at a time). A failure is its promise's. */
  const start = async (bundle: SearchBundle, primary: boolean): Promise<Indexed> => {
    const sha = (p: string) => writer.sha256(p) ?? missing(p);
    const key = code === undefined ? undefined : contentKey(code, "search", bundle.id, String(primary), ...bundle.pages.map((p) => `${p}\0${sha(p)}`));
    const old = key === undefined ? [] : writer.recorded(key);
    if (key !== undefined && old.length > 0 && writer.reuse(key, old)) return { id: bundle.id, reused: true };
    const outcome = queue.then(async (): Promise<Indexed> => {
      session.use();
      const pages = await writeSearchBundle(writer.root, bundle, primary, writer.source);
      writer.adopt(`${SEARCH_DIR}/${bundle.id}`, key);
      return { id: bundle.id, reused: false, pages };
    });
    queue = outcome.catch(() => {});
    return outcome;
  };
  // Every unit has a page: a family's bundle holds exactly its units' pages.
  const waiting = new Map<string, { bundle: SearchBundle; left: Set<string> }>();
  for (const bundle of searchBundles(model, model.units.map((u) => unitPath(u.code)))) {
    if (bundle.id === SITE_BUNDLE) continue;
    const entry = { bundle, left: new Set(bundle.pages) };
    for (const p of bundle.pages) waiting.set(p, entry);
  }
  let closing = false;
  const settle = async () => {
    closing = true;
    for (let last = queue; ; last = queue) {
      await last;
      if (last === queue) break; // nothing queued meanwhile
    }
    await session.end();
  };
  return {
    written(page) {
      if (closing) return; // a page that lands after the build failed
      const entry = waiting.get(page);
      if (!entry) return;
      waiting.delete(page);
      entry.left.delete(page);
      if (entry.left.size > 0) return;
      const outcome = start(entry.bundle, false);
      outcome.catch(() => {}); // awaited by finish (or settle)
      started.set(entry.bundle.id, { bundle: entry.bundle, outcome });
    },
    async finish() {
      try {
        return await finishIndex(writer, model, code, started, start);
      } finally {
        await settle();
      }
    },
    settle,
  };
}

/** A page listed in a bundle that the writer has not written: a bug. */
function missing(page: string): never {
  throw new Error(`site: search page not written: ${page}`);
}

/**
 * The search bundles of every site page written (the documents' HTML files carry no
 * data-pagefind-body, so pagefind never indexed them: they are left out), each keyed by its pages
 * (path and SHA-256) and the code version and copied from a previous output when its key did not
 * change; only the others run pagefind. The bundles started early must be the ones the written
 * pages give (a bug otherwise). Returns what it did, for the build's log and the tests.
 */
async function finishIndex(
  writer: OutputWriter,
  model: SiteModel,
  code: string | undefined,
  started: ReadonlyMap<string, { bundle: SearchBundle; outcome: Promise<Indexed> }>,
  start: (bundle: SearchBundle, primary: boolean) => Promise<Indexed>,
): Promise<{ indexed: string[]; reused: string[]; pages: number }> {
  const documents = new Set([...model.plan.documents, ...model.units.flatMap((u) => u.documents)].map((d) => d.path));
  const pages = writer.files().filter((f) => f.path.endsWith(".html") && !documents.has(f.path)).map((f) => f.path);
  const bundles = searchBundles(model, pages);
  bundles.forEach((bundle, i) => {
    const early = started.get(bundle.id);
    if (early && (i === 0 || early.bundle.pages.join("\n") !== bundle.pages.join("\n"))) throw new Error(`site: search bundle ${bundle.id} was indexed before its pages were known`);
  });
  const outcomes = bundles.map((bundle, i) => started.get(bundle.id)?.outcome ?? start(bundle, i === 0));
  const done = await Promise.all(outcomes);
  const list = `${JSON.stringify({ bundles: bundles.map((b) => b.id) })}\n`;
  if (code === undefined) writer.write(BUNDLES_FILE, list);
  else await writer.cached(contentKey(code, "search-bundles", list), [BUNDLES_FILE], async () => [list]);
  return {
    indexed: done.filter((d) => !d.reused).map((d) => d.id),
    reused: done.filter((d) => d.reused).map((d) => d.id),
    pages: done.reduce((n, d) => n + (d.reused ? 0 : d.pages), 0),
  };
}
