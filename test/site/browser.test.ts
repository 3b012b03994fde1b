// The fixture site in real Chromium: clean loads, axe (WCAG 2 A/AA), navigation, search without
// diacritics, the site without JavaScript, no sideways scrolling at 390 px, screenshots.
// Needs /usr/bin/chromium: scripts/setup-system.sh installs it.

import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { axeViolations, launchChromium, openPage } from "../helpers/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltFixture, buildFixture, SUBPATH } from "./build-fixture.js";
import { serveDir, type Served } from "./serve.js";

const SHOTS = join(process.cwd(), "test-output", "screenshots");
const PAGES = {
  home: "index.html",
  district: "don-vi/901/index.html",
  commune: "don-vi/90102/index.html",
  indicators: "chi-so/index.html",
  indicator: "chi-so/ty_le_ho_ngheo/index.html",
  plan: "ke-hoach/index.html",
  about: "gioi-thieu/index.html",
  search: "tim-kiem/index.html?q=dong+phong",
} as const;

let site: BuiltFixture;
let server: Served;
/** The site is served under a sub-path, like a GitHub Pages project site. */
let siteUrl: string;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixture();
  server = await serveDir(site.base);
  siteUrl = `${server.url}${SUBPATH}/`;
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site.base, { recursive: true, force: true });
});

const open = (path: string, opts: { width?: number; height?: number; js?: boolean } = {}) =>
  openPage(browser, path.startsWith("file:") ? path : siteUrl + path, { ...opts, warnings: true });

