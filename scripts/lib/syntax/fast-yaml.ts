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
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event, type ScalarEvent } from "js-yaml";

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

/** Where yaml's node of a scalar starts (its opening quote, if any); undefined for block scalars and empty values. */
function startOf(ev: ScalarEvent): number | undefined {
  if (ev.valueStart === -1) return undefined;
  if (ev.style === SCALAR_STYLE.PLAIN) return ev.valueStart;
  if (ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED) return ev.valueStart - 1;
  return undefined;
}

const escapeSegment = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Where a pair's key and a scalar value start, as offsets into the text (yaml's node.range[0]). */
export interface Offsets {
  key?: number;
  value?: number;
}

/** A value scalar as yaml's core schema reads it, noting a number typed with a decimal point and its offset. */
function scalarAt(text: string, ev: ScalarEvent, pointer: string, dotted: Map<string, string>, offsets: Map<string, Offsets> | undefined): unknown {
  const source = getScalarValue(text, ev);
  const value = ev.style === SCALAR_STYLE.PLAIN ? resolvePlain(source) : source;
  if (typeof value === "number" && source.includes(".")) dotted.set(pointer, text.slice(ev.valueStart, ev.valueEnd));
  const start = offsets ? startOf(ev) : undefined;
  if (start !== undefined) offsets!.set(pointer, { value: start });
  return value;
}

/**
 * The file's data, or null when only yaml can say what it holds (see the header). With `offsets`,
 * also records by JSON pointer where each key and each non-empty flow scalar (plain or quoted)
 * starts: what locating a diagnostic needs, without yaml's Document (block scalars, empty
 * values and collections are left to yaml).
 */
export function fastYaml(text: string, offsets?: Map<string, Offsets>): FastParse | null {
  if (text.includes("\t")) return null;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return null;
  }
  const first = events[0];
  let keyStart: number | undefined;
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
      keyStart = startOf(ev);
      continue;
    }
    let pointer = "";
    if (parent && "map" in parent) pointer = `${parent.pointer}/${escapeSegment(parent.key!)}`;
    else if (parent) pointer = `${parent.pointer}/${parent.seq.length}`;
    const value = ev.type === EVENT_ID.SCALAR ? scalarAt(text, ev, pointer, dotted, offsets) : ev.type === EVENT_ID.MAPPING ? {} : [];
    if (!parent) root = value as Record<string, unknown>;
    else if ("map" in parent) {
      if (offsets && keyStart !== undefined) offsets.set(pointer, { ...offsets.get(pointer), key: keyStart });
      parent.map[parent.key!] = value;
      parent.key = null;
    } else parent.seq.push(value);
    if (ev.type === EVENT_ID.MAPPING) stack.push({ map: value as Record<string, unknown>, pointer, key: null });
    else if (ev.type === EVENT_ID.SEQUENCE) stack.push({ seq: value as unknown[], pointer });
  }
  return root && documents === 1 ? { data: root, dotted } : null;
}
