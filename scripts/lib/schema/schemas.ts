// One ajv instance, every schema compiled once. Validation never changes data (no defaults,
// no coercion). allErrors is on: the data is our own repository's, and the officer wants every
// problem in one run.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

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

let cache: { dir: string; validators: Validators } | null = null;

export function loadValidators(schemaDir: string): Validators {
  if (cache?.dir === schemaDir) return cache.validators;
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats.default(ajv);
  const validators: Validators = new Map();
  const files = readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort();
  for (const f of files) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, f), "utf8")) as object, f);
  for (const f of files) validators.set(f, ajv.getSchema(f) as ValidateFunction);
  cache = { dir: schemaDir, validators };
  return validators;
}
