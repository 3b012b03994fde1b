// The search index is made while the site's pages are written: a family's bundle is indexed as soon
// as the last of its pages is written (pagefind, a process of its own, works on it while the next
// pages are rendered), the site bundle at the end. Indexed early or at the end, the index is the
// same bytes; a rebuild indexes again only the bundles whose pages changed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unitPath } from "../../scripts/lib/site/format.js";
import { familyOrder, searchIndexer, SEARCH_DIR } from "../../scripts/lib/site/search-index.js";
import { MANIFEST, withStagedOutput, type FileEntry, type OutputWriter } from "../../scripts/lib/write/output-dir.js";
import { fixtureModel } from "./fixture-model.js";

const model = fixtureModel();
const CODE = "search-indexer-test";
const OVERVIEW = ["index.html", "chi-so/index.html"];
const base = mkdtempSync(join(tmpdir(), "search-indexer-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const page = (title: string, words = "") => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${title} ${words}</p></main></body></html>`;

/** Whether the writer holds `path` (a bundle indexed by pagefind in its own time, or copied from a
 *  previous output) within 20 s. */
async function appears(writer: OutputWriter, path: string): Promise<boolean> {
  for (let waited = 0; waited < 20_000; waited += 25) {
    if (writer.sha256(path) !== null) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

interface Built {
  files: FileEntry[];
  indexed: string[];
  reused: string[];
  /** Whether family 901's bundle was on disk before the first page of family 902 was written
   *  (asked only when the indexer is told of each page). */
  firstFamilyEarly: boolean;
}

/** The overview pages and every unit's page, told to the indexer as written (`early`) or not, then
 *  the index finished; a manifest as the pipeline writes it, so that a rebuild finds the output. */
async function build(out: string, opts: { early: boolean; words?: (code: string) => string }): Promise<Built> {
  return withStagedOutput(
    out,
    async (writer: OutputWriter) => {
      const search = searchIndexer(writer, model, CODE);
      for (const p of OVERVIEW) writer.write(p, page(p));
      let firstFamilyEarly = false;
      for (const u of familyOrder(model)) {
        if (u.code === "902" && opts.early) firstFamilyEarly = await appears(writer, `${SEARCH_DIR}/u-901/pagefind-entry.json`);
        const p = unitPath(u.code);
        writer.write(p, page(u.name, opts.words?.(u.code)));
        if (opts.early) search.written(p);
      }
      const { indexed, reused } = await search.finish();
      const files = writer.files();
      writer.write(MANIFEST, JSON.stringify({ code: CODE, files }));
      return { files: files.filter((f) => f.path.startsWith(`${SEARCH_DIR}/`)), indexed, reused, firstFamilyEarly };
    },
    { codeVersion: CODE },
  );
}

const sums = (files: FileEntry[]) => files.map((f) => `${f.path} ${f.sha256}`);

describe("the search index, made as the pages are written", () => {
  it("indexes a family's bundle once its last page is written, before the next family's pages", async () => {
    const built = await build(join(base, "early"), { early: true });
    expect(familyOrder(model).map((u) => u.code)).toEqual(["99", "901", "90101", "90102", "90103", "902", "90201", "90202", "90203", "99-LDTBXH", "99-YT"]);
    expect(built.firstFamilyEarly).toBe(true);
    expect(built.indexed).toEqual(["site", "u-901", "u-902", "u-99-LDTBXH", "u-99-YT"].sort());
  });

  it("gives the same bytes as indexing every bundle at the end", async () => {
    const early = await build(join(base, "early-2"), { early: true });
    const late = await build(join(base, "late"), { early: false });
    expect(sums(late.files).length).toBeGreaterThan(10);
    expect(sums(early.files)).toEqual(sums(late.files));
  });

  it("indexes again only the bundles whose pages changed, and copies the others from the previous output", async () => {
    const out = join(base, "rebuild");
    const first = await build(out, { early: true });
    const second = await build(out, { early: true, words: (code) => (code === "90201" ? "đổi" : "") });
    expect(second.indexed).toEqual(["u-902"]);
    expect(second.reused.sort()).toEqual(["site", "u-901", "u-99-LDTBXH", "u-99-YT"]);
    const changed = (f: Built) => sums(f.files).filter((s) => s.startsWith(`${SEARCH_DIR}/u-902/`));
    expect(changed(second)).not.toEqual(changed(first));
    expect(sums(second.files).filter((s) => !s.startsWith(`${SEARCH_DIR}/u-902/`))).toEqual(sums(first.files).filter((s) => !s.startsWith(`${SEARCH_DIR}/u-902/`)));
  });
});
