// Incremental builds by content address, on the small province: a rebuild of the same inputs stops
// early; without that shortcut it copies every document, page and download from the previous
// output (or the --cache folder); after one commune edit it re-renders exactly the documents and
// pages that depend on it, and gives the same bytes as a cold build; a corrupted previous page or
// cache entry is detected, warned about and rebuilt.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildOptions, type BuildResult } from "../../scripts/lib/pipeline.js";
import type { FileFate } from "../../scripts/lib/write/output-dir.js";
import { FILES, SCHEMAS } from "../check/fixture.js";
import { TEMPLATES, makeFixture, readTreeBytes } from "./build-fixture.js";

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `incremental-${name}-`));
const fx = makeFixture();
const cache = tmp("cache");
const out = tmp("out");

async function run(outDir: string, opts: Partial<BuildOptions> = {}): Promise<{ result: BuildResult; warnings: string[] }> {
  const warnings: string[] = [];
  // Each output's own parse cache, where the stats of its files are recorded (as `npm run build` does).
  const parseCacheDir = `${outDir}-parse-cache`;
  const result = await build({ dataDir: fx.data, outDir, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, load: { workers: 0 }, warn: (l) => warnings.push(l), parseCacheDir, ...opts });
  expect(result.built).toBe(true);
  return { result, warnings };
}

const withFate = (fates: ReadonlyMap<string, FileFate>, ...wanted: FileFate[]) => [...fates].filter(([, f]) => wanted.includes(f)).map(([p]) => p).sort();
const documentsOf = (paths: string[]) => paths.filter((p) => p.startsWith("documents/"));
const threeFormats = (...bases: string[]) => bases.flatMap((b) => ["docx", "html", "md"].map((f) => `documents/${b}.${f}`)).sort();

function expectSameTree(a: string, b: string): void {
  const left = readTreeBytes(a);
  const right = readTreeBytes(b);
  expect([...left.keys()]).toEqual([...right.keys()]);
  for (const [path, bytes] of left) expect(bytes.equals(right.get(path)!), path).toBe(true);
}

let cold: BuildResult;
let noop: BuildResult;
let noopMtime: number;
let noopFull: BuildResult;
let edited: BuildResult;
let editedCold: string;

beforeAll(async () => {
  cold = (await run(out, { cacheDir: cache })).result;
  const mtime = () => statSync(join(out, "manifest.json")).mtimeMs;
  const before = mtime();
  noop = (await run(out, { cacheDir: cache })).result;
  noopMtime = mtime() - before;
  noopFull = (await run(out, { cacheDir: cache, shortCircuit: false })).result;
  // One commune's poverty changes: one more household left poverty in 2018 (stock, flow and the
  // income-deprivation breakdown kept consistent).
  fx.edit(FILES.commune, "ho_ngheo: {baseline: 150, y2016: 130, y2017: 112, mid2018: 104}", "ho_ngheo: {baseline: 150, y2016: 130, y2017: 112, mid2018: 103}");
  fx.edit(FILES.commune, "ho_thoat_ngheo: {y2016: 30, y2017: 25, mid2018: 10}", "ho_thoat_ngheo: {y2016: 30, y2017: 25, mid2018: 11}");
  fx.edit(FILES.commune, "ho_ngheo_thieu_hut_thu_nhap: {baseline: 115, y2016: 100, y2017: 86, mid2018: 80}", "ho_ngheo_thieu_hut_thu_nhap: {baseline: 115, y2016: 100, y2017: 86, mid2018: 79}");
  edited = (await run(out, { cacheDir: cache })).result;
  editedCold = tmp("cold");
  await run(editedCold);
}, 600_000);
afterAll(() => fx.cleanup());

/** Site pages (not documents, not the search index's files). */
const pagesOf = (paths: string[]) => paths.filter((p) => p.endsWith(".html") && !p.startsWith("documents/") && !p.startsWith("pagefind/"));

