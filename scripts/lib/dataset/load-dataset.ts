// The dataset: the data folder as load/ reads it, every YAML file parsed (parse/) and checked
// against its kind's schema (schema/), from the cache (cache/) or on worker threads
// (parse-pool.ts) for many report files, then assembled into the typed Dataset. Every problem
// becomes a diagnostic; nothing throws on bad data. Cross-file rules run later (validate/) on it.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticAt } from "../diagnostics/make.js";
import type { Plan } from "../model/plan.js";
import type { Plausibility } from "../model/plausibility.js";
import type {
  FormSpec,
  IndicatorCatalogue,
  Outline,
  Programme,
  Project,
  ReportFile,
  Unit,
  UnitsFile,
} from "../model/types.js";
import type { ParsedFile, SourceFile } from "../parse/parse-yaml.js";
import type { FileKind, Validators } from "../schema/schemas.js";
import { UNIT_LISTS_FILE, cacheContext, openParseCache, type ParseCache } from "../cache/parse-cache.js";
import { DEFAULT_VALIDATOR_STORE, storedValidators } from "../cache/validator-store.js";
import type { FileOutcome } from "./parse-file.js";
import { closeParsePool, parseHere, parseInWorkers, parseWorkersFor, startParsePool, type ParsePool, type SchemaSource } from "./parse-pool.js";
import { readTree, type SourceTree } from "../load/read-tree.js";

import type { Dataset, LoadedReport, Published } from "../model/dataset.js";

export type { Dataset, LoadedReport, Published };

export interface LoadResult {
  /** Null when a file every rule depends on is missing or invalid. */
  dataset: Dataset | null;
  diagnostics: Diagnostic[];
  /** Number of YAML files read. */
  fileCount: number;
  /** Every parsed file by data-relative path (also when the dataset could not be assembled). */
  files: Map<string, ParsedFile>;
  /** Why the parse cache, or some of its entries, were ignored (for stderr; not diagnostics of the data). */
  cacheWarnings?: string[];
}

const SINGLE: Record<string, FileKind> = {
  "project.yaml": "project",
  "units.yaml": "units",
  "departments.yaml": "departments",
  "unit-flags.yaml": "unit_flags",
  "plan.yaml": "plan",
  "about.yaml": "about",
  "published.yaml": "published",
  "catalogue/indicators.yaml": "indicators",
  "catalogue/programme.yaml": "programme",
  "catalogue/outline.yaml": "outline",
  "catalogue/plausibility.yaml": "plausibility",
};
const REQUIRED: FileKind[] = ["project", "units", "plan", "indicators", "programme", "outline"];

export function classify(rel: string): FileKind | null {
  if (SINGLE[rel]) return SINGLE[rel];
  if (/^forms\/[^/]+\.ya?ml$/.test(rel)) return "form";
  if (/^reports\/.+\.ya?ml$/.test(rel)) return "report";
  return null;
}

export interface LoadOptions {
  /** Worker threads parsing report files: default by their number (parse-pool.ts); 0 parses on this thread. */
  workers?: number;
  /** Called as report files are parsed: (done, total). */
  progress?: (done: number, total: number) => void;
  /** False: with workers, this thread leaves every report file to them (tests of the worker path). */
  mainParses?: boolean;
  /** Folder of the parse cache (parse-cache.ts) and of the stored validators (its validators/
   *  folder); by default no parse cache, and the validators in the project's .cache/validators/. */
  cacheDir?: string;
}

/** The schemas, and where their validators' stored code is kept (cache/validator-store.ts). */
const schemaSource = (schemaDir: string, opts: LoadOptions): SchemaSource => ({ schemaDir, storeDir: opts.cacheDir ? join(opts.cacheDir, "validators") : DEFAULT_VALIDATOR_STORE });

/** How many report files the folder holds, counted from its listing alone (the files are not read). */
function countReportFiles(dataDir: string): number {
  try {
    return readdirSync(join(dataDir, "reports"), { recursive: true }).filter((f) => /\.ya?ml$/i.test(String(f))).length;
  } catch {
    return 0;
  }
}

/** Parse workers started before the folder is read, so they are ready when the report files are
 *  (they load the parser and the validators meanwhile); none with a cache, whose hits decide
 *  how many files are left to parse. */
function earlyPool(dataDir: string, schemas: SchemaSource, opts: LoadOptions): ParsePool | null {
  if (opts.cacheDir) return null;
  const size = opts.workers ?? parseWorkersFor(countReportFiles(dataDir));
  return size > 0 ? startParsePool(schemas, size) : null;
}

