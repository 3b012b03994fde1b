// Text → YAML document + plain data, with every problem as a diagnostic (never a throw).
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticAt } from "../diagnostics/make.js";
import type { Located } from "../diagnostics/locate.js";
import { fastYaml } from "../syntax/fast-yaml.js";

export interface SourceFile {
  /** Path as shown to the user (relative to the working directory). */
  path: string;
  /** Path relative to the data folder, with "/" separators: "reports/901-…/00123-….yaml". */
  rel: string;
  text: string;
}

export interface ParsedFile extends Located {
  rel: string;
  text: string;
  /** Numbers typed with a decimal point, by JSON pointer → the text as typed ("1.234"): the
   *  check tells a Vietnamese thousands separator from a decimal without keeping the syntax tree. */
  dotted: Map<string, string>;
  /** Plain data, or undefined when the file could not be read safely. */
  data: unknown;
  diagnostics: Diagnostic[];
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_ALIASES = 50;

function yamlErrorCode(err: YAMLError): "YAML_TAB_INDENT" | "YAML_DUPLICATE_KEY" | "YAML_SYNTAX" {
  if (err.code === "TAB_AS_INDENT") return "YAML_TAB_INDENT";
  if (err.code === "DUPLICATE_KEY") return "YAML_DUPLICATE_KEY";
  return "YAML_SYNTAX";
}

/** Vietnamese explanations of the yaml library's error codes; the English text follows in brackets. */
const YAML_ERROR_VI: Record<string, string> = {
  BAD_INDENT: "thụt lề không thẳng hàng với các dòng cùng cấp",
  MISSING_CHAR: "thiếu ký tự đóng (dấu nháy, ngoặc vuông hoặc ngoặc nhọn)",
  MULTILINE_IMPLICIT_KEY: "tên trường bị xuống dòng, hoặc thiếu dấu hai chấm sau tên trường",
  BLOCK_AS_IMPLICIT_KEY: "tên trường bị xuống dòng, hoặc thiếu dấu hai chấm sau tên trường",
  UNEXPECTED_TOKEN: "có ký tự không đúng chỗ",
  BAD_SCALAR_START: "giá trị bắt đầu bằng ký tự đặc biệt; đặt giá trị trong dấu nháy kép",
  BAD_DQ_ESCAPE: "ký tự thoát (\\) không hợp lệ trong chuỗi có dấu nháy kép",
  MISSING_ANCHOR: "tham chiếu *alias tới một mốc & không tồn tại",
  MULTIPLE_DOCS: "tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ có một",
  BLOCK_IN_FLOW: "khối nhiều dòng nằm trong dấu ngoặc",
  IMPOSSIBLE: "cấu trúc không đọc được",
};

function detailOf(err: YAMLError): string {
  const english = (err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  return YAML_ERROR_VI[err.code] ?? english;
}

/** Offset of the letter carrying the first combining mark (where the composed letter sits after NFC). */
function firstNonNfc(text: string): number {
  const m = /\p{M}/u.exec(text);
  return m ? Math.max(0, m.index - 1) : 0;
}

/** Only blank lines and comments. Line by line: a single regex over the whole text backtracked exponentially. */
function onlyComments(text: string): boolean {
  return text.split("\n").every((line) => {
    const t = line.trim();
    return t === "" || t.startsWith("#");
  });
}

export interface ParseOptions {
  /** False: always build yaml's Document (the reference the fast path is tested against). */
  fast?: boolean;
}

export function parseYaml(source: SourceFile, opts: ParseOptions = {}): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const text = normalized(source, diagnostics);
  const out: ParsedFile = { path: source.path, rel: source.rel, text, doc: null, lineCounter: null, data: undefined, diagnostics, dotted: new Map() };
  if (onlyComments(text)) {
    diagnostics.push(diagnosticAt("YAML_EMPTY_FILE", {}, source.path, 1, 1));
    return out;
  }
  // Most files take the fast path (fast-yaml.ts): their data without yaml's Document, which is
  // built again only if a diagnostic must be located in the file (released: see locate.ts).
  const fast = opts.fast === false ? null : fastYaml(text);
  if (fast) {
    out.data = fast.data;
    out.dotted = fast.dotted;
    out.released = true;
    return out;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: "1.2" });
  out.doc = doc;
  out.lineCounter = lineCounter;
  syntaxErrors(doc, lineCounter, source.path, text, diagnostics);
  if (doc.errors.length > 0) return out;
  if (doc.contents === null) {
    diagnostics.push(diagnosticAt("YAML_EMPTY_FILE", {}, source.path, 1, 1));
    return out;
  }
  if (forbiddenKeys(doc, lineCounter, source.path, diagnostics)) return out;
  collectDotted(doc.contents, "", text, out.dotted);
  out.data = plainData(doc, lineCounter, source.path, diagnostics);
  return out;
}

