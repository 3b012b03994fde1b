// Input keys: what a unit's documents and page are made from, hashed before anything is computed,
// so that a rebuild can keep the files of a unit whose inputs did not change without computing its
// report's view, document model or page view (output-dir.ts, `reuseByInput`).
//
// A unit's input key is the digest of the build's context (the code version, the options that
// change the output, the schemas, and every file of the data folder that is not a report: project,
// plan, units, catalogue, forms, maps…) and of the report files of every unit in its subtree (path
// and the digest of its bytes). A report's data as the build applies it is made from these alone
// (its text parsed by the code; submission dates from git and --as-of are options), so it is not
// hashed again. A unit's report shows its own report and its children's roll-up, so editing one
// commune's report changes the keys of that commune and its ancestors only;
// test/build/unit-dependencies.test.ts checks, on the small province, that no other unit's document
// model or page view changes when one report is edited.
import { createHash } from "node:crypto";
import { relative, resolve, sep } from "node:path";
import { fileDigest, filesUnder } from "../files/walk.js";
import { contentKey, folderDigest } from "./code-version.js";

export interface InputKeySources {
  dataDir: string;
  schemaDir: string;
  /** Every option that changes the output, as one JSON-able value. */
  options: unknown;
  units: Iterable<{ code: string; parent: string | null }>;
  /** Every report file: its unit, data-relative path and what stands for its text: the text, or
   *  the digest of the bytes it is read from (read-tree.ts `keyOfText`). */
  reports: readonly { unit: string; rel: string; text: string }[];
  /** The other data files the build read (settings: project, units, catalogue, forms…), by
   *  data-relative path: what stands for each text, as for the reports. The context hashes these,
   *  the versions the build used, not the files as they are by then; any other file (a map) by its
   *  digest. */
  settings?: ReadonlyMap<string, string>;
}

/** The digest of everything every unit depends on: code, options, schemas, the non-report files. */
function contextKey(code: string, src: InputKeySources): string {
  const reports = new Set(src.reports.map((r) => r.rel));
  const h = createHash("sha256").update(code).update("\0unit-context\0").update(JSON.stringify(src.options)).update("\0").update(folderDigest(src.schemaDir));
  const root = resolve(src.dataDir);
  for (const full of filesUnder(root)) {
    const rel = relative(root, full).split(sep).join("/");
    if (!reports.has(rel)) h.update("\0").update(rel).update("\0").update(src.settings?.get(rel) ?? fileDigest(full));
  }
  return h.digest("hex");
}

/** Each unit's input key, by code; `plan` is the plan's (the context alone). */
export function unitInputKeys(code: string, src: InputKeySources): { units: Map<string, string>; plan: string } {
  const context = contextKey(code, src);
  const own = new Map<string, string[]>();
  for (const r of src.reports) own.set(r.unit, [...(own.get(r.unit) ?? []), r.rel, r.text]);
  const children = new Map<string, string[]>();
  const codes: string[] = [];
  for (const u of src.units) {
    codes.push(u.code);
    if (u.parent !== null) children.set(u.parent, [...(children.get(u.parent) ?? []), u.code]);
  }
  const keys = new Map<string, string>();
  const subtree = (unit: string): string => {
    let key = keys.get(unit);
    if (key === undefined) {
      const kids = [...(children.get(unit) ?? [])].sort().map(subtree);
      key = contentKey(context, "unit", unit, ...(own.get(unit) ?? []), "\0children", ...kids);
      keys.set(unit, key);
    }
    return key;
  };
  for (const c of codes) subtree(c);
  return { units: keys, plan: contentKey(context, "plan") };
}
