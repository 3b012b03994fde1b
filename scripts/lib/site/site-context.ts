// What buildSite's writing steps share (build-site.ts, unit-files.ts): the options and the context.
import type { OutputWriter } from "../write/output-dir.js";
import type { loadTemplates } from "./hbs.js";
import type { LevelId, SiteModel } from "./model.js";
import type { RenderPool } from "./render-pool.js";
import type { BuiltAssets } from "./assets.js";
import type { SiteIndex } from "./views-common.js";

export interface BuildSiteOptions {
  /** Levels whose unit pages carry ECharts charts (about 10 ms per chart); default: every level. */
  chartLevels?: LevelId[];
  /** Threads drawing the unit pages' charts while this one writes the pages (0: drawn here; chart-pool.ts). */
  chartWorkers?: number;
  /** The build's threads (site/render-pool.ts): they draw the charts, instead of `chartWorkers` of the
   *  site's own, and this thread helps them whenever it waits for them. */
  renderPool?: Pick<RenderPool, "chart" | "helpUntil" | "sheets">;
  /** Settles when every document and workbook the site links to is written (their sizes are measured then). */
  filesWritten?: Promise<unknown>;
  /** The client assets, when their build was started earlier (startAssets): it depends only on the code. */
  assets?: Promise<BuiltAssets>;
  /** Build the pagefind index (default true). */
  search?: boolean;
  /** Progress and timing messages. */
  log?: (message: string) => void;
  /** The code version (write/code-version.ts): with it, every file is keyed by content address and
   *  reused from a previous output when its key did not change; without it, all is rendered. */
  code?: string;
  /** Each unit's input key (write/input-keys.ts), recorded with its page. */
  unitInputs?: ReadonlyMap<string, string>;
  /** Keep a page whose input key a previous output recorded, without computing its view (default true). */
  keepByInput?: boolean;
  /** The report body of a unit whose model left it out (its documents were kept), computed on demand. */
  reportHtml?: ReadonlyMap<string, () => string | null>;
  /** Where map geometry and label places are kept between builds (map-memo.ts); none: computed. */
  mapMemo?: string;
  /** One line per ignored memo file or entry. */
  warn?: (line: string) => void;
  /** Overrides for tests. */
  siteSrc?: string;
  templatesDir?: string;
}

export type Render = Awaited<ReturnType<typeof loadTemplates>>;
export type Content = string | Uint8Array;

/** What the writing steps share: the model, its index, the templates, and the keyed writer. */
export interface SiteContext {
  model: SiteModel;
  ix: SiteIndex;
  render: Render;
  writer: OutputWriter;
  code: string | undefined;
  /** Writes `path` from `make`, or copies it from a previous output made from the same inputs; returns its size. */
  put: (path: string, inputs: readonly unknown[], make: () => Content | Promise<Content>, input?: string) => Promise<number>;
  /** Copies `path` from a previous output that recorded it with the input key `input`; whether it did. */
  keep: (input: string, path: string) => boolean;
  /** The model's shared parts (everything but the units), hashed once. */
  shared: string;
  /** Keep the files whose input key a previous output recorded. */
  keepByInput: boolean;
  /** The client assets, as every page's layout prints them. */
  layout: string;
}
