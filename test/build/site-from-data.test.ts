// The site as `build` writes it from a data folder (the other-province fixture), in Chromium:
// the home page, a district and a commune load cleanly and pass axe; a visitor clicks from home
// to the district and on to the commune; search finds a unit typed without diacritics; without
// JavaScript the status table and the report still show; a narrative holding HTML shows as text.
// Screenshots at phone and desktop widths go to test-output/screenshots/ (not committed).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, openPage, seriousAxe } from "../helpers/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDir, type Served } from "../site/serve.js";
import type { Fixture } from "../check/fixture.js";
import { buildFixture, makeFixture } from "./build-fixture.js";

const SHOTS = join(process.cwd(), "test-output", "screenshots");
const HOSTILE = "Dân <script>alert(1)</script> và <img src=x onerror=alert(2)> góp ý.";
let fx: Fixture;
let server: Served;
let browser: Browser;

beforeAll(async () => {
  fx = makeFixture();
  fx.edit("reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml", /su_tham_gia: \|\n.*\n/, `su_tham_gia: |\n    ${HOSTILE}\n`);
  const { out, result } = await buildFixture(fx);
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

const open = (path: string, opts: { width?: number; js?: boolean } = {}) => openPage(browser, `${server.url.replace(/\/$/, "")}/${path}`, opts);

describe("the site built from data, in Chromium", () => {
  const pages = { home: "index.html", district: "don-vi/901/index.html", commune: "don-vi/00123/index.html" };
  it.each(Object.entries(pages))("%s loads with no console error, no failed request and no serious axe violation", async (name, path) => {
    for (const width of [390, 1280]) {
      const { page, problems, close } = await open(path, { width });
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (width === 1280) expect(await seriousAxe(page)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `data-${name}-${width}.png`), fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
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
