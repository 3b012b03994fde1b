// Search with pagefind's JS API: results under the header box as you type, and the full list on
// the search page (tim-kiem/index.html?q=…). The header form is a plain GET form, so without JS
// (or from file://, where pagefind cannot load) it still leads to the search page.

import { excerpt, fold } from "./excerpt.js";

interface PagefindResultData {
  url: string;
  /** The page's indexed text; the passage shown is cut from it (excerpt.ts), not pagefind's excerpt. */
  content: string;
  /**
   * summary: the page's lead line; on unit pages also level ("Cấp xã"), parent ("Huyện …"),
   * timeliness (on_time, late, not_yet, missing), status ("Đúng hạn, đã duyệt") and depth in the
   * tree ("0" the root, "1" its children …); fold: the names folded to ASCII at the end of the text.
   */
  meta: { title?: string; summary?: string; level?: string; parent?: string; timeliness?: string; status?: string; depth?: string; fold?: string };
}
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

const siteRoot = new URL(document.body.dataset.root ?? "", location.href);
let loading: Promise<PagefindModule> | null = null;

// baseUrl "/" keeps result URLs relative to the site root; resultHref() puts them under it.
// Weights (unit names) decide the order, not how often a word recurs on a long page: a
// district's page names it less often than its communes' pages name their district.
const INDEX_OPTIONS = { baseUrl: "/", ranking: { termFrequency: 0, pageLength: 0 } };

/**
 * The index comes in bundles (one per subtree of the tree, and one for the other pages: see
 * scripts/lib/site/search-index.ts), listed in pagefind/bundles.json: the first one's pagefind.js
 * is loaded, the others merged into it, each with the same options, so that one search covers all.
 */
function pagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const base = new URL("pagefind/", siteRoot);
    const listed = (await (await fetch(new URL("bundles.json", base))).json()) as { bundles: string[] };
    const [primary, ...merged] = listed.bundles;
    if (primary === undefined) throw new Error("search: no bundles");
    const mod = (await import(/* @vite-ignore */ new URL(`${primary}/pagefind.js`, base).href)) as PagefindModule;
    await mod.options(INDEX_OPTIONS);
    await Promise.all(merged.map((b) => mod.mergeIndex(new URL(`${b}/`, base).href, INDEX_OPTIONS)));
    return mod;
  })().catch((e: unknown) => {
    loading = null; // a failed load (the network, a server restarting) is tried again at the next search
    throw e;
  });
  return loading;
}

/** Result URLs are site-absolute ("/don-vi/…"): resolve them under the real root (sub-path, file). */
function resultHref(url: string): string {
  return new URL(url.replace(/^\/+/, ""), siteRoot).href;
}

/** The passage under a result, as text nodes and <mark> elements only. */
function excerptNode(d: PagefindResultData, q: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "excerpt";
  for (const s of excerpt(d.content, d.meta.fold, q)) {
    if (s.mark) {
      const m = document.createElement("mark");
      m.textContent = s.text;
      p.append(m);
    } else {
      p.append(document.createTextNode(s.text));
    }
  }
  return p;
}

/**
 * Places first: a page whose name is the query (after its type word: "Huyện Bình An" for
 * "binh an") before one whose name contains it as words, before the places inside it (their
 * parent's name, in the folded names, contains it), before the rest; among equals, the higher
 * level (a district before its town of the same name); then pagefind's order. (Pagefind scores
 * each bundle on its own, a word that is frequent in a district's bundle weighing less there: the
 * places inside the place typed are put before other pages here rather than left to those scores.)
 */
function placeRank(q: string, d: PagefindResultData): number {
  const query = fold(q);
  const title = fold(d.meta.title ?? "");
  const depth = Number(d.meta.depth ?? 9);
  if (title === query || title.endsWith(` ${query}`)) return depth;
  if (` ${title} `.includes(` ${query} `)) return 10;
  return ` ${fold(d.meta.fold ?? "")} `.includes(` ${query} `) ? 15 : 20;
}

