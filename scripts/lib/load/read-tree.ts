// The only reader of data files: walks a data folder and returns every YAML file's text.
// Files over the size limit are not read (a diagnostic says so).
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { InputError } from "../diagnostics/input-error.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticAt } from "../diagnostics/make.js";
import { filesUnder } from "../files/walk.js";
import type { SourceFile } from "../parse/parse-yaml.js";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface SourceTree {
  files: SourceFile[];
  /** Non-YAML files kept as paths (GeoJSON, README). */
  others: string[];
  diagnostics: Diagnostic[];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

/** Reads every file under dataDir. Paths shown to the user are relative to cwd. */
export function readTree(dataDir: string, cwd: string = process.cwd()): SourceTree {
  // A wrong --data is the user's slip (exit 1), not a bug (exit 2).
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new InputError(`Không tìm thấy thư mục số liệu "${dataDir}". Kiểm tra lại đường dẫn sau --data.`);
  const all = filesUnder(dataDir, { skipHidden: true });
  const tree: SourceTree = { files: [], others: [], diagnostics: [] };
  for (const full of all) {
    const rel = relative(dataDir, full).split(sep).join("/");
    const path = relative(cwd, full).split(sep).join("/") || rel;
    if (!/\.ya?ml$/i.test(full)) {
      tree.others.push(rel);
      continue;
    }
    const size = statSync(full).size;
    if (size > MAX_FILE_BYTES) {
      tree.diagnostics.push(diagnosticAt("YAML_FILE_TOO_LARGE", { size: mb(size), limit: mb(MAX_FILE_BYTES) }, path, 0, 0));
      continue;
    }
    tree.files.push({ path, rel, text: readFileSync(full, "utf8") });
  }
  return tree;
}
