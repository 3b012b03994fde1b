// A content-addressed cache of parsed and validated report files (check/build --cache DIR), for
// CI runners that keep a folder between runs (actions/cache) and for editors checking again: a
// report whose path and text are unchanged is not parsed again. One file per data folder
// context: the code that parses and validates, the schemas and the unit codes are hashed into
// the context, so a change to any of them starts an empty cache. Every entry carries the hash of
// its own content: a corrupt entry or file, or one written for other inputs, is ignored (with a
// warning), never trusted.
//
// The file is text, one line per entry after a JSON header line: `key TAB sum TAB outcome-JSON`,
// the sum being the SHA-256 of the outcome's JSON as written. An entry is checked against its sum
// and parsed only when used, and written back as the same line: no entry is serialised again to
// be checked or saved (a province's cache is ~3 MB, a nation's ~120 MB).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../parse/parse-yaml.js";
import type { FileOutcome } from "../schema/validate-file.js";
import { treeDigest } from "../files/walk.js";
import { REPO_ROOT, repoPath } from "../files/repo-root.js";

const FORMAT = 3;
const FILE = "check-reports.json";
const LIB = repoPath("scripts", "lib");
/** The code whose output is cached: the parser, schema messages, diagnostics and this loader. */
const CODE_DIRS = ["syntax", "parse", "diagnostics", "schema", "validate", "load", "cache", "dataset"];

interface Stored {
  file: { path: string; rel: string; dotted: [string, string][]; data: unknown; diagnostics: Diagnostic[]; released: boolean; yamlDocument: boolean };
  schema: Diagnostic[];
  valid: boolean | null;
}

/** The file's first line. */
interface Header {
  format: number;
  context: string;
}

/** An entry as written: its outcome's JSON and that text's SHA-256. */
interface Line {
  sum: string;
  json: string;
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

/** The entries of a cache file's lines after the header (blank lines skipped), and how many
 *  lines lacked their three fields. */
function readLines(lines: string[]): { entries: Map<string, Line>; malformed: number } {
  const entries = new Map<string, Line>();
  let malformed = 0;
  for (const line of lines) {
    if (line === "") continue;
    const a = line.indexOf("\t");
    const b = line.indexOf("\t", a + 1);
    if (a < 0 || b < 0) malformed++;
    else entries.set(line.slice(0, a), { sum: line.slice(a + 1, b), json: line.slice(b + 1) });
  }
  return { entries, malformed };
}

/** The entries of the cache file at `path` made for `context` (none when it is missing, corrupt,
 *  of another format or context), how many of its lines were malformed, and why it was not used. */
function readCacheFile(path: string, context: string, warnings: string[]): { entries: Map<string, Line>; malformed: number } {
  if (!existsSync(path)) return { entries: new Map(), malformed: 0 };
  try {
    const lines = readFileSync(path, "utf8").split("\n");
    const head = JSON.parse(lines[0]!) as Header;
    if (head?.format === FORMAT && typeof head.context === "string") return head.context === context ? readLines(lines.slice(1)) : { entries: new Map(), malformed: 0 };
    warnings.push(`Bộ nhớ đệm ${path} không đúng định dạng: bỏ qua, đọc lại mọi tệp.`);
  } catch {
    warnings.push(`Bộ nhớ đệm ${path} bị hỏng: bỏ qua, đọc lại mọi tệp.`);
  }
  return { entries: new Map(), malformed: 0 };
}

export function openParseCache(dir: string, context: string): ParseCache {
  const path = join(dir, FILE);
  const warnings: string[] = [];
  const corruptEntries = `Bộ nhớ đệm ${path} có mục bị hỏng: bỏ qua các mục đó, đọc lại tệp.`;
  const { entries, malformed } = readCacheFile(path, context, warnings);
  let corrupt = malformed;
  if (malformed > 0) warnings.push(corruptEntries);
  const kept = new Map<string, Line>();
  let added = false;
  return {
    warnings,
    get(source) {
      const key = keyOf(source);
      const e = entries.get(key);
      if (!e) return undefined;
      let outcome: Stored | null = null;
      try {
        if (e.sum === sha(e.json)) outcome = JSON.parse(e.json) as Stored;
      } catch {
        // A line whose sum matches but whose JSON does not parse: corrupt like any other.
      }
      if (!outcome || outcome.file?.rel !== source.rel) {
        if (corrupt++ === 0) warnings.push(corruptEntries);
        return undefined;
      }
      kept.set(key, e);
      const f = outcome.file;
      return {
        file: { path: f.path, rel: f.rel, text: keptText(source.text), doc: null, lineCounter: null, released: f.released, ...(f.yamlDocument ? { yamlDocument: true } : {}), dotted: new Map(f.dotted), data: f.data, diagnostics: f.diagnostics },
        schema: outcome.schema,
        valid: outcome.valid,
      };
    },
    put(source, outcome) {
      const f = outcome.file;
      const stored: Stored = { file: { path: f.path, rel: f.rel, dotted: [...f.dotted], data: f.data, diagnostics: f.diagnostics, released: f.released === true || f.doc !== null, yamlDocument: f.yamlDocument === true || f.doc !== null }, schema: outcome.schema, valid: outcome.valid };
      const json = JSON.stringify(stored);
      kept.set(keyOf(source), { sum: sha(json), json });
      added = true;
    },
    save() {
      if (!added && corrupt === 0 && kept.size === entries.size) return;
      mkdirSync(dir, { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      const lines = [JSON.stringify({ format: FORMAT, context } satisfies Header)];
      for (const [key, e] of kept) lines.push(`${key}\t${e.sum}\t${e.json}`);
      writeFileSync(tmp, lines.join("\n"));
      renameSync(tmp, path);
    },
  };
}
