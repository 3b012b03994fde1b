// DOCX → PDF with LibreOffice (headless, a fresh profile per run so parallel runs don't collide),
// and poppler helpers to read the PDF back: its text and its page sizes in points.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

function has(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** True when soffice, pdfinfo and pdftotext are on PATH (scripts/setup-system.sh installs them). */
export function pdfToolsAvailable(): boolean {
  return has("soffice") && has("pdfinfo") && has("pdftotext");
}

/**
 * Make sure the PDF tools are there: when one is missing, run scripts/setup-system.sh (idempotent,
 * installs LibreOffice, Liberation fonts and poppler on Debian); throws if they are still missing.
 */
export function ensurePdfTools(): void {
  if (pdfToolsAvailable()) return;
  const script = fileURLToPath(new URL("../../scripts/setup-system.sh", import.meta.url));
  try {
    execFileSync("bash", [script], { stdio: "inherit", timeout: 900_000 });
  } catch (e) {
    throw new Error(`PDF tools missing and scripts/setup-system.sh failed: ${(e as Error).message}`);
  }
  if (!pdfToolsAvailable()) throw new Error("soffice, pdfinfo or pdftotext still missing after scripts/setup-system.sh");
}

/** Convert a DOCX to PDF in outDir; returns the PDF path. Throws with LibreOffice's output on failure. */
export function docxToPdf(docxPath: string, outDir: string): string {
  return convertDocx(docxPath, outDir, "pdf");
}

/** Convert a DOCX to ODT in outDir (LibreOffice's own model: headings become text:h with an outline level). */
export function docxToOdt(docxPath: string, outDir: string): string {
  return convertDocx(docxPath, outDir, "odt");
}

function convertDocx(docxPath: string, outDir: string, format: "pdf" | "odt"): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    const args = [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      format,
      "--outdir",
      outDir,
      docxPath,
    ];
    let log = "";
    try {
      log = execFileSync("soffice", args, { encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`soffice failed: ${err.message}\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
    }
    const out = join(outDir, `${basename(docxPath, extname(docxPath))}.${format}`);
    if (!existsSync(out)) throw new Error(`soffice produced no ${format.toUpperCase()} for ${docxPath}:\n${log}`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The PDF's text (pdftotext, reading order, UTF-8), of the whole file or of one page (1-based). */
export function pdfText(pdfPath: string, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return execFileSync("pdftotext", ["-enc", "UTF-8", ...range, pdfPath, "-"], { encoding: "utf8" });
}

/** Width and height of every page, in points. */
export function pdfPageSizes(pdfPath: string): { w: number; h: number }[] {
  const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? "0");
  if (pages === 0) return [];
  const sizes = execFileSync("pdfinfo", ["-f", "1", "-l", String(pages), pdfPath], { encoding: "utf8" });
  const out: { w: number; h: number }[] = [];
  for (const m of sizes.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gm)) {
    out.push({ w: Number(m[1]), h: Number(m[2]) });
  }
  return out;
}

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of one page (1-based) with its box in points, origin top-left (pdftotext -bbox). */
export function pdfWordBoxes(pdfPath: string, page: number): WordBox[] {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), pdfPath, "-"], { encoding: "utf8" });
  const out: WordBox[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
  }
  return out;
}