describe("incremental build", () => {
  it("stops early when nothing changed: the output is verified, nothing is checked, rendered or written", () => {
    expect(noop.upToDate).toBe(true);
    expect(noop.check.dataset).toBeNull();
    expect(noop.check.summary).toEqual(cold.check.summary);
    expect(noop.levelNames).toEqual(cold.levelNames);
    expect(noop.documents).toEqual(cold.documents);
    expect([...noop.fates.keys()].sort()).toEqual([...cold.fates.keys()].sort());
    expect(withFate(noop.fates, "new", "changed")).toEqual([]);
    expect(noopMtime).toBe(0); // the output folder was not replaced
  });

  it("without the early stop, copies every document, workbook, page, download, asset and the search index", () => {
    const keyed = withFate(cold.fates, "new").filter((p) => p.startsWith("documents/") || p.startsWith("bieu-nhap-lieu/"));
    expect(keyed.length).toBe(3 * (cold.check.dataset!.units.size + 1) + cold.check.dataset!.units.size);
    expect(noopFull.upToDate).toBe(false);
    expect(withFate(noopFull.fates, "reused")).toEqual(expect.arrayContaining([...keyed, "index.html", "don-vi/00123/index.html", "data/tong-hop.xlsx"]));
    expect(withFate(noopFull.fates, "reused").filter((p) => p.startsWith("static/") && p.endsWith(".js"))).toHaveLength(1);
    expect(withFate(noopFull.fates, "reused").some((p) => p.startsWith("pagefind/"))).toBe(true);
    // Only the two files that are not made from a content address are written again, with the same bytes.
    expect(withFate(noopFull.fates, "unchanged")).toEqual([".nojekyll", "manifest.json"]);
    expect(withFate(noopFull.fates, "new", "changed")).toEqual([]);
  });

  it("after one commune edit re-renders exactly its report, its district's and the province's", () => {
    const rendered = documentsOf([...edited.fates.keys()].filter((p) => edited.fates.get(p) !== "reused")).sort();
    expect(rendered).toEqual(threeFormats("99-tinh-mau", "901-thanh-pho-binh-an/901-thanh-pho-binh-an", "901-thanh-pho-binh-an/00123-phuong-hoa-binh"));
    expect(withFate(edited.fates, "reused").filter((p) => p.startsWith("bieu-nhap-lieu/"))).not.toContain("bieu-nhap-lieu/00123.xlsx");
  });

  it("after one commune edit renders exactly the pages whose content it changes: the commune's, its district's, the province's, home, the indicators overview and the edited indicators'", () => {
    const rendered = pagesOf([...edited.fates.keys()].filter((p) => edited.fates.get(p) !== "reused")).sort();
    const indicators = ["ho_ngheo", "ho_thoat_ngheo", "ho_ngheo_thieu_hut_thu_nhap", "ty_le_ho_ngheo"].map((id) => `chi-so/${id}/index.html`);
    expect(rendered).toEqual(["chi-so/index.html", ...indicators, "don-vi/00123/index.html", "don-vi/901/index.html", "don-vi/99/index.html", "index.html"].sort());
    // A page is keyed by what its template prints: none rendered in vain, none reused stale.
    expect(rendered).toEqual(pagesOf(withFate(edited.fates, "changed", "new")).sort());
    // The client assets are copied. Of the search index, only the bundle of the commune's subtree
    // (its district's family) and the site bundle (home, the province, the indicators) are made
    // again; the other bundles are copied.
    expect(withFate(edited.fates, "reused").filter((p) => p.startsWith("static/")).length).toBeGreaterThan(0);
    const bundles = (paths: string[]) => [...new Set(paths.filter((p) => /^pagefind\/[^/]+\//.test(p)).map((p) => p.split("/")[1]))].sort();
    const allBundles = bundles([...cold.fates.keys()]);
    expect(bundles([...edited.fates.keys()].filter((p) => edited.fates.get(p) !== "reused"))).toEqual(["site", "u-901"]);
    expect(bundles(withFate(edited.fates, "reused"))).toEqual(allBundles.filter((b) => b !== "site" && b !== "u-901"));
    expect(allBundles.length).toBeGreaterThan(2);
  });

  it("rewrites only the pages and data files that show the edited figure", () => {
    const changed = withFate(edited.fates, "changed", "new").filter((p) => !p.startsWith("documents/") && !p.startsWith("pagefind/"));
    const unit = (code: string) => [`data/${code}.csv`, `data/${code}.excel-vi.csv`, `data/${code}.json`, `don-vi/${code}/index.html`];
    // The three indicators edited and the rate computed from them: their pages and downloads.
    const indicator = (id: string) => [`chi-so/${id}/index.html`, `data/chi-so/${id}.csv`, `data/chi-so/${id}.excel-vi.csv`];
    const indicators = ["ho_ngheo", "ho_thoat_ngheo", "ho_ngheo_thieu_hut_thu_nhap", "ty_le_ho_ngheo"].flatMap(indicator);
    const province = ["index.html", "chi-so/index.html", "data/tong-hop.xlsx", "manifest.json"];
    const expected = [...unit("00123"), ...unit("901"), ...unit("99"), ...indicators, ...province, "bieu-nhap-lieu/00123.xlsx"];
    expect(changed).toEqual(expected.sort());
  });

  it("gives byte for byte the output of a cold build", () => {
    expectSameTree(out, editedCold);
  });

  it("detects a corrupted page of the previous output and renders it again", async () => {
    const page = "don-vi/00130/index.html";
    const path = join(out, page);
    const bytes = readFileSync(path);
    rmSync(path); // the cache's entries may be hard links to the output's
    writeFileSync(path, Buffer.concat([bytes, Buffer.from("<!-- sửa tay -->")]));
    const { result, warnings } = await run(out);
    expect(result.upToDate).toBe(false);
    expect(warnings.some((w) => w.includes(page) && w.includes("không khớp SHA-256"))).toBe(true);
    expect(result.fates.get(page)).toBe("unchanged"); // rendered, with the bytes the manifest recorded
    expect(withFate(result.fates, "new", "changed")).toEqual([]);
    expectSameTree(out, editedCold);
  }, 300_000);
});

describe("files trusted by their recorded stat", () => {
  it("records the stat of every file of the output beside the parse cache, not in the output", () => {
    const record = JSON.parse(readFileSync(`${out}-parse-cache/output-stat.json`, "utf8")) as { files: string[] };
    const listed = (JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { files: { path: string }[] }).files.map((f) => f.path);
    const paths = record.files.filter((_, i) => i % 2 === 0);
    expect(paths.sort()).toEqual([...listed, "manifest.json"].sort());
    expect(record.files.filter((_, i) => i % 2 === 1).every((s) => /^\d+:\d+:\d+:\d+$/.test(s))).toBe(true);
    expect(existsSync(join(out, "output-stat.json"))).toBe(false);
  });

  it("detects a file edited in place (same size, same inode, another mtime) and renders it again", async () => {
    const file = "data/00126.json";
    const path = join(out, file);
    const bytes = readFileSync(path);
    const at = bytes.indexOf("00126");
    bytes[at] = "1".charCodeAt(0); // "10126": same length
    writeFileSync(path, bytes); // in place: the same inode (and every hard link to it)
    const { result, warnings } = await run(out);
    expect(result.upToDate).toBe(false);
    expect(warnings.some((w) => w.includes(file) && w.includes("không khớp SHA-256"))).toBe(true);
    expect(result.fates.get(file)).toBe("unchanged"); // rendered again, with the bytes the manifest recorded
    expectSameTree(out, editedCold);
  }, 300_000);
});

describe("the --cache folder", () => {
  it("fills an empty output from the cache, and rebuilds a corrupted entry with a warning", async () => {
    const fresh = tmp("fresh");
    const docx = "documents/902-huyen-son-khe/00130-thi-tran-son-khe.docx";
    const cached = join(cache, "output", docx);
    const bytes = readFileSync(cached);
    bytes[bytes.length - 10]! ^= 0xff;
    rmSync(cached); // a new file: the cache's entries may be hard links to the output's
    writeFileSync(cached, bytes);
    const { result, warnings } = await run(fresh, { cacheDir: cache, site: false });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(docx);
    expect(warnings[0]).toContain("không khớp SHA-256");
    expect(result.fates.get(docx)).toBe("new");
    expect(result.fates.get("documents/901-thanh-pho-binh-an/00123-phuong-hoa-binh.docx")).toBe("reused");
    expect(readFileSync(join(fresh, docx)).equals(readFileSync(join(editedCold, docx)))).toBe(true);
  }, 300_000);
});

describe("units kept by their input key", () => {
  const fx2 = makeFixture();
  const out2 = tmp("kept");
  afterAll(() => fx2.cleanup());
  const run2 = async (outDir: string, opts: Partial<BuildOptions> = {}) => {
    const result = await build({ dataDir: fx2.data, outDir, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, load: { workers: 0 }, parseCacheDir: `${outDir}-parse-cache`, ...opts });
    expect(result.built).toBe(true);
    return result;
  };
  /** The documents, unit pages and unit data files (JSON) that were computed (not kept by input key). */
  const computed = (r: BuildResult) => {
    const kept = new Set(r.keptByInput);
    const docs = r.documents.filter((d) => d.kind === "report" && d.format === "docx" && !kept.has(d.path)).map((d) => d.unit);
    const all = withFate(r.fates, "new", "changed", "unchanged", "reused").filter((p) => !kept.has(p));
    const pages = all.filter((p) => /^don-vi\/[^/]+\/index\.html$/.test(p)).map((p) => p.split("/")[1]!);
    const data = all.filter((p) => /^data\/[^/]+\.json$/.test(p)).map((p) => p.slice("data/".length, -".json".length));
    return { docs: docs.sort(), pages: pages.sort(), data: data.sort() };
  };
  let all: string[];

  beforeAll(async () => {
    const first = await run2(out2);
    all = computed(first).docs;
    expect(all).toHaveLength(first.check.dataset!.units.size);
  }, 300_000);

  it("after a district's narrative edit computes only the district's and the province's documents, pages and data files", async () => {
    fx2.edit(FILES.district, "Thành phố Bình An có 1 phường và 1 xã.", "Thành phố Bình An có 1 phường và 1 xã (đã sửa).");
    const r = await run2(out2);
    expect(computed(r)).toEqual({ docs: ["901", "99"], pages: ["901", "99"], data: ["901", "99"] });
    expect(withFate(r.fates, "changed").filter((p) => p.startsWith("documents/") && p.endsWith(".docx"))).toEqual(["documents/901-thanh-pho-binh-an/901-thanh-pho-binh-an.docx"]);
  }, 300_000);

  it("after a department's report edit computes only the department's and the province's, and equals a cold build", async () => {
    fx2.edit(FILES.department, 'number: "41"', 'number: "42"');
    const r = await run2(out2);
    expect(computed(r)).toEqual({ docs: ["99", "so-ldtbxh"], pages: ["99", "so-ldtbxh"], data: ["99", "so-ldtbxh"] });
    const cold2 = tmp("kept-cold");
    await run2(cold2);
    expectSameTree(out2, cold2);
  }, 300_000);

  it("after an edit of a file that is not a report (the units file) computes every unit again, and equals a cold build", async () => {
    const units = readdirSync(join(fx2.data)).find((f) => /^units\.ya?ml$/.test(f))!;
    fx2.write(units, `${fx2.read(units)}\n# sửa: một dòng chú thích\n`);
    const r = await run2(out2);
    expect(r.keptByInput).toEqual([]);
    expect(computed(r).docs).toEqual(all);
    const cold3 = tmp("kept-cold3");
    await run2(cold3);
    expectSameTree(out2, cold3);
  }, 300_000);

  it("after a submission date from git changes (no file edited) computes every unit again, and equals a cold build", async () => {
    const git = { submittedAt: new Map([[FILES.district, "2018-08-24"]]) };
    const r = await run2(out2, git);
    expect(r.keptByInput).toEqual([]);
    expect(r.check.dataset!.reports.find((x) => x.file.rel === FILES.district)?.report.submitted_on).toBe("2018-08-24");
    const cold4 = tmp("kept-cold4");
    await run2(cold4, git);
    expectSameTree(out2, cold4);
  }, 300_000);
});