describe("fixture site in Chromium", () => {
  it.each(Object.entries(PAGES))("%s loads cleanly and axe finds no violation of any impact", async (_name, path) => {
    const { page, problems, close } = await open(path);
    try {
      expect(await page.locator("html").getAttribute("lang")).toBe("vi");
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("lets a visitor go from the home page to a district and on to a commune", async () => {
    const { page, problems, close } = await open(PAGES.home);
    try {
      await page.locator("#district-table").getByRole("link", { name: "Huyện Đồng Hưng" }).click();
      await page.waitForURL(/don-vi\/901\/index\.html$/);
      await expect(page.locator("h1").textContent()).resolves.toBe("Huyện Đồng Hưng");
      await page.locator("#children-table").getByRole("link", { name: "Xã Đông Phong" }).click();
      await page.waitForURL(/don-vi\/90102\/index\.html$/);
      await expect(page.locator("h1").textContent()).resolves.toBe("Xã Đông Phong");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("finds units typed without diacritics, inline and on the search page", async () => {
    const { page, problems, close } = await open(PAGES.home);
    try {
      await page.locator("#site-q").fill("dong hung");
      const popup = page.locator(".search-popup");
      await expect.poll(() => popup.getByRole("link", { name: "Huyện Đồng Hưng" }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.locator("#site-q").press("Enter");
      await page.waitForURL(/tim-kiem\/index\.html\?q=dong\+hung$/);
      const results = page.locator("#search-results");
      await expect.poll(() => results.getByRole("link", { name: "Huyện Đồng Hưng" }).count(), { timeout: 10_000 }).toBe(1);
      await results.getByRole("link", { name: "Huyện Đồng Hưng" }).click();
      await page.waitForURL(`${siteUrl}don-vi/901/index.html`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("finds a commune and a district whose pages sit in different search bundles, each bundle loaded once from the sub-path", async () => {
    const { page, problems, close } = await open(PAGES.home);
    const fetched: string[] = [];
    page.context().on("request", (r) => {
      if (r.url().startsWith(`${siteUrl}pagefind/`)) fetched.push(new URL(r.url()).pathname.slice(`/${SUBPATH}/pagefind/`.length));
    });
    try {
      const popup = page.locator(".search-popup");
      // Xã Hòa Bình (90203) is in Thị xã Mẫu Sơn's bundle, Huyện Đồng Hưng (901) in its own.
      await page.locator("#site-q").fill("hoa binh");
      await expect.poll(() => popup.getByRole("link", { name: "Xã Hòa Bình" }).count(), { timeout: 10_000 }).toBe(1);
      await page.locator("#site-q").fill("dong hung");
      await expect.poll(() => popup.getByRole("link", { name: "Huyện Đồng Hưng" }).count(), { timeout: 10_000 }).toBe(1);
      expect(await popup.getByRole("link", { name: "Huyện Đồng Hưng" }).getAttribute("href")).toBe(`${siteUrl}don-vi/901/index.html`);
      const listed = (await (await page.request.get(`${siteUrl}pagefind/bundles.json`)).json()) as { bundles: string[] };
      expect(listed.bundles).toEqual(["site", "u-901", "u-902", "u-99-LDTBXH", "u-99-YT"]);
      const count = (path: string) => fetched.filter((f) => f === path).length;
      expect(count("bundles.json")).toBe(1);
      expect(count("site/pagefind.js")).toBe(1);
      expect(fetched.filter((f) => f.startsWith("site/wasm."))).toHaveLength(1);
      for (const b of listed.bundles) expect(count(`${b}/pagefind-entry.json`), b).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("tries the search index again after a failed load, instead of keeping the failure until the page is reloaded", async () => {
    const { page, close } = await open(PAGES.home);
    let refused = 0;
    await page.route(`${siteUrl}pagefind/bundles.json`, (route) => (refused++ === 0 ? route.abort("connectionreset") : route.continue()));
    try {
      const popup = page.locator(".search-popup");
      await page.locator("#site-q").fill("dong hung");
      await expect.poll(() => refused, { timeout: 10_000 }).toBe(1);
      await expect.poll(() => popup.isHidden(), { timeout: 10_000 }).toBe(true);
      await page.locator("#site-q").fill("dong hun");
      await expect.poll(() => popup.getByRole("link", { name: "Huyện Đồng Hưng" }).count(), { timeout: 10_000 }).toBe(1);
      expect(refused).toBe(2);
    } finally {
      await close();
    }
  });

  it("keeps chart text at 12 px or more on a 390 px phone", async () => {
    const { page, close } = await open(PAGES.district, { width: 390, height: 844 });
    try {
      const sizes = await page.locator(".chart-svg svg").evaluateAll((svgs) =>
        svgs.map((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return Math.min(...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
        }),
      );
      expect(sizes.length).toBeGreaterThan(3);
      for (const s of sizes) expect(s).toBeGreaterThanOrEqual(12);
    } finally {
      await close();
    }
  });

  it("filters a district's communes by status without JavaScript", async () => {
    const { page, close } = await open(`${PAGES.district}#loc-missing`, { js: false });
    try {
      const rows = page.locator("#children-table tbody tr");
      const visible = async () => (await rows.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).map((tr) => (tr as HTMLElement).dataset.unit))).sort();
      expect(await visible()).toEqual(["90103"]);
      await page.getByRole("link", { name: /^Đã duyệt \(1\)$/ }).click();
      expect(await visible()).toEqual(["90101"]);
      await page.getByRole("link", { name: /^Tất cả \(3\)$/ }).click();
      expect(await visible()).toEqual(["90101", "90102", "90103"]);
    } finally {
      await close();
    }
  });

  it("announces the number of results to screen readers as the visitor types", async () => {
    const { page, close } = await open(PAGES.home);
    try {
      await page.locator("#site-q").fill("dong hung");
      const live = page.locator('.search-form [aria-live="polite"]');
      await expect.poll(() => live.textContent(), { timeout: 10_000 }).toMatch(/^\d+ kết quả$/);
    } finally {
      await close();
    }
  });

  it("switches the map colouring with JS, and shows both maps without it", async () => {
    const withJs = await open(PAGES.home);
    try {
      const rateMap = withJs.page.locator('figure.map[data-kind="rate"]');
      await expect(rateMap.isVisible()).resolves.toBe(false);
      await withJs.page.getByRole("radio", { name: "Tỷ lệ hộ nghèo" }).check();
      await expect(rateMap.isVisible()).resolves.toBe(true);
      await expect(withJs.page.locator('figure.map[data-kind="status"]').isVisible()).resolves.toBe(false);
    } finally {
      await withJs.close();
    }
    const noJs = await open(PAGES.home, { js: false });
    try {
      await expect(noJs.page.locator("figure.map").count()).resolves.toBe(2);
      for (const f of await noJs.page.locator("figure.map").all()) await expect(f.isVisible()).resolves.toBe(true);
    } finally {
      await noJs.close();
    }
  });

  it("works without JavaScript: status tables on the home page, the report on a unit page", async () => {
    const home = await open(PAGES.home, { js: false });
    try {
      await expect(home.page.locator("#level-table").isVisible()).resolves.toBe(true);
      await expect(home.page.locator('#level-table tr[data-level="commune"] [data-count="missing"]').textContent()).resolves.toBe("2");
      await expect(home.page.locator("#district-table").isVisible()).resolves.toBe(true);
      expect(home.problems).toEqual([]);
    } finally {
      await home.close();
    }
    const unit = await open(PAGES.commune, { js: false });
    try {
      const report = unit.page.locator("article.report");
      await expect(report.isVisible()).resolves.toBe(true);
      await expect(report.textContent()).resolves.toContain("KẾT QUẢ THỰC HIỆN");
      await expect(report.textContent()).resolves.toContain("<script>alert(1)</script>");
    } finally {
      await unit.close();
    }
  });

  it("folds the report's sections behind the table of contents, with and without JavaScript", async () => {
    const js = await open(PAGES.commune, { width: 390 });
    try {
      const first = js.page.locator("details.report-section").first();
      expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await js.page.locator("details.report-section p").first().isVisible()).toBe(false);
      // A table-of-contents link to a section's own heading opens that section.
      await js.page.locator(".toc a").first().click();
      await expect.poll(() => first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await js.page.locator("details.report-section p").first().isVisible()).toBe(true);
      // Arriving with the address of a section opens it too.
      const last = await js.page.locator("details.report-section summary h2").last().getAttribute("id");
      await js.page.goto(`${siteUrl}${PAGES.commune}#${last}`);
      await expect.poll(() => js.page.locator("details.report-section").last().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(js.problems).toEqual([]);
    } finally {
      await js.close();
    }
    const plain = await open(PAGES.commune, { js: false });
    try {
      const first = plain.page.locator("details.report-section").first();
      await first.locator("summary").click();
      expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await first.locator("p").first().isVisible()).toBe(true);
    } finally {
      await plain.close();
    }
  });

  it("opens from file:// with its styles and script", async () => {
    const { page, problems, close } = await open(`file://${site.dir}/don-vi/901/index.html`);
    try {
      const header = await page.locator(".site-header").evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(header).toBe("rgb(29, 53, 87)");
      await expect(page.evaluate(() => document.documentElement.classList.contains("js"))).resolves.toBe(true);
      await page.locator("#children-table").getByRole("link", { name: "Xã Đông Phong" }).click();
      await page.waitForURL(/don-vi\/90102\/index\.html$/);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    ["home", PAGES.home],
    ["district", PAGES.district],
    ["commune", PAGES.commune],
  ])("%s fits 390 px without sideways scrolling; screenshots", async (name, path) => {
    for (const [width, height] of [[390, 844], [1280, 900]] as const) {
      const { page, problems, close } = await open(path, { width, height });
      try {
        if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});
