// Shared by the Chromium tests: launch Debian's chromium, open a page collecting every problem a
// visitor could meet (console errors, page errors, failed requests, HTTP errors, dialogs), and
// run axe (WCAG 2 A/AA) for serious or critical violations.
import { existsSync } from "node:fs";
import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup-system.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface OpenOptions {
  width?: number;
  height?: number;
  js?: boolean;
  /** Count console warnings as problems too (default: errors only). */
  warnings?: boolean;
}

export async function openPage(browser: Browser, url: string, opts: OpenOptions = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, javaScriptEnabled: opts.js ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || (opts.warnings && m.type() === "warning")) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, problems, close: () => context.close() };
}

/** axe (WCAG 2 A/AA) violations of serious or critical impact. */
export async function seriousAxe(page: Page): Promise<string[]> {
  return axeViolations(page, ["serious", "critical"]);
}

/** axe (WCAG 2 A/AA and best practices) violations of the given impacts (default: any). */
export async function axeViolations(page: Page, impacts: string[] = ["minor", "moderate", "serious", "critical"]): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "best-practice"] }));
  return result.violations
    .filter((v) => impacts.includes(v.impact ?? ""))
    .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** The home page's three answer tiles: how far down the page the lowest of them ends (px). */
export async function answersBottom(page: Page): Promise<number> {
  let bottom = 0;
  for (const id of ["#answer-late", "#answer-progress", "#answer-poverty"]) {
    const box = await page.locator(id).boundingBox();
    if (!box) throw new Error(`${id} is not shown`);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return bottom;
}
