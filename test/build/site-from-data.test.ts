// The site as `build` writes it from a data folder (the other-province fixture), in Chromium:
// the home page, a district and a commune load cleanly and pass axe (any impact); the answer
// strip shows what the YAML says; a visitor clicks from home
// to the district and on to the commune; search finds a unit typed without diacritics; without
// JavaScript the status table and the report still show; a narrative holding HTML shows as text.
// Screenshots at phone and desktop widths go to test-output/screenshots/ (not committed).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { answersBottom, axeViolations, launchChromium, openPage } from "../helpers/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDir, type Served } from "../site/serve.js";
import type { Fixture } from "../check/fixture.js";
import { buildFixture, makeFixture } from "./build-fixture.js";

const SHOTS = join(process.cwd(), "test-output", "screenshots");
const HOSTILE = "Dân <script>alert(1)</script> và <img src=x onerror=alert(2)> góp ý.";
let fx: Fixture;
let server: Served;
let browser: Browser;
let out: string;

beforeAll(async () => {
  fx = makeFixture();
  fx.edit("reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml", /su_tham_gia: \|\n.*\n/, `su_tham_gia: |\n    ${HOSTILE}\n`);
  // One commune submits after its deadline (31/7/2018), so the home page has a late unit to name.
  fx.edit("reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml", "submitted_on: 2018-07-25", "submitted_on: 2018-08-03");
  const built = await buildFixture(fx);
  out = built.out;
  const result = built.result;
  if (!result.built) throw new Error(result.check.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join("\n"));
  server = await serveDir(out);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fx?.cleanup();
});

const open = (path: string, opts: { width?: number; height?: number; js?: boolean } = {}) => openPage(browser, `${server.url.replace(/\/$/, "")}/${path}`, opts);

