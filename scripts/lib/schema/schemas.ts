// The JSON Schemas as validating functions. Validation never changes data (no defaults, no
// coercion). allErrors is on: the data is our own repository's, and the officer wants every
// problem in one run. verbose gives each error its schema and data (the messages read titles and
// descriptions from them).
//
// Compiling every schema with ajv costs most of a second of CPU, in every process and parse
// worker. So the validators also exist as ajv's standalone code (one JavaScript module exporting a
// function per schema, the formats included as code), which cache/validator-store.ts keeps by
// content address and loads with validatorsFromCode instead of compiling: same functions, same
// error objects. ajv itself is loaded only when something is compiled.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Ajv2020 as Ajv, ValidateFunction } from "ajv/dist/2020.js";

export type FileKind =
  | "project"
  | "units"
  | "departments"
  | "unit_flags"
  | "plan"
  | "indicators"
  | "programme"
  | "outline"
  | "form"
  | "report"
  | "about"
  | "plausibility"
  | "published";

export const SCHEMA_OF: Record<FileKind, string> = {
  project: "project.schema.json",
  units: "units.schema.json",
  departments: "units.schema.json",
  unit_flags: "unit-flags.schema.json",
  plan: "plan.schema.json",
  indicators: "indicators.schema.json",
  programme: "programme.schema.json",
  outline: "outline.schema.json",
  form: "form.schema.json",
  report: "report.schema.json",
  about: "about.schema.json",
  plausibility: "plausibility.schema.json",
  published: "published.schema.json",
};

export type Validators = Map<string, ValidateFunction>;

/** The schema files of a folder (*.schema.json, by name), as read. */
export interface SchemaSet {
  files: { name: string; text: string }[];
}

const require = createRequire(import.meta.url);

/** ajv's options: part of what the standalone code is made from. */
const OPTIONS = { strict: true, allErrors: true, verbose: true } as const;

export function readSchemas(schemaDir: string): SchemaSet {
  const names = readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort();
  return { files: names.map((name) => ({ name, text: readFileSync(join(schemaDir, name), "utf8") })) };
}

/** What the validators are made with besides the schemas: ajv's and ajv-formats' versions and the options. */
export function compilerIdentity(): string {
  const version = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;
  return JSON.stringify({ ajv: version("ajv"), "ajv-formats": version("ajv-formats"), options: OPTIONS });
}

/** Every schema compiled by ajv; with `standalone`, also the standalone code of them all. */
export function compileSchemas(set: SchemaSet, standalone = false): { validators: Validators; code: string | null } {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as { default: (ajv: Ajv) => unknown };
  const ajv = new Ajv2020({ ...OPTIONS, ...(standalone ? { code: { source: true } } : {}) });
  // With code.source, ajv-formats also makes the formats code: require("ajv-formats/dist/formats")….
  addFormats.default(ajv);
  for (const f of set.files) ajv.addSchema(JSON.parse(f.text) as object, f.name);
  const validators: Validators = new Map(set.files.map((f) => [f.name, ajv.getSchema(f.name) as ValidateFunction]));
  if (!standalone) return { validators, code: null };
  const standaloneCode = (require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default;
  return { validators, code: asciiOnly(standaloneCode(ajv)) };
}

/** The code with every character outside ASCII written as its \u escape: ajv's code has them only in
 *  string and regular expression literals (the schemas' Vietnamese titles and patterns), where the
 *  escape means the same character; an ASCII text is read and compiled faster than a two-byte one. */
function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The validators of ajv's standalone code (a CommonJS module body; its requires are ajv's runtime
 *  and ajv-formats' formats, resolved from here). Throws when the code does not run or lacks a schema. */
export function validatorsFromCode(code: string, set: SchemaSet): Validators {
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", code)(require, module, module.exports);
  const validators: Validators = new Map();
  for (const { name } of set.files) {
    const v = module.exports[name];
    if (typeof v !== "function") throw new Error(`the standalone code has no validator for ${name}`);
    validators.set(name, v as ValidateFunction);
  }
  return validators;
}
