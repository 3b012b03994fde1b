// A content-addressed cache of parsed and validated report files (check/build --cache DIR), for
// CI runners that keep a folder between runs (actions/cache) and for editors checking again: a
// report whose path and text are unchanged is not parsed again. One file per data folder
// context: the code that parses and validates, the schemas and the unit codes are hashed into
// the context, so a change to any of them starts an empty cache. Every entry carries the hash of
// its own content: a corrupt entry or file, or one written for other inputs, is ignored (with a
// warning), never trusted.
//
// The file is text, one line per entry after a JSON header line: `key TAB sum TAB outcome-JSON`,
// the sum being the SHA-256 of the context and the outcome's JSON as written (an entry appended
// to a file another run has since written for another context fails its sum). The file is read
// as bytes, an entry at a time where it is asked for (its lines indexed first, by position): an
// entry is checked against its sum (over its bytes) and decoded and parsed only when used, and
// written back as the very bytes it was read as: no entry is serialised or encoded again to be
// checked or saved (a province's cache is ~3 MB, a nation's ~120 MB). A run that only adds entries appends
// them (an edit: one line, not the whole file again); the file is written anew, with only the
// entries used, once more than a tenth of its entries (at least STALE_MIN) went unused.
import { createHash } from "node:crypto";
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../parse/parse-yaml.js";
import type { FileOutcome } from "../schema/validate-file.js";
import { treeDigest } from "../files/walk.js";
import { REPO_ROOT, repoPath } from "../files/repo-root.js";
import { writeFileAtomic } from "../files/write-atomic.js";
import { keyOfText, textFromSource } from "../load/read-tree.js";

const FORMAT = 4;
/** The cache of report files; the unit lists, read before any report, have one of their own
 *  (UNIT_LISTS_FILE), made for no unit codes: the context of this one holds the codes they list. */
const FILE = "check-reports.json";
export const UNIT_LISTS_FILE = "check-unit-lists.json";
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

/** An entry: where its line is in the cache file (`at`, `length`: no newline), or its line's bytes
 *  when added by this run; where its outcome's JSON starts in the line, and that JSON's SHA-256. */
interface Line {
  at: number;
  length: number;
  bytes?: Buffer;
  json: number;
  sum: string;
}

/** Unused entries a cache file may keep before it is written anew (see above). */
const STALE_MIN = 64;

const TAB = 0x09;
const NL = 0x0a;

/** An entry's sum: its outcome's JSON bytes under the cache's context. */
const entrySum = (context: string, json: Buffer) => createHash("sha256").update(`${context}\0`).update(json).digest("hex");

/** Hash of everything a cached outcome depends on besides the file itself. */
export function cacheContext(schemaDir: string, unitCodes: ReadonlySet<string>): string {
  const root = REPO_ROOT;
  return treeDigest(root, [join(root, "package-lock.json"), ...CODE_DIRS.map((d) => join(LIB, d)), schemaDir], [...unitCodes].sort());
}

/** An entry's key: the file's path and content, the latter as its bytes' digest when it was read
 *  from a file (`keyOfText`: decoding every file's text only to look it up would cost a nation
 *  ≈ 440 MB of strings, and a file whose digest is known is not read at all). */
function keyOf(s: SourceFile): string {
  return createHash("sha256").update(`${s.path}\0${s.rel}\0`).update(keyOfText(s)).digest("hex");
}

/** The text parseYaml keeps (no BOM, NFC). */
function keptText(text: string): string {
  const t = text.replace(/^\uFEFF/, "");
  return t === t.normalize("NFC") ? t : t.normalize("NFC");
}

/** A cached file with its text as parseYaml keeps it, decoded from the source each time it is
 *  asked for (most files' text is never needed once their outcome is known). */
function withKeptText(file: Omit<FileOutcome["file"], "text">, source: SourceFile): FileOutcome["file"] {
  return textFromSource<FileOutcome["file"]>(file, source, keptText);
}

export interface ParseCache {
  get(source: SourceFile): FileOutcome | undefined;
  put(source: SourceFile, outcome: FileOutcome): void;
  /** Appends the entries added in this run to the file, or writes the entries used or added anew
   *  (atomically: a temp file renamed) when the file is not this cache's, has a corrupt line, or
   *  too many unused entries; nothing when every entry was used and none added (a nation's cache
   *  is ~120 MB). */
  save(): void;
  /** Lets go of the cache's file (held open from opening to saving); a cache closed is not read
   *  again. Again or after `save`: nothing. */
  close(): void;
  /** Why the cache, or some of its entries, were not used; null when all was well. */
  warnings: string[];
}