describe("the site built from data, in Chromium", () => {
  const pages = { home: "index.html", district: "don-vi/901/index.html", commune: "don-vi/00123/index.html" };
  it.each(Object.entries(pages))("%s loads with no console error, no failed request and no axe violation of any impact", async (name, path) => {
    for (const width of [390, 1280]) {
      const { page, problems, close } = await open(path, { width });
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (width === 1280) expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `data-${name}-${width}.png`), fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it("answers the leader's three questions at the top of home, with figures recomputed from the YAML", async () => {
    const expected = answersFromYaml(fx.data);
    // A phone's visible area under the browser's bars: 390 × 664.
    const { page, close } = await open(pages.home, { width: 390, height: 664 });
    try {
      const text = async (sel: string) => ((await page.locator(sel).textContent()) ?? "").trim();
      const names = async (sel: string) => (await page.locator(sel).allTextContents()).sort();
      expect(await text('#answer-late [data-answer="overdue"]')).toBe(String(expected.overdue.length));
      expect(await text('#answer-late [data-answer="late"]')).toBe(String(expected.late.length));
      expect(expected.late).toEqual(["Phường Hòa Bình"]);
      expect(await names('#answer-late [data-list="overdue"] a')).toEqual(expected.overdue);
      expect(await names('#answer-late [data-list="late"] a')).toEqual(expected.late);
      for (const [level, share] of Object.entries(expected.submitted)) {
        expect(await text(`#answer-progress li[data-level="${level}"] [data-answer="submitted"]`), level).toBe(share);
        expect(await text(`#answer-progress li[data-level="${level}"] [data-answer="approved"]`), level).toBe(expected.approved[level]);
      }
      expect(await text('#answer-poverty [data-answer="rate-start"]')).toBe(expected.rateStart);
      expect(await text('#answer-poverty [data-answer="rate-now"]')).toBe(expected.rateNow);
      expect(await text('#answer-poverty [data-answer="per-year"]')).toBe(expected.perYear);
      expect(await text('#answer-poverty [data-answer="off-target"]')).toBe(String(expected.offTarget));
      // The three tiles are on the first screen of a phone.
      expect(await answersBottom(page)).toBeLessThanOrEqual(664);
    } finally {
      await close();
    }
  });

  it("takes a visitor from the home page to a district and on to a commune", async () => {
    const { page, problems, close } = await open(pages.home);
    try {
      await page.locator("#district-table").getByRole("link", { name: "Thành phố Bình An" }).click();
      await page.waitForURL(/don-vi\/901\/index\.html$/);
      await page.getByRole("link", { name: "Phường Hòa Bình" }).first().click();
      await page.waitForURL(/don-vi\/00123\/index\.html$/);
      await expect(page.locator("h1").textContent()).resolves.toBe("Phường Hòa Bình");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("finds a unit typed without diacritics", async () => {
    const { page, close } = await open("tim-kiem/index.html?q=hoa+binh");
    try {
      const results = page.locator("#search-results");
      await expect.poll(() => results.getByRole("link", { name: "Phường Hòa Bình" }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it("shows the status table and the report without JavaScript, and data from a narrative as text", async () => {
    const home = await open(pages.home, { js: false });
    try {
      await expect(home.page.locator('tr[data-level="commune"]').isVisible()).resolves.toBe(true);
    } finally {
      await home.close();
    }
    const unit = await open(pages.commune, { js: false });
    try {
      const text = (await unit.page.locator("main").textContent()) ?? "";
      expect(text).toContain("I. ĐẶC ĐIỂM TÌNH HÌNH");
      expect(text).toContain("<script>alert(1)</script>");
      expect(await unit.page.locator("main script, main img").count()).toBe(0);
      expect(unit.problems).toEqual([]);
    } finally {
      await unit.close();
    }
  });
});

// Golden site data: what a user downloads (status table, a district's and a commune's values, in
// both CSV variants and JSON), from the small hand-made fixture, so a reviewer reads the diff.
describe("the site's data downloads (golden files)", () => {
  const files = ["tinh-trang-bao-cao.csv", "tinh-trang-bao-cao.excel-vi.csv", "901.json", "901.csv", "00123.csv", "00123.excel-vi.csv"];
  it.each(files)("data/%s matches its golden file", async (name) => {
    const text = readFileSync(join(out, "data", name), "utf8");
    await expect(text).toMatchFileSnapshot(`./__golden__/site-data/${name}`);
  });
});

/**
 * The home page's answers computed straight from the data folder's YAML: deadlines from plan.yaml
 * through each level's deadline_item, statuses and dates from the report files, the poverty rate
 * as Σ poor ÷ Σ households of the submitted commune reports (the fixture's one complete district;
 * the other district has no submitted report), reduction per year over the periods' years.
 */
function answersFromYaml(data: string) {
  const y = (rel: string) => parse(readFileSync(join(data, rel), "utf8")) as Record<string, unknown>;
  const project = y("project.yaml") as { as_of: string; levels: { id: string; deadline_item: string }[]; periods: { id: string; years: number }[]; targets: { poverty_reduction: [number, number]; province?: { poverty_reduction: [number, number] }; below_rate_ok: number | null } };
  const deadlines = new Map<string, string>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === "object") {
      const r = o as Record<string, unknown>;
      if (typeof r.id === "string" && typeof r.deadline === "string") deadlines.set(r.id, r.deadline);
      Object.values(r).forEach(walk);
    }
  };
  walk(y("plan.yaml"));
  const units = [...(y("units.yaml").units as Unit[]), ...(y("departments.yaml").units as Unit[])];
  type Unit = { code: string; name: string; level: string; parent: string | null };
  type Report = { unit: string; status: string; submitted_on: string | null; values: Record<string, Record<string, number>> };
  const reports = new Map<string, Report>();
  const readDir = (dir: string): void => {
    for (const e of readdirSync(join(data, dir), { withFileTypes: true })) {
      if (e.isDirectory()) readDir(join(dir, e.name));
      else if (e.name.endsWith(".yaml")) { const r = y(join(dir, e.name)) as unknown as Report; reports.set(r.unit, r); }
    }
  };
  readDir("reports");
  const deadlineOf = (level: string) => deadlines.get(project.levels.find((l) => l.id === level)!.deadline_item)!;
  const submitted = (r: Report | undefined) => r?.status === "da_nop" || r?.status === "da_duyet";
  const asOf = String(project.as_of);
  const overdue = units.filter((u) => !submitted(reports.get(u.code)) && asOf > deadlineOf(u.level)).map((u) => u.name).sort();
  const late = units.filter((u) => submitted(reports.get(u.code)) && String(reports.get(u.code)!.submitted_on) > deadlineOf(u.level)).map((u) => u.name).sort();
  const pct = (n: number, d: number) => `${Math.round((100 * n) / d)}%`;
  const submittedShare: Record<string, string> = {};
  const approvedShare: Record<string, string> = {};
  for (const l of project.levels) {
    const us = units.filter((u) => u.level === l.id);
    submittedShare[l.id] = pct(us.filter((u) => submitted(reports.get(u.code))).length, us.length);
    approvedShare[l.id] = pct(us.filter((u) => reports.get(u.code)?.status === "da_duyet").length, us.length);
  }
  const periods = project.periods;
  const [first, last] = [periods[0]!.id, periods[periods.length - 1]!.id];
  const years = periods.reduce((n, p) => n + p.years, 0);
  const rateOf = (codes: string[], period: string) => {
    const rs = codes.map((c) => reports.get(c)).filter((r) => submitted(r));
    return (100 * rs.reduce((n, r) => n + r!.values.ho_ngheo![period]!, 0)) / rs.reduce((n, r) => n + r!.values.ho_dan_cu![period]!, 0);
  };
  const communes = units.filter((u) => u.level === "commune").map((u) => u.code);
  const vi = (v: number) => v.toFixed(2).replace(".", ",");
  const [start, now] = [rateOf(communes, first), rateOf(communes, last)];
  const districts = units.filter((u) => u.level === "district");
  const offTarget = districts.filter((d) => {
    const kids = units.filter((u) => u.parent === d.code).map((u) => u.code);
    if (!kids.some((k) => submitted(reports.get(k)))) return false;
    // A district without a target of its own takes the province's; one already at or under the
    // low-rate threshold is not off target.
    const min = (project.targets.province ?? project.targets).poverty_reduction[0];
    const low = project.targets.below_rate_ok;
    return (rateOf(kids, first) - rateOf(kids, last)) / years < min && !(low !== null && rateOf(kids, last) <= low);
  }).length;
  return { overdue, late, submitted: submittedShare, approved: approvedShare, rateStart: `${vi(start)}%`, rateNow: `${vi(now)}%`, perYear: vi((start - now) / years), offTarget };
}
