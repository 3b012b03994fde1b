// One Vite build of the client assets (site/main.ts and the CSS it imports), whatever the number
// of pages: pages are written by our own code and link the hashed files found in the manifest.
//
// The bundle is emitted as an ES file that has no import/export statement, and is loaded with a
// classic `<script defer>`: module scripts are refused on file:// pages, classic ones are not.
//
// Vite (and rolldown's native binding under it) is loaded only here, when the assets are built: a
// rebuild that reuses the previous assets (`startAssets`, below) never loads it.

import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { repoPath } from "../files/repo-root.js";
import { contentKey } from "../write/code-version.js";
import type { OutputWriter } from "../write/output-dir.js";

export const ASSETS_DIR = "static";

/** Paths of the built assets, relative to the site root. */
export interface BuiltAssets {
  js: string;
  css: string[];
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

/** The repository's site/ folder (client sources). */
export const SITE_SRC = repoPath("site");

export async function buildAssets(outDir: string, siteSrc = SITE_SRC): Promise<BuiltAssets> {
  const assetsOut = join(outDir, ASSETS_DIR);
  const { build } = await import("vite");
  await build({
    root: siteSrc,
    base: "./",
    configFile: false,
    publicDir: false,
    logLevel: "warn",
    clearScreen: false,
    build: {
      outDir: assetsOut,
      emptyOutDir: true,
      assetsDir: ".",
      manifest: true,
      modulePreload: false,
      copyPublicDir: false,
      target: "es2020",
      rolldownOptions: { input: { main: join(siteSrc, "main.ts") } },
    },
  });
  const manifestPath = join(assetsOut, ".vite", "manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, ManifestChunk>;
  await rm(join(assetsOut, ".vite"), { recursive: true, force: true });
  const entry = manifest["main.ts"];
  if (!entry?.isEntry) throw new Error("site: Vite manifest has no entry for main.ts");
  if ((entry.imports?.length ?? 0) > 0) {
    throw new Error("site: main.ts was split into chunks; the classic-script loader needs one file");
  }
  const js = await readFile(join(assetsOut, entry.file), "utf8");
  const code = js.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '""');
  if (/(^|[;}\s])(import\s*(\{|\*|""|[\w$]+\s+from)|export\s*(\{|\*|(default|const|let|var|function|class)\b))/.test(code)) {
    throw new Error("site: the client bundle has import/export statements; it must load as a classic script");
  }
  return { js: `${ASSETS_DIR}/${entry.file}`, css: (entry.css ?? []).map((f) => `${ASSETS_DIR}/${f}`) };
}

/** The assets of a previous build from the paths of its files (one script, at most one style
 *  sheet: the order of several could not be told), or null. */
export function assetsFrom(paths: readonly string[]): BuiltAssets | null {
  const ours = paths.filter((p) => p.startsWith(`${ASSETS_DIR}/`));
  const js = ours.filter((p) => p.endsWith(".js"));
  const css = ours.filter((p) => p.endsWith(".css"));
  if (ours.length !== paths.length || js.length !== 1 || css.length > 1) return null;
  return { js: js[0]!, css };
}

/** Vite's build of the client assets (keyed by the code version when given), to await in buildSite's
 *  `assets`: a build starts it before its documents, since it depends on nothing else. */
export function startAssets(writer: OutputWriter, code: string | undefined, siteSrc = SITE_SRC): Promise<BuiltAssets> {
  return siteAssets(writer, code === undefined ? undefined : contentKey(code, "site-assets", siteSrc), siteSrc);
}

/** Vite's build of the client assets, or its files copied from a previous output of the same code. */
async function siteAssets(writer: OutputWriter, key: string | undefined, siteSrc: string): Promise<BuiltAssets> {
  const old = key === undefined ? [] : writer.recorded(key);
  const known = assetsFrom(old);
  if (key !== undefined && known && writer.reuse(key, old)) return known;
  const assets = await buildAssets(writer.root, siteSrc);
  writer.adopt(ASSETS_DIR, key);
  return assets;
}
