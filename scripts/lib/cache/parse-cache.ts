// A content-addressed cache of parsed and validated report files (check/build --cache DIR), for
// CI runners that keep a folder between runs (actions/cache) and for editors checking again: a
// report whose path and text are unchanged is not parsed again. One file per data folder
// context: the code that parses and validates, the schemas and the unit codes are hashed into
// the context, so a change to any of them starts an empty cache. Every entry carries the hash of
// its own content: a corrupt entry or file, or one written for other inputs, is ignored (with a
// warning), never trusted.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../parse/parse-yaml.js";
import type { FileOutcome } from "../schema/validate-file.js";
import { treeDigest } from "../files/walk.js";
import { REPO_ROOT, repoPath } from "../files/repo-root.js";

const FORMAT = 2;
const FILE = "check-reports.json";
const LIB = repoPath("scripts", "lib");
/** The code whose output is cached: the parser, schema messages, diagnostics and this loader. */
const CODE_DIRS = ["syntax", "parse", "diagnostics", "schema", "validate", "load", "cache", "dataset"];

interface Stored {
  file: { path: string; rel: string; dotted: [string, string][]; data: unknown; diagnostics: Diagnostic[]; released: boolean; yamlDocument: boolean };
  schema: Diagnostic[];
  valid: boolean | null;
}

interface CacheFile {
  format: number;
  context: string;
  entries: Record<string, { sum: string; outcome: Stored }>;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** Hash of everything a cached outcome depends on besides the file itself. */
export function cacheContext(schemaDir: string, unitCodes: ReadonlySet<string>): string {
  const root = REPO_ROOT;
  return treeDigest(root, [join(root, "package-lock.json"), ...CODE_DIRS.map((d) => join(LIB, d)), schemaDir], [...unitCodes].sort());
}

const keyOf = (s: SourceFile) => sha(`${s.path}\0${s.rel}\0${s.text}`);

/** The text parseYaml keeps (no BOM, NFC). */
function keptText(text: string): string {
  const t = text.replace(/^\uFEFF/, "");
  return t === t.normalize("NFC") ? t : t.normalize("NFC");
}

export interface ParseCache {
  get(source: SourceFile): FileOutcome | undefined;
  put(source: SourceFile, outcome: FileOutcome): void;
  /** Writes the entries used or added in this run (atomically: a temp file renamed); nothing when
   *  they are exactly the file's (every entry used, none added: a nation's cache is ~120 MB). */
  save(): void;
  /** Why the cache, or some of its entries, were not used; null when all was well. */
  warnings: string[];
}

export function openParseCache(dir: string, context: string): ParseCache {
  const path = join(dir, FILE);
  const warnings: string[] = [];
  let entries: CacheFile["entries"] = {};
  if (existsSync(path)) {
    try {
      const file = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
      if (file?.format !== FORMAT || typeof file.context !== "string" || typeof file.entries !== "object" || file.entries === null) warnings.push(`Bộ nhớ đệm ${path} không đúng định dạng: bỏ qua, đọc lại mọi tệp.`);
      else if (file.context === context) entries = file.entries;
    } catch {
      warnings.push(`Bộ nhớ đệm ${path} bị hỏng: bỏ qua, đọc lại mọi tệp.`);
    }
  }
  const kept: CacheFile["entries"] = {};
  let corrupt = 0;
  let added = false;
  return {
    warnings,
    get(source) {
      const key = keyOf(source);
      const e = entries[key];
      if (!e) return undefined;
      if (typeof e.sum !== "string" || e.sum !== sha(JSON.stringify(e.outcome ?? null)) || e.outcome.file?.rel !== source.rel) {
        if (corrupt++ === 0) warnings.push(`Bộ nhớ đệm ${path} có mục bị hỏng: bỏ qua các mục đó, đọc lại tệp.`);
        return undefined;
      }
      kept[key] = e;
      const f = e.outcome.file;
      return {
        file: { path: f.path, rel: f.rel, text: keptText(source.text), doc: null, lineCounter: null, released: f.released, ...(f.yamlDocument ? { yamlDocument: true } : {}), dotted: new Map(f.dotted), data: f.data, diagnostics: f.diagnostics },
        schema: e.outcome.schema,
        valid: e.outcome.valid,
      };
    },
    put(source, outcome) {
      const f = outcome.file;
      const stored: Stored = { file: { path: f.path, rel: f.rel, dotted: [...f.dotted], data: f.data, diagnostics: f.diagnostics, released: f.released === true || f.doc !== null, yamlDocument: f.yamlDocument === true || f.doc !== null }, schema: outcome.schema, valid: outcome.valid };
      // Round-trip through JSON now, so the checksum is of exactly what will be read back.
      const json = JSON.stringify(stored);
      kept[keyOf(source)] = { sum: sha(json), outcome: JSON.parse(json) as Stored };
      added = true;
    },
    save() {
      if (!added && corrupt === 0 && Object.keys(kept).length === Object.keys(entries).length) return;
      mkdirSync(dir, { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, context, entries: kept } satisfies CacheFile));
      renameSync(tmp, path);
    },
  };
}