async function find(q: string, limit: number): Promise<{ total: number; items: PagefindResultData[] }> {
  const pf = await pagefind();
  const res = await pf.search(q);
  // Every typed word is required: pagefind drops a word it does not know and ranks pages holding
  // only some words; keep the pages each word finds on its own.
  const words = [...new Set(q.split(/\s+/).filter(Boolean))];
  let results = res.results;
  if (words.length > 1) {
    const each = await Promise.all(words.map(async (w) => new Set((await pf.search(w)).results.map((r) => r.id))));
    results = results.filter((r) => each.every((ids) => ids.has(r.id)));
  }
  const head = await Promise.all(results.slice(0, Math.max(limit, 40)).map((r) => r.data()));
  const ranked = head.map((d, i) => ({ d, key: placeRank(q, d) * 1000 + i })).sort((a, b) => a.key - b.key).map((x) => x.d);
  return { total: results.length, items: ranked.slice(0, limit) };
}

function resultItem(d: PagefindResultData, q: string, withExcerpt: boolean): HTMLLIElement {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = resultHref(d.url);
  a.textContent = d.meta.title ?? d.url;
  li.append(a);
  if (d.meta.status && d.meta.timeliness) {
    const badge = document.createElement("span");
    badge.className = `badge b-${d.meta.timeliness.replace(/[^a-z_]/g, "")}`;
    badge.textContent = d.meta.status;
    li.append(" ", badge);
  }
  const where = d.meta.level ? [d.meta.level, d.meta.parent].filter(Boolean).join(" · ") : d.meta.summary;
  if (where) {
    const p = document.createElement("p");
    p.className = "small";
    p.textContent = where;
    li.append(p);
  }
  if (withExcerpt) li.append(excerptNode(d, q));
  return li;
}

function initPopup(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  const popup = form.querySelector<HTMLElement>(".search-popup");
  const live = form.querySelector<HTMLElement>("[data-search-live]");
  if (!input || !popup) return;
  let timer = 0;
  let seq = 0;
  const close = (): void => {
    popup.hidden = true;
    popup.replaceChildren();
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return close();
    timer = window.setTimeout(async () => {
      const mine = ++seq;
      try {
        const { total, items } = await find(q, 6);
        if (mine !== seq) return;
        const status = document.createElement("p");
        status.className = "small";
        status.textContent = total ? `${total} kết quả` : "Không tìm thấy kết quả";
        const list = document.createElement("ul");
        list.append(...items.map((d) => resultItem(d, q, false)));
        const all = document.createElement("a");
        all.href = `${form.action}?q=${encodeURIComponent(q)}`;
        all.textContent = "Xem tất cả kết quả";
        popup.replaceChildren(status, list, all);
        popup.hidden = false;
        if (live) live.textContent = status.textContent;
      } catch {
        close(); // pagefind unavailable (e.g. file://): the form still submits to the search page
      }
    }, 200);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  document.addEventListener("click", (e) => {
    if (!form.contains(e.target as Node)) close();
  });
}

async function initResultsPage(): Promise<void> {
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  if (!list || !status) return;
  const q = (new URLSearchParams(location.search).get("q") ?? "").trim();
  for (const input of document.querySelectorAll<HTMLInputElement>("input[name=q]")) input.value = q;
  if (!q) return;
  status.textContent = "Đang tìm…";
  try {
    const { total, items } = await find(q, 50);
    status.textContent = total ? `Tìm thấy ${total} kết quả cho “${q}”.` : `Không tìm thấy kết quả cho “${q}”.`;
    list.replaceChildren(...items.map((d) => resultItem(d, q, true)));
  } catch {
    status.textContent = "Không tải được bộ tìm kiếm. Hãy mở trang qua máy chủ web, hoặc chọn đơn vị trong danh sách dưới đây.";
  }
}

export function initSearch(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form.search-form")) initPopup(form);
  void initResultsPage();
}