/** The bytes of a cache file, read where asked into one buffer used again and again: a nation's
 *  file (120 MB) is not held whole to be read (only to be written anew, once in many runs). Memory
 *  touched for the first time is costly (on the project's machine ≈ 4 ms a MB, the time of reading
 *  these bytes five times over: README, Performance). */
class CacheFile {
  #scratch = Buffer.allocUnsafe(1 << 20);
  readonly size: number;
  constructor(private fd: number | null) {
    try {
      this.size = fd === null ? 0 : fstatSync(fd).size;
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /** `length` bytes from `at`, valid until the next read; null when the file is shorter. */
  read(at: number, length: number): Buffer | null {
    if (this.fd === null) return null;
    if (length > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(Math.max(length, this.#scratch.length * 2));
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, this.#scratch, got, length - got, at + got);
      if (n === 0) return null;
      got += n;
    }
    return this.#scratch.subarray(0, length);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

const CHUNK = 1 << 20;

/** The entries of a cache file from `start` (one line each, blank lines skipped), read a chunk at a
 *  time, and how many lines lacked their three fields. */
function readLines(file: CacheFile, start: number): { entries: Map<string, Line>; malformed: number } {
  const entries = new Map<string, Line>();
  let malformed = 0;
  let from = start;
  while (from < file.size) {
    // The lines that end in the next chunk (or the file's last line), from `from`.
    let chunk = file.read(from, Math.min(CHUNK, file.size - from));
    let last = chunk?.lastIndexOf(NL) ?? -1;
    for (let size = CHUNK; chunk && last < 0 && from + chunk.length < file.size; size *= 2) {
      chunk = file.read(from, Math.min(size * 2, file.size - from)); // a line longer than a chunk
      last = chunk?.lastIndexOf(NL) ?? -1;
    }
    if (!chunk) break;
    const upto = from + chunk.length === file.size ? chunk.length : last;
    for (let i = 0; i < upto; ) {
      const nl = chunk.indexOf(NL, i);
      const end = nl < 0 || nl > upto ? upto : nl;
      if (end > i) {
        // Its two tabs, looked for within the line only.
        const line = chunk.subarray(i, end);
        const a = line.indexOf(TAB);
        const b = a < 0 ? -1 : line.indexOf(TAB, a + 1);
        if (b < 0) malformed++;
        else entries.set(line.toString("latin1", 0, a), { at: from + i, length: end - i, json: b + 1, sum: line.toString("latin1", a + 1, b) });
      }
      i = end + 1;
    }
    from += upto + 1;
  }
  return { entries, malformed };
}

/** The entries of the cache file at `path` made for `context` (none when it is missing, corrupt,
 *  of another format or context), how many of its lines were malformed, and why it was not used.
 *  `ours`: the file is this format's, for this context (entries may be appended to it); `file`:
 *  the open file the entries are read from. */
function readCacheFile(path: string, context: string, warnings: string[]): { entries: Map<string, Line>; malformed: number; ours?: boolean; file?: CacheFile } {
  if (!existsSync(path)) return { entries: new Map(), malformed: 0 };
  let file: CacheFile | undefined;
  try {
    const fd = openSync(path, "r");
    file = new CacheFile(fd);
    const first = file.read(0, Math.min(4096, file.size)) ?? Buffer.alloc(0);
    const nl = first.indexOf(NL);
    if (nl < 0 && file.size > first.length) throw new Error("header line too long"); // not this module's
    const head = JSON.parse(first.toString("utf8", 0, nl < 0 ? first.length : nl)) as Header;
    if (head?.format === FORMAT && typeof head.context === "string") {
      if (head.context === context) return { ...readLines(file, nl < 0 ? file.size : nl + 1), ours: true, file };
      file.close();
      return { entries: new Map(), malformed: 0 };
    }
    warnings.push(`Bộ nhớ đệm ${path} không đúng định dạng: bỏ qua, đọc lại mọi tệp.`);
  } catch {
    warnings.push(`Bộ nhớ đệm ${path} bị hỏng: bỏ qua, đọc lại mọi tệp.`);
  }
  file?.close();
  return { entries: new Map(), malformed: 0 };
}

/** `head` followed by each entry's line, each after a newline (an entry of the file read from it;
 *  one no longer there is left out). */
function joinLines(head: Buffer[], lines: Iterable<Line>, file?: CacheFile): Buffer {
  const parts = [...head];
  for (const e of lines) {
    // Read from the file into its one buffer: copied before the next read.
    const bytes = e.bytes ?? Buffer.from(file?.read(e.at, e.length) ?? []);
    if (bytes.length > 0) parts.push(Buffer.from([NL]), bytes);
  }
  return Buffer.concat(parts);
}

/** An entry added by this run: its line's bytes, not yet in the file. */
function newLine(key: string, json: Buffer, sum: string): Line {
  const head = `${key}\t${sum}\t`;
  const bytes = Buffer.concat([Buffer.from(head, "latin1"), json]);
  return { at: -1, length: bytes.length, bytes, json: head.length, sum };
}

/** Appends the `added` entries to the cache file at `path`, or writes it anew with the `kept` ones
 *  (those of the file read again from it, which is closed before it is replaced); a failure is a
 *  warning. */
function writeCache(path: string, to: { added: Map<string, Line> } | { context: string; kept: Map<string, Line>; onDisk: CacheFile | undefined }, warnings: string[]): void {
  try {
    if ("added" in to) return appendFileSync(path, joinLines([], to.added.values()));
    const bytes = joinLines([Buffer.from(JSON.stringify({ format: FORMAT, context: to.context } satisfies Header), "utf8")], to.kept.values(), to.onDisk);
    to.onDisk?.close();
    writeFileAtomic(path, bytes);
  } catch (err) {
    warnings.push(`Không ghi được bộ nhớ đệm ${path} (${err instanceof Error ? err.message : String(err)}): kết quả kiểm tra vẫn đúng, lần sau đọc lại các tệp đã đổi.`);
  }
}

/** `file`: the cache's file in `dir`; `staleMin`: how many unused entries it may keep (at least) before
 *  it is written anew, 0 for a file of a few large entries (the unit lists: each edit of a nation's
 *  units.yaml would otherwise append 1,7 MB that every run reads). */
export function openParseCache(dir: string, context: string, file = FILE, staleMin = STALE_MIN): ParseCache {
  const path = join(dir, file);
  const warnings: string[] = [];
  const corruptEntries = `Bộ nhớ đệm ${path} có mục bị hỏng: bỏ qua các mục đó, đọc lại tệp.`;
  const { entries, malformed, ours, file: onDisk } = readCacheFile(path, context, warnings);
  let corrupt = malformed;
  if (malformed > 0) warnings.push(corruptEntries);
  const kept = new Map<string, Line>();
  const added = new Map<string, Line>();
  return {
    warnings,
    get(source) {
      const key = keyOf(source);
      const e = entries.get(key);
      if (!e) return undefined;
      let outcome: Stored | null = null;
      try {
        const json = (e.bytes ?? onDisk?.read(e.at, e.length))?.subarray(e.json);
        if (json && e.sum === entrySum(context, json)) outcome = JSON.parse(json.toString("utf8")) as Stored;
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
        file: withKeptText({ path: f.path, rel: f.rel, doc: null, lineCounter: null, released: f.released, ...(f.yamlDocument ? { yamlDocument: true } : {}), dotted: new Map(f.dotted), data: f.data, diagnostics: f.diagnostics }, source),
        schema: outcome.schema,
        valid: outcome.valid,
      };
    },
    put(source, outcome) {
      const f = outcome.file;
      const stored: Stored = { file: { path: f.path, rel: f.rel, dotted: [...f.dotted], data: f.data, diagnostics: f.diagnostics, released: f.released === true || f.doc !== null, yamlDocument: f.yamlDocument === true || f.doc !== null }, schema: outcome.schema, valid: outcome.valid };
      const key = keyOf(source);
      const json = Buffer.from(JSON.stringify(stored), "utf8");
      const line = newLine(key, json, entrySum(context, json));
      kept.set(key, line);
      added.set(key, line);
    },
    close: () => onDisk?.close(),
    save() {
      const unused = entries.size - (kept.size - added.size);
      // No line found corrupt, and most entries used: the new entries go at the file's end.
      const append = ours === true && corrupt === 0 && unused <= (staleMin > 0 ? Math.max(staleMin, entries.size / 10) : 0);
      if (added.size > 0 || corrupt > 0 || unused > 0) writeCache(path, append ? { added } : { context, kept, onDisk }, warnings);
      onDisk?.close();
    },
  };
}
