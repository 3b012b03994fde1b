// The fast path of parse-yaml.ts: js-yaml's event parser (a flat list of events with source
// offsets, ~4 × faster than building yaml's Document) turned into plain data here, with the
// scalars resolved by exactly the rules of yaml's YAML 1.2 core schema (the regular expressions
// and number functions of yaml/dist/schema/core). It only answers for files it can vouch for:
// one document whose root is a mapping, string keys, no duplicate or forbidden key, no tag,
// anchor, alias, directive or tab. For anything else, and for any text js-yaml rejects, it
// returns null and the caller parses with yaml, which gives the diagnostics with their
// positions. A file that is located later (a diagnostic on it) is parsed again with yaml then
// (diagnostics/locate.ts), so positions and code frames always come from yaml.
// test/check/fast-yaml.test.ts holds both parsers to the same data on the bundled reports, on
// tricky hand-made inputs and on thousands of mutated files.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event } from "js-yaml";

export interface FastParse {
  /** The document as yaml's doc.toJS() gives it. */
  data: Record<string, unknown>;
  /** Plain scalars read as numbers and typed with a ".", by JSON pointer (see ParsedFile.dotted). */
  dotted: Map<string, string>;
}

/** Keys parse-yaml.ts reports as YAML_FORBIDDEN_KEY, and "<<" (a merge key in other YAML versions). */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype", "<<"]);

/** A plain scalar's value by yaml's core schema, tags tried in yaml's order (null, bool, int, float). */
export function resolvePlain(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === "t" || s[0] === "T";
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

type Frame = { map: Record<string, unknown>; pointer: string; key: string | null } | { seq: unknown[]; pointer: string };

const escapeSegment = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** The file's data, or null when only yaml can say what it holds (see the header). */
export function fastYaml(text: string): FastParse | null {
  if (text.includes("\t")) return null;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return null;
  }
  const first = events[0];
  if (!first || first.type !== EVENT_ID.DOCUMENT || first.directives.length > 0 || events[1]?.type !== EVENT_ID.MAPPING) return null;
  const dotted = new Map<string, string>();
  const stack: Frame[] = [];
  let root: Record<string, unknown> | null = null;
  let documents = 0;
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1) return null;
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    if (ev.type === EVENT_ID.ALIAS || ev.anchorStart !== -1 || ev.tagStart !== -1) return null;
    const parent = stack[stack.length - 1];
    if (parent && "map" in parent && parent.key === null) {
      // A key: a scalar that yaml would read as this same string.
      if (ev.type !== EVENT_ID.SCALAR) return null;
      const key = getScalarValue(text, ev);
      if (ev.style === SCALAR_STYLE.PLAIN && typeof resolvePlain(key) !== "string") return null;
      if (UNSAFE_KEYS.has(key) || Object.hasOwn(parent.map, key)) return null;
      parent.key = key;
      continue;
    }
    let pointer = "";
    if (parent && "map" in parent) pointer = `${parent.pointer}/${escapeSegment(parent.key!)}`;
    else if (parent) pointer = `${parent.pointer}/${parent.seq.length}`;
    let value: unknown;
    if (ev.type === EVENT_ID.SCALAR) {
      const source = getScalarValue(text, ev);
      value = ev.style === SCALAR_STYLE.PLAIN ? resolvePlain(source) : source;
      if (typeof value === "number" && source.includes(".")) dotted.set(pointer, text.slice(ev.valueStart, ev.valueEnd));
    } else if (ev.type === EVENT_ID.MAPPING) {
      value = {};
    } else {
      value = [];
    }
    if (!parent) root = value as Record<string, unknown>;
    else if ("map" in parent) {
      parent.map[parent.key!] = value;
      parent.key = null;
    } else parent.seq.push(value);
    if (ev.type === EVENT_ID.MAPPING) stack.push({ map: value as Record<string, unknown>, pointer, key: null });
    else if (ev.type === EVENT_ID.SEQUENCE) stack.push({ seq: value as unknown[], pointer });
  }
  return root && documents === 1 ? { data: root, dotted } : null;
}
