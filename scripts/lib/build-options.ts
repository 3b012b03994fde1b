// The options of `check` and `build` (pipeline.ts) and of the build's steps (build-steps.ts).
import type { CheckOptions } from "./check.js";

export interface CheckRunOptions extends CheckOptions {
  dataDir: string;
  schemaDir: string;
  cwd?: string;
}

export interface BuildOptions extends CheckRunOptions {
  outDir: string;
  templateDir: string;
  /** Also build the website (default true). */
  site?: boolean;
  /** Worker threads for DOCX packing; 0 packs in-process (tests). */
  workers?: number;
  /** Levels whose unit pages carry charts (default: all when ≤ 2 000 units, else the top two). */
  chartLevels?: string[];
  /** Progress of the long phases (see progress.ts): phase name, items done, items in all. */
  progress?: (phase: string, done: number, total: number) => void;
  /** A folder kept between builds: the parse cache and the last output's documents and workbooks. */
  cacheDir?: string;
  /** Where to keep the parse cache (cache/parse-cache.ts) when there is no `cacheDir` (the command
   *  line: .cache/build/<output>/), so that a rebuild parses only the files that changed. */
  parseCacheDir?: string;
  /** Why a previous output or cache entry was not reused (one line each). */
  warn?: (line: string) => void;
  /** Build only the documents and input workbooks of one slice of the tree, no site (see shardUnits). */
  shard?: Shard;
  /** Assemble one output from shards' outputs: every document and workbook is copied from them (a
   *  missing one is an error: a shard did not run), and the site is built. */
  mergeFrom?: readonly string[];
  /** Stop early when the output was made from the same inputs and is intact (default true). */
  shortCircuit?: boolean;
  /** Keep a unit's documents and page, without computing them, when its input key did not change
   *  (write/input-keys.ts; default true; false: every model and view is computed and keyed). */
  keepByInput?: boolean;
}

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}
