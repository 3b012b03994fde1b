// The schemas' validators kept as ajv's standalone code, by content address: compiling every
// schema costs most of a second of CPU in each process and parse worker, loading the stored code a
// few hundredths. The file's name carries the key (the schemas' names and bytes, ajv's and
// ajv-formats' versions, the options, this file's format) and its first line the key again and the
// SHA-256 of the code after it. A missing file is made (compiled, written atomically); one whose
// line does not match, or whose code does not run or lacks a schema, is ignored with a warning,
// compiled again and rewritten, never trusted. Older files of the same folder are removed when a new
// one is written. A folder that cannot be written only costs the compiling.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { compileSchemas, compilerIdentity, readSchemas, validatorsFromCode, type SchemaSet, type Validators } from "../schema/schemas.js";
import { repoPath } from "../files/repo-root.js";
import { treeDigest } from "../files/walk.js";
import { writeFileAtomic } from "../files/write-atomic.js";

/** Bump when the stored file's layout or the way it is made changes. */
const FORMAT = 2;
const PREFIX = "validators-";
const SUFFIX = ".cjs";

/** Where the stored code lives without --cache: the project's .cache/ (.gitignore lists it). */
export const DEFAULT_VALIDATOR_STORE = repoPath(".cache", "validators");

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** The code that makes the stored validators (the schemas' compile options and formats, this file's
 *  writing of the code): a change to it makes every key new, as a schema change does. */
const CODE = treeDigest(repoPath(), [repoPath("scripts", "lib", "schema"), repoPath("scripts", "lib", "cache", "validator-store.ts")]);

/** The content address of the validators of `set`. */
export function validatorKey(set: SchemaSet): string {
  const h = createHash("sha256").update(`validators ${FORMAT}\0${compilerIdentity()}\0${CODE}\0`);
  for (const f of set.files) h.update(`${f.name}\0${f.text.length}\0${f.text}\0`);
  return h.digest("hex");
}

/** The stored file of a key in `storeDir`. */
export const storedValidatorsPath = (storeDir: string, key: string): string => join(storeDir, `${PREFIX}${key.slice(0, 32)}${SUFFIX}`);

/** The stored file's first line: the key, and the SHA-256 of the code's bytes after it. */
const header = (key: string, code: string | Buffer) => `// ajv standalone validators; key ${key}; sha256 ${sha(code)}\n`;

/** The stored code of `key`, if the file is there, whole and made for this key; else why not. */
function readStored(path: string, key: string): { code: string; problem: null } | { code: null; problem: "missing" | "corrupt" } {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return { code: null, problem: "missing" };
  }
  const nl = file.indexOf(0x0a);
  const code = file.subarray(nl + 1);
  return nl > 0 && file.toString("utf8", 0, nl + 1) === header(key, code) ? { code: code.toString("utf8"), problem: null } : { code: null, problem: "corrupt" };
}

/** Writes the code of `key` (a temp file renamed), then removes the folder's other stored validators. */
function writeStored(storeDir: string, key: string, code: string): void {
  try {
    const path = storedValidatorsPath(storeDir, key);
    writeFileAtomic(path, header(key, code) + code);
    for (const f of readdirSync(storeDir)) if (f.startsWith(PREFIX) && f.endsWith(SUFFIX) && join(storeDir, f) !== path) rmSync(join(storeDir, f), { force: true });
  } catch {
    // A read-only or vanished folder: the next run compiles again.
  }
}

export interface StoredValidators {
  validators: Validators;
  /** "stored": made from the stored code (or the same process's earlier load of it); "compiled": by ajv. */
  source: "stored" | "compiled";
  /** Why the stored file was not used although it was there (for stderr); null when all was well. */
  warning: string | null;
}

/** The last validators made from stored code in this process, by folder and key. */
let memo: { dir: string; store: string; key: string; validators: Validators } | null = null;

/** The validators of the schemas in `schemaDir`: from the stored code in `storeDir`, else compiled
 *  by ajv and stored for the next time. The same stored code is not run twice in a process. */
export function storedValidators(schemaDir: string, storeDir: string = DEFAULT_VALIDATOR_STORE): StoredValidators {
  const set = readSchemas(schemaDir);
  const key = validatorKey(set);
  if (memo && memo.dir === schemaDir && memo.store === storeDir && memo.key === key) return { validators: memo.validators, source: "stored", warning: null };
  const path = storedValidatorsPath(storeDir, key);
  const stored = readStored(path, key);
  if (stored.code !== null) {
    try {
      const validators = validatorsFromCode(stored.code, set);
      memo = { dir: schemaDir, store: storeDir, key, validators };
      return { validators, source: "stored", warning: null };
    } catch {
      // Whole and made for this key, yet it does not run: compiled and rewritten below.
    }
  }
  const warning = stored.problem === "missing" ? null : `Mã kiểm tra theo lược đồ đã lưu ${path} bị hỏng hoặc không khớp với lược đồ: bỏ qua, biên dịch lại.`;
  const { validators, code } = compileSchemas(set, true);
  writeStored(storeDir, key, code!);
  return { validators, source: "compiled", warning };
}
