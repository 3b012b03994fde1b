// ajv errors → diagnostics in plain Vietnamese, at the key or the value at fault. A few common
// slips get their own code: a date typed 31/7/2018, a number typed 1.234, a code that lost its
// leading zero, a misspelt field name.
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import { pointerToPath, sourceText } from "../diagnostics/locate.js";
import { suggest } from "../diagnostics/suggest.js";
import type { ParsedFile } from "../parse/parse-yaml.js";

export interface SchemaContext {
  /** Unit codes known from the unit lists, to recognise a code that lost its leading zero. */
  unitCodes: ReadonlySet<string>;
}

const TYPE_VI: Record<string, string> = {
  string: "một chuỗi chữ",
  number: "một số",
  integer: "một số nguyên",
  boolean: "true hoặc false",
  object: "một khối các trường",
  array: "một danh sách (mỗi dòng bắt đầu bằng \"- \")",
  null: "null",
};

const show = (v: unknown): string => (typeof v === "string" ? `"${v}"` : v === null ? "null" : Array.isArray(v) ? "một danh sách" : typeof v === "object" ? "một khối" : String(v));

function expectedTypes(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => TYPE_VI[String(x)] ?? String(x)).join(" hoặc ");
}

/** Fields holding a unit code, where a number typed with leading zeros lost them. */
const CODE_FIELDS = new Set(["code", "unit", "parent", "root"]);
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const THOUSANDS = /^\d{1,3}(\.\d{3})+$/;

function vnDateSuggestion(v: string): string | null {
  const m = VN_DATE.exec(v.trim());
  if (!m) return null;
  const [, d, mo, y] = m;
  return `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

function schemaTitle(parentSchema: unknown, prop: string): string {
  const p = (parentSchema as { properties?: Record<string, { title?: string }> })?.properties?.[prop];
  return p?.title ?? "";
}

/** A diagnostic of the error at hand: at its value by default, or at `pointer`'s key. */
type At = (code: Parameters<typeof diagnostic>[0], args: Record<string, string | number>, pointer?: string, on?: "key" | "value") => Diagnostic;

function one(err: ErrorObject, file: ParsedFile, ctx: SchemaContext): Diagnostic {
  const at: At = (code, args, pointer = err.instancePath, on = "value") => diagnostic(code, args, { file, pointer, on });
  const data = err.data;
  switch (err.keyword) {
    case "required": {
      const field = (err.params as { missingProperty: string }).missingProperty;
      return at("SCHEMA_REQUIRED", { field, title: schemaTitle(err.parentSchema, field) }, err.instancePath, "key");
    }
    case "additionalProperties": {
      const field = (err.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((err.parentSchema as { properties?: object })?.properties ?? {});
      const slip = keySlip(at, field, `${err.instancePath}/${field.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      if (slip) return slip;
      return at("SCHEMA_UNKNOWN_FIELD", { field, suggestion: suggest(field, allowed) ?? "", allowed: allowed.join(", ") }, `${err.instancePath}/${field.replace(/~/g, "~0").replace(/\//g, "~1")}`, "key");
    }
    case "type":
      return typeError(err, file, ctx, at);
    case "format": {
      const fmt = (err.params as { format: string }).format;
      if (fmt === "date" && typeof data === "string") return at("DATE_FORMAT", { actual: data, suggestion: vnDateSuggestion(data) ?? "" });
      return at("SCHEMA_PATTERN", { actual: show(data), title: "", hint: "" });
    }
    case "enum":
    case "const": {
      const allowed = ((err.params as { allowedValues?: unknown[]; allowedValue?: unknown }).allowedValues ?? [(err.params as { allowedValue?: unknown }).allowedValue]).map(String);
      return at("SCHEMA_ENUM", { actual: show(data), allowed: allowed.join(", "), suggestion: typeof data === "string" ? (suggest(data, allowed) ?? "") : "" });
    }
    case "pattern": {
      if (err.propertyName !== undefined) {
        const slip = keySlip(at, err.propertyName, `${err.instancePath}/${err.propertyName}`);
        if (slip) return slip;
      }
      const segs = pointerToPath(err.instancePath);
      const last = segs[segs.length - 1] ?? "";
      return at("SCHEMA_PATTERN", { actual: show(data), title: schemaTitle(undefined, last) || last, hint: (err.parentSchema as { description?: string })?.description ?? "" });
    }
    case "propertyNames": {
      const name = (err.params as { propertyName: string }).propertyName;
      const colon = /^([a-z][a-z0-9_]*):(\S+)$/.exec(name);
      const hint = colon ? `Thiếu dấu cách sau dấu hai chấm: viết "${colon[1]}: ${colon[2]}".` : "Tên mục viết chữ thường không dấu, nối bằng dấu gạch dưới, ví dụ ten_muc.";
      return at("SCHEMA_PATTERN", { actual: `"${name}"`, title: "tên mục", hint }, `${err.instancePath}/${name}`, "key");
    }
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "minLength":
    case "minItems":
      return limitError(err, at);
    case "contains": {
      // A list that must hold a certain line (e.g. Nơi nhận without its "Lưu:" line): say which.
      const wanted = (err.parentSchema as { contains?: { description?: string } })?.contains?.description;
      return at("SCHEMA_CONSTRAINT", { detail: wanted ? `danh sách thiếu ${lowerFirstChar(wanted)}` : (err.message ?? err.keyword) });
    }
    default:
      return at("SCHEMA_CONSTRAINT", { detail: err.message ?? err.keyword });
  }
}