function parseReports(sources: SourceFile[], schemas: SchemaSource, validators: Validators, unitCodes: ReadonlySet<string>, opts: LoadOptions, pool: ParsePool | null, warnings: string[], opened: ParseCache[]): Map<string, FileOutcome> {
  const cache = opts.cacheDir ? openParseCache(opts.cacheDir, cacheContext(schemas.schemaDir, unitCodes)) : null;
  if (cache) opened.push(cache);
  const out = new Map<string, FileOutcome>();
  const missing: SourceFile[] = [];
  for (const s of sources) {
    const hit = cache?.get(s);
    if (hit) out.set(s.rel, hit);
    else missing.push(s);
  }
  const cached = out.size;
  const progress = (done: number) => opts.progress?.(cached + done, sources.length);
  const workers = pool ? pool.workers.length : (opts.workers ?? parseWorkersFor(missing.length));
  if (workers > 0 && missing.length > 0) {
    for (const [rel, o] of parseInWorkers(missing, schemas, validators, unitCodes, workers, { ...opts, progress, ...(pool ? { pool } : {}) })) out.set(rel, o);
  } else {
    missing.forEach((s, i) => {
      out.set(s.rel, parseHere(s, validators, unitCodes));
      progress(i + 1);
    });
  }
  if (cache) {
    for (const s of missing) cache.put(s, out.get(s.rel)!);
    cache.save();
    warnings.push(...cache.warnings);
  }
  return out;
}

/** Every file parsed and checked against its schema, the valid ones by kind. */
interface ParsedTree {
  byKind: Map<FileKind, { file: ParsedFile; data: unknown }[]>;
  files: Map<string, ParsedFile>;
  invalidReports: Dataset["invalidReports"];
  diagnostics: Diagnostic[];
  cacheWarnings: string[];
}

/** The unit lists (a nation's units.yaml is 1,7 MB: ≈ 0,4 s to parse and validate), from a cache of
 *  their own with --cache, made for no unit codes, and written anew (`save`, once they are read) as
 *  soon as an entry goes unused (an edited list's old entry is not kept). Only a valid file's outcome
 *  is kept there: the unit codes read so far only change the messages of an invalid one
 *  (schema-errors.ts). */
function unitListParser(schemas: SchemaSource, opts: LoadOptions, validators: Validators, unitCodes: ReadonlySet<string>, warnings: string[], opened: ParseCache[]) {
  const cache = opts.cacheDir ? openParseCache(opts.cacheDir, cacheContext(schemas.schemaDir, new Set()), UNIT_LISTS_FILE, 0) : null;
  if (cache) opened.push(cache);
  let saved = false;
  return {
    parse(source: SourceFile, kind: FileKind | null): FileOutcome {
      const hit = cache?.get(source);
      if (hit?.valid) return hit;
      const outcome = parseHere(source, validators, unitCodes, kind);
      if (outcome.valid) cache?.put(source, outcome);
      return outcome;
    },
    save(): void {
      if (!cache || saved) return;
      saved = true;
      cache.save();
      warnings.push(...cache.warnings);
    },
  };
}

/** `opened`: the parse caches opened, for the caller to close (a cache holds its file open until saved). */
function parseTree(tree: SourceTree, schemas: SchemaSource, opts: LoadOptions, pool: ParsePool | null, opened: ParseCache[]): ParsedTree {
  const diagnostics: Diagnostic[] = [...tree.diagnostics];
  const cacheWarnings: string[] = [];
  const { validators, warning } = storedValidators(schemas.schemaDir, schemas.storeDir);
  if (warning) cacheWarnings.push(warning);
  const byKind = new Map<FileKind, { file: ParsedFile; data: unknown }[]>();
  const files = new Map<string, ParsedFile>();
  // Unit lists first, so a schema error on a code that lost its leading zero can name the right
  // code; then every other file, parsed and validated one at a time (a report's syntax tree is
  // released straight away, so memory stays flat however many reports there are).
  const isUnitList = (rel: string) => classify(rel) === "units" || classify(rel) === "departments";
  const order = [...tree.files.filter((f) => isUnitList(f.rel)), ...tree.files.filter((f) => !isUnitList(f.rel))];
  const unitCodes = new Set<string>();
  const invalidReports: Dataset["invalidReports"] = [];
  const reportSources = order.filter((f) => classify(f.rel) === "report");
  let parsed: Map<string, FileOutcome> | null = null;
  const unitLists = unitListParser(schemas, opts, validators, unitCodes, cacheWarnings, opened);
  for (const source of order) {
    const kind = classify(source.rel);
    if (!isUnitList(source.rel)) unitLists.save();
    // Once the unit lists are read, every report file at once: from the cache, on workers, or here.
    if (kind === "report" && !parsed) parsed = parseReports(reportSources, schemas, validators, unitCodes, opts, pool, cacheWarnings, opened);
    const { file: p, schema, valid } = parsed?.get(source.rel) ?? (isUnitList(source.rel) ? unitLists.parse(source, kind) : parseHere(source, validators, unitCodes, kind));
    if (isUnitList(p.rel) && p.data) {
      for (const u of ((p.data as { units?: unknown[] }).units ?? []) as { code?: unknown }[]) if (typeof u?.code === "string") unitCodes.add(u.code);
    }
    files.set(p.rel, p);
    diagnostics.push(...p.diagnostics);
    if (!kind) {
      diagnostics.push(diagnosticAt("FILE_UNKNOWN_LOCATION", { file: p.path }, p.path, 0, 0));
      continue;
    }
    if (valid === null) continue;
    diagnostics.push(...schema);
    if (!valid) {
      if (kind === "report") invalidReports.push({ file: p, data: p.data });
      continue;
    }
    const list = byKind.get(kind) ?? [];
    list.push({ file: p, data: p.data });
    byKind.set(kind, list);
  }
  unitLists.save();
  return { byKind, files, invalidReports, diagnostics, cacheWarnings };
}

