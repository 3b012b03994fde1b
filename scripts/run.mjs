#!/usr/bin/env node
// Runs a command-line entry point, scripts/<name>.ts, from compiled JavaScript:
//
//   node scripts/run.mjs <name> [arguments…]      (what `npm run <name>` calls)
//
// Every TypeScript file under scripts/ is compiled file by file (esbuild, no bundle, same module
// layout) into .cache/js/<key>/scripts/, where <key> is a digest of the sources' paths and bytes and
// of esbuild's version. A later run with the same sources imports that copy directly: no TypeScript
// loader in the process or in its worker threads (tsx costs about 1,3 s of CPU and 150 MB per run,
// and again in every worker). The copy finds the project's own folders through
// scripts/lib/files/repo-root.ts, and node_modules/ from its place under the project.
//
// Several runs may start at once (CI jobs, tests): each compiles into a folder of its own and
// renames it into place; a run that loses the race uses the winner's copy, which is the same.
// Each run marks its copy as used (its folder's time); copies of other sources unused for a day are
// removed. A compile error, or a failure to load the command, exits 2 (a bug), as a crash does; an
// unknown command exits 1, as a wrong argument does.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SCRIPTS = join(ROOT, "scripts");
const STORE = join(ROOT, ".cache", "js");
const TSCONFIG = join(ROOT, "tsconfig.json");
const COMPLETE = "complete";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Every TypeScript source under scripts/, by path. */
function sources() {
  return readdirSync(SCRIPTS, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function keyOf(files, compilerVersion) {
  // tsconfig.json: esbuild reads its compiler options.
  const h = createHash("sha256").update(`esbuild ${compilerVersion}\0`).update(existsSync(TSCONFIG) ? readFileSync(TSCONFIG) : "").update("\0");
  for (const f of files) h.update(relative(ROOT, f).split(sep).join("/")).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex").slice(0, 20);
}

/** Compiles `files` into `target`, unless a source changed while esbuild read them (a save in
 *  the editor meanwhile): then nothing is stored under the old key and the answer is false. */
async function compile(files, target, esbuild, unchanged) {
  const tmp = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await esbuild.build({
      entryPoints: files,
      outdir: join(tmp, "scripts"),
      outbase: SCRIPTS,
      bundle: false,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
    });
    if (!unchanged()) {
      rmSync(tmp, { recursive: true, force: true });
      return false;
    }
    writeFileSync(join(tmp, COMPLETE), "");
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    // Another run renamed its copy into place first: use it.
    if (existsSync(join(target, COMPLETE))) return true;
    throw e;
  }
  return true;
}

/** Removes copies of other sources, and abandoned temporary folders, older than a day. */
function prune(keep) {
  const now = Date.now();
  for (const name of readdirSync(STORE)) {
    const dir = join(STORE, name);
    try {
      if (name !== keep && now - statSync(dir).mtimeMs > DAY_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/** esbuild's version, from its package.json: loading esbuild itself (≈ 0,3 s) waits until a
 *  compile is needed. */
const compilerVersion = () => JSON.parse(readFileSync(createRequire(import.meta.url).resolve("esbuild/package.json"), "utf8")).version;

async function compiledTree() {
  const version = compilerVersion();
  for (let attempt = 1; ; attempt++) {
    const files = sources();
    const key = keyOf(files, version);
    const target = join(STORE, key);
    if (existsSync(join(target, COMPLETE))) {
      // In use: not removed by a run of other sources (prune) while this one may still load from it.
      const now = new Date();
      utimesSync(target, now, now);
      return join(target, "scripts");
    }
    mkdirSync(STORE, { recursive: true });
    if (await compile(files, target, await import("esbuild"), () => keyOf(sources(), version) === key)) {
      prune(key);
      return join(target, "scripts");
    }
    if (attempt === 3) throw new Error("các tệp trong scripts/ vẫn đang thay đổi trong lúc dịch; hãy chạy lại lệnh");
  }
}

// Heap growth. After each full garbage collection V8 lets the heap grow up to four times what
// survived it (capped halfway to the heap limit) before collecting again: a nation's build (1,2–1,4
// GB live on the main thread) then peaked at 4,1–4,2 GB of resident memory, mostly garbage. Grown by a quarter, it stays
// under 3 GB for 1–8 % more CPU (README, Performance). Set here, for this process and its threads,
// since a command runs in this process; a flag given to node itself wins (=0: V8's own growth). A
// rebuild of its own output lifts the limit while it makes few files (scripts/lib/heap-growth.ts).
if (!process.execArgv.some((a) => a.replace(/_/g, "-").startsWith("--heap-growing-percent"))) setFlagsFromString("--heap-growing-percent=25");

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(join(SCRIPTS, `${name}.ts`))) {
  const names = readdirSync(SCRIPTS).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
  process.stderr.write(`Cách dùng: node scripts/run.mjs <lệnh> [tham số…]; lệnh là một trong: ${names.join(", ")}.\n`);
  process.exit(1);
}
let entry;
try {
  entry = join(await compiledTree(), `${name}.js`);
} catch (e) {
  process.stderr.write(`Lỗi chương trình: không dịch được mã TypeScript trong scripts/ (${e instanceof Error ? e.message : String(e)}).\n`);
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...args];
try {
  await import(pathToFileURL(entry).href);
} catch (e) {
  // A module that cannot be loaded is a bug (exit 2); the command's own failures are runCli's.
  process.stderr.write(`Lỗi chương trình: không nạp được lệnh ${name} (${e instanceof Error ? (e.stack ?? e.message) : String(e)}).\n`);
  process.exit(2);
}