/** Two slips that turn a value into a key: "y2016:514" (no space after the colon) and the "5" of "161,5". */
function keySlip(at: At, key: string, pointer: string): Diagnostic | null {
  const colon = /^([A-Za-z_][\w]*):(\S.*)$/.exec(key);
  if (colon) return at("COLON_WITHOUT_SPACE", { actual: key, suggestion: `${colon[1]}: ${colon[2]}` }, pointer, "key");
  if (/^\d+$/.test(key)) return at("NUMBER_DECIMAL_COMMA", { part: key }, pointer, "key");
  return null;
}

/** A value of the wrong type, or one of the slips that make it so: 1.234 typed as text, a code that lost its leading 0. */
function typeError(err: ErrorObject, file: ParsedFile, ctx: SchemaContext, at: At): Diagnostic {
  const data = err.data;
  const expected = (err.params as { type: unknown }).type;
  const wantsNumber = JSON.stringify(expected).includes("number") || JSON.stringify(expected).includes("integer");
  const wantsString = JSON.stringify(expected).includes("string");
  if (wantsNumber && typeof data === "string" && THOUSANDS.test(data.trim())) {
    // read "": the value is quoted, so YAML read text, not a decimal (see the message in codes.ts).
    return at("NUMBER_THOUSANDS_SEPARATOR", { actual: data, read: "", suggestion: data.replace(/\./g, "") });
  }
  if (wantsString && typeof data === "number" && Number.isInteger(data)) {
    // A code typed without quotes: 00123 as typed (units.yaml), else a known code that reads as this number (`unit: 123`).
    const segs = pointerToPath(err.instancePath);
    const typed = sourceText(file, err.instancePath) ?? "";
    const isCode = CODE_FIELDS.has(segs[segs.length - 1] ?? "") || segs[0] === "flags";
    const lost = isCode && /^0\d+$/.test(typed) ? typed : [...ctx.unitCodes].find((c) => c.startsWith("0") && Number(c) === data);
    if (lost) return at("CODE_LEADING_ZERO", { actual: data, suggestion: lost });
  }
  return at("SCHEMA_TYPE", { actual: show(data), expected: expectedTypes(expected), hint: wantsString && typeof data === "number" ? "Đặt giá trị trong dấu nháy kép." : "" });
}

/** A number below its minimum, an empty text or list. */
function limitError(err: ErrorObject, at: At): Diagnostic {
  const data = err.data;
  const cmp = err.keyword === "minimum" ? `nhỏ hơn ${(err.params as { limit: number }).limit}` : err.keyword === "minLength" ? "không được để trống" : err.message ?? "";
  if (err.keyword === "minLength") {
    const field = pointerToPath(err.instancePath).pop() ?? "";
    const title = ((err.parentSchema as { title?: string })?.title ?? "").toLowerCase();
    return at("SCHEMA_CONSTRAINT", { detail: `trường "${field}"${title ? ` (${title})` : ""} không được để trống` });
  }
  return at("SCHEMA_RANGE", { actual: show(data), comparison: cmp });
}

/** The field an unknown field is most likely a misspelling of ("statu" → "status"). */
function misspelt(e: ErrorObject): string | null {
  const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
  const field = (e.params as { additionalProperty: string }).additionalProperty;
  const colon = /^([A-Za-z_]\w*):/.exec(field);
  return colon && allowed.includes(colon[1]!) ? colon[1]! : suggest(field, allowed);
}

/** Drops ajv's companion errors that add nothing for a reader (oneOf/if summaries), and a missing
 *  field whose misspelling is reported next to it (the unknown field's hint already names it). */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const misspelling = new Set(errors.filter((e) => e.keyword === "additionalProperties").map((e) => `${e.instancePath}|${misspelt(e)}`));
  return errors.filter(
    (e) =>
      e.keyword !== "oneOf" &&
      e.keyword !== "anyOf" &&
      e.keyword !== "if" &&
      !(e.keyword === "propertyNames" && errors.some((o) => o !== e && o.keyword === "pattern" && o.propertyName !== undefined)) &&
      !(e.keyword === "required" && misspelling.has(`${e.instancePath}|${(e.params as { missingProperty: string }).missingProperty}`)),
  );
}

export function schemaDiagnostics(errors: readonly ErrorObject[] | null | undefined, file: ParsedFile, ctx: SchemaContext): Diagnostic[] {
  if (!errors) return [];
  const out = relevant(errors).map((e) => one(e, file, ctx));
  // A value typed 1.234 passes "number": flag it from the source text where an integer count is expected elsewhere.
  const seen = new Set<string>();
  return out.filter((d) => {
    const k = `${d.code}|${d.pointer}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export { pointerOf, sourceText };

const lowerFirstChar = (s: string): string => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