/** A file every rule depends on that the folder lacks. */
function missingFiles(tree: SourceTree, dataDir: string, cwd: string): Diagnostic[] {
  const present = new Set(tree.files.map((f) => classify(f.rel)));
  return REQUIRED.filter((kind) => !present.has(kind)).map((kind) => {
    const rel = Object.entries(SINGLE).find(([, k]) => k === kind)?.[0] ?? kind;
    const shown = relative(cwd, join(dataDir, rel)).split(sep).join("/");
    return diagnosticAt("FILE_MISSING", { file: shown }, shown, 0, 0);
  });
}

/** The units of units.yaml and departments.yaml (first of a code wins), each with the flags unit-flags.yaml gives it. */
function unitsWithFlags(unitFiles: Dataset["unitFiles"], flagsFile: FlagsFile | undefined): Map<string, Unit> {
  const units = new Map<string, Unit>();
  for (const uf of unitFiles) for (const u of uf.data.units) if (!units.has(u.code)) units.set(u.code, { ...u });
  for (const [flag, codes] of Object.entries(flagsFile?.flags ?? {})) {
    for (const code of codes) {
      const u = units.get(code);
      if (u) u.flags = [...(u.flags ?? []), flag];
    }
  }
  return units;
}

type FlagsFile = { source: string; illustrative: boolean; labels?: Record<string, string>; flags: Record<string, string[]> };

export function loadDataset(dataDir: string, schemaDir: string, cwd = process.cwd(), opts: LoadOptions = {}): LoadResult {
  const schemas = schemaSource(schemaDir, opts);
  const pool = earlyPool(dataDir, schemas, opts);
  let tree: SourceTree;
  let parsed: ParsedTree;
  const opened: ParseCache[] = [];
  try {
    tree = readTree(dataDir, cwd);
    parsed = parseTree(tree, schemas, opts, pool, opened);
  } finally {
    if (pool) closeParsePool(pool);
    for (const cache of opened) cache.close();
  }
  const { byKind, files, invalidReports, diagnostics, cacheWarnings } = parsed;
  diagnostics.push(...missingFiles(tree, dataDir, cwd));
  const first = <T>(k: FileKind) => byKind.get(k)?.[0]?.data as T | undefined;
  const project = first<Project>("project");
  const catalogue = first<IndicatorCatalogue>("indicators");
  const programme = first<Programme>("programme");
  const outline = first<Outline>("outline");
  const plan = first<Plan>("plan");
  const unitFiles = [...(byKind.get("units") ?? []), ...(byKind.get("departments") ?? [])].map((e) => ({
    file: e.file,
    data: e.data as UnitsFile,
    kind: classify(e.file.rel) as "units" | "departments",
  }));
  if (!project || !catalogue || !programme || !outline || !plan || !byKind.get("units")) {
    return { dataset: null, diagnostics, fileCount: tree.files.length, files, cacheWarnings };
  }
  const flagsFile = first<FlagsFile>("unit_flags");
  const units = unitsWithFlags(unitFiles, flagsFile);
  const dataset: Dataset = {
    dataDir,
    project,
    levels: new Map(project.levels.map((l) => [l.id, l])),
    units,
    unitFiles,
    flags: flagsFile ? { source: flagsFile.source, illustrative: flagsFile.illustrative, labels: flagsFile.labels ?? {} } : null,
    about: first<Dataset["about"]>("about") ?? null,
    published: first<Published>("published") ?? null,
    catalogue,
    programme,
    outline,
    plausibility: first<Plausibility>("plausibility") ?? null,
    forms: (byKind.get("form") ?? []).map((e) => e.data as FormSpec).sort((a, b) => (a.id < b.id ? -1 : 1)),
    plan,
    reports: (byKind.get("report") ?? []).map((e) => ({ file: e.file, report: e.data as ReportFile })),
    invalidReports,
    files,
    others: tree.others,
  };
  return { dataset, diagnostics, fileCount: tree.files.length, files, cacheWarnings };
}