/** The text without a BOM, in NFC; NFD text is normalised with a warning at its first combining mark. */
function normalized(source: SourceFile, diagnostics: Diagnostic[]): string {
  const text = source.text.replace(/^\uFEFF/, "");
  if (text === text.normalize("NFC")) return text;
  const lc = new LineCounter();
  parseDocument(text, { lineCounter: lc });
  const pos = lc.linePos(firstNonNfc(text));
  diagnostics.push(diagnosticAt("TEXT_NOT_NFC", {}, source.path, pos.line, pos.col));
  return text.normalize("NFC");
}

/** yaml's errors as diagnostics: one per line, and after a tab only the tab errors (the others follow from it). */
function syntaxErrors(doc: Document, lineCounter: LineCounter, path: string, text: string, diagnostics: Diagnostic[]): void {
  const hasTab = doc.errors.some((e) => yamlErrorCode(e) === "YAML_TAB_INDENT");
  const seenLines = new Set<number>();
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    const code = yamlErrorCode(err);
    if ((hasTab && code !== "YAML_TAB_INDENT") || seenLines.has(pos.line)) continue;
    seenLines.add(pos.line);
    // The commonest slip of all: "status:da_nop" (no space after the colon).
    const colon = /^\s*(?:- )?([A-Za-z_]\w*):([^\s:/][^#]*?)\s*(#.*)?$/.exec(text.split(/\r?\n/)[pos.line - 1] ?? "");
    if (code === "YAML_SYNTAX" && colon) {
      diagnostics.push(diagnosticAt("COLON_WITHOUT_SPACE", { actual: `${colon[1]}:${colon[2]}`, suggestion: `${colon[1]}: ${colon[2]}` }, path, pos.line, pos.col));
      continue;
    }
    const key = code === "YAML_DUPLICATE_KEY" ? duplicateKeyAt(text, err.pos[0]) : "";
    diagnostics.push(diagnosticAt(code, { detail: detailOf(err), key }, path, pos.line, pos.col));
  }
}

/** Keys that would reach an object's prototype (__proto__ …), each a diagnostic; true when any. */
function forbiddenKeys(doc: Document, lineCounter: LineCounter, path: string, diagnostics: Diagnostic[]): boolean {
  let forbidden = false;
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        const pos = lineCounter.linePos(pair.key.range?.[0] ?? 0);
        diagnostics.push(diagnosticAt("YAML_FORBIDDEN_KEY", { key: String(pair.key.value) }, path, pos.line, pos.col));
        forbidden = true;
      }
    },
  });
  return forbidden;
}

/** The document as plain data, with a bounded alias expansion; undefined when it is not a mapping. */
function plainData(doc: Document, lineCounter: LineCounter, path: string, diagnostics: Diagnostic[]): unknown {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      diagnostics.push(diagnosticAt("YAML_ALIAS_LIMIT", {}, path, 1, 1));
      return undefined;
    }
    throw err;
  }
  if (!isMap(doc.contents)) {
    const pos = lineCounter.linePos(doc.contents?.range?.[0] ?? 0);
    diagnostics.push(diagnosticAt("YAML_SYNTAX", { detail: "nội dung tệp phải là một khối các trường dạng \"tên: giá trị\"" }, path, pos.line, pos.col));
    return undefined;
  }
  return data;
}

function collectDotted(node: unknown, pointer: string, text: string, into: Map<string, string>): void {
  if (isMap(node)) {
    for (const pair of node.items) if (isScalar(pair.key)) collectDotted(pair.value, `${pointer}/${String(pair.key.value).replace(/~/g, "~0").replace(/\//g, "~1")}`, text, into);
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => collectDotted(item, `${pointer}/${i}`, text, into));
  } else if (isScalar(node) && typeof node.value === "number" && node.range) {
    const typed = text.slice(node.range[0], node.range[1]);
    if (typed.includes(".")) into.set(pointer, typed);
  }
}

function duplicateKeyAt(text: string, offset: number): string {
  const m = /^\s*([^:#\n]+?)\s*:/.exec(text.slice(offset, offset + 200));
  return m?.[1] ?? "";
}

export type { Document };
