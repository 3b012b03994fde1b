// Search on the bundled province's site, as a reader types place names without diacritics: the
// place itself comes first, before the communes and towns that merely carry its name or sit in
// it. The results show level, parent and status; the no-JS list names every unit. Every kind of
// page (home, district, commune, indicators, an indicator, plan, search results) passes axe at any
// impact at 390 and 1280 px. (The site is built once, with its charts but without DOCX files: see
// bundled-site.ts.)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteModel } from "../../scripts/lib/site/model.js";
import { fold } from "../../site/excerpt.js";
import { answersBottom, axeViolations, launchChromium, openPage } from "../helpers/browser.js";
import { buildDataSite } from "../helpers/bundled-site.js";
import { serveDir, type Served } from "../site/serve.js";
import { REPO } from "../check/fixture.js";

const base = mkdtempSync(join(tmpdir(), "site-search-"));
let model: SiteModel;
let server: Served;
let browser: Browser;

beforeAll(async () => {
  model = await buildDataSite(join(REPO, "data"), join(base, "site"), { charts: true });
  server = await serveDir(join(base, "site"));
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

const open = (path: string, opts: { js?: boolean; width?: number; height?: number } = {}) => openPage(browser, `${server.url}${path}`, opts);

describe("search on the bundled province", () => {
  it.each([
    ["doan hung", "Huyện Đoan Hùng"],
    ["ha hoa", "Huyện Hạ Hoà"],
    ["tan son", "Huyện Tân Sơn"],
    ["dong khe", "Xã Đông Khê"],
  ])("“%s” puts %s first, with its level, parent and status", async (q, name) => {
    const unit = model.units.find((u) => u.name === name);
    expect(unit, name).toBeDefined();
    const { page, problems, close } = await open(`tim-kiem/index.html?q=${encodeURIComponent(q)}`);
    try {
      const first = page.locator("#search-results > li").first();
      await expect.poll(() => first.locator("a").first().textContent(), { timeout: 15_000 }).toBe(name);
      const text = (await first.textContent()) ?? "";
      const level = model.levels.find((l) => l.id === unit!.level)!.name;
      const parent = model.units.find((u) => u.code === unit!.parent)!.name;
      expect(text).toContain(`${level} · ${parent}`);
      expect(text).toContain(model.labels.timeliness[unit!.timeliness]);
      await expect(page.locator("#search-status").textContent()).resolves.toMatch(/^Tìm thấy \d+ kết quả/);
      // The passage comes from the page's text: the accent-free names added for search stay out.
      const passage = first.locator(".excerpt");
      expect(await passage.count()).toBe(1);
      expect(await passage.textContent()).not.toContain(fold(name));
      expect(await passage.locator("mark").count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("“doan hung” lists the places inside Huyện Đoan Hùng before pages that only share its words", async () => {
    const district = model.units.find((u) => u.name === "Huyện Đoan Hùng")!;
    const { page, close } = await open("tim-kiem/index.html?q=doan+hung");
    try {
      const items = page.locator("#search-results > li");
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const inside = await items.evaluateAll((lis, name) => lis.map((li) => li.querySelector("a")!.textContent!.endsWith("Đoan Hùng") || (li.querySelector("p.small")?.textContent ?? "").endsWith(`· ${name}`)), district.name);
      expect(inside.filter(Boolean).length).toBe(district.children.length + 1);
      if (inside.includes(false)) expect(inside.lastIndexOf(true)).toBeLessThan(inside.indexOf(false));
    } finally {
      await close();
    }
  });

  it("requires every typed word: a known name with an unknown word finds nothing", async () => {
    const { page, close } = await open("tim-kiem/index.html?q=doan+xyzzy");
    try {
      await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 15_000 }).toBe("Không tìm thấy kết quả cho “doan xyzzy”.");
      expect(await page.locator("#search-results > li").count()).toBe(0);
    } finally {
      await close();
    }
  });

  // The district's map has 28 commune names over fills of four colours (its former centroid
  // labels failed color-contrast at both widths); the commune page shows its place on that map.
  it.each(["index.html", "don-vi/230/index.html", "don-vi/08053/index.html", "chi-so/index.html", "chi-so/ty_le_ho_ngheo/index.html", "ke-hoach/index.html", "tim-kiem/index.html?q=ha+hoa"])(
    "passes axe at any impact on the bundled %s at phone and desktop widths",
    async (path) => {
      for (const width of [390, 1280]) {
        const { page, problems, close } = await open(path, { width });
        try {
          if (path.includes("?q=")) await expect.poll(() => page.locator("#search-results > li").count(), { timeout: 15_000 }).toBeGreaterThan(0);
          expect(await axeViolations(page), `${path} at ${width} px`).toEqual([]);
          expect(problems).toEqual([]);
        } finally {
          await close();
        }
      }
    },
  );

  it("shows the three answers on a phone's first screen under the browser's bars (390 × 664)", async () => {
    const { page, close } = await open("index.html", { width: 390, height: 664 });
    try {
      expect(await answersBottom(page)).toBeLessThanOrEqual(664);
    } finally {
      await close();
    }
  });

  it("folds the district's report behind its table of contents: a phone page a little over half as long", async () => {
    const { page, close } = await open("don-vi/230/index.html", { width: 390 });
    try {
      const sections = page.locator("article.report > details.report-section");
      expect(await sections.count()).toBe(4);
      expect(await page.locator("article.report > details.report-section[open]").count()).toBe(0);
      // Unfolded, the report, the chart tables and the commune table made this page 22.027 px tall.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(14_000);
      await page.locator(".toc a", { hasText: "III. ĐÁNH GIÁ CHUNG" }).click();
      await expect.poll(() => sections.nth(2).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.locator("#muc-8").isVisible()).toBe(true);
    } finally {
      await close();
    }
  });

  it("lists every unit without JavaScript, communes under their district", async () => {
    const { page, close } = await open("tim-kiem/index.html", { js: false });
    try {
      const links = await page.locator('section[aria-labelledby="h-browse"] a').allTextContents();
      expect(new Set(links)).toEqual(new Set(model.units.map((u) => u.name)));
      const district = model.units.find((u) => u.name === "Huyện Đoan Hùng")!;
      const under = page.locator('section[aria-labelledby="h-browse"] h3', { hasText: district.name }).locator("xpath=following-sibling::ul[1]//a");
      expect((await under.allTextContents()).sort()).toEqual(district.children.map((c) => model.units.find((u) => u.code === c)!.name).sort());
    } finally {
      await close();
    }
  });

  it.each(["index.html", "don-vi/230/index.html", "don-vi/08053/index.html"])("%s fits a 390 px phone without sideways scrolling", async (path) => {
    const { page, close } = await open(path, { width: 390 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await close();
    }
  });
});
