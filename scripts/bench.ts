// npm run bench -- [--out FILE.json] [--no-national] [--quick | --provinces N] [--no-build] [--no-national-build] [--excel]
// (check --cache is also timed once its cache is filled: the figure of a CI job that keeps .cache.)
// Speed and memory of `check` and `build` on a copy of the bundled province and on a generated
// nation (sample --national): wall seconds, CPU seconds and peak memory of the real commands, each
// the median of 3 runs when one run takes under 60 s (else 1 run); and in the same run the floors
// a build is compared with: the time to only parse every YAML file (yaml), and to only pack every
// document with docx's Packer from already-built objects. Prints a table and each target met or
// not (lib/bench-targets.ts), writes JSON. Asserts nothing: figures, not tests. Builds run with
// `--cache` in a folder of their own (as the CI job that keeps .cache): a cold build starts with
// neither that folder nor an output; no-op and one edit keep both. --excel adds the Excel round trip over every bundled report.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { Packer } from "docx";
import { parseDocument } from "yaml";
import { option, parseArgs, runCli, UsageError } from "./lib/cli.js";
import { loadDataset } from "./lib/dataset/load-dataset.js";
import { check } from "./lib/pipeline.js";
import { buildDocx } from "./lib/render/docx/build-docx.js";
import { planDocModel } from "./lib/render/view/plan-view.js";
import { reportDocModel } from "./lib/render/view/report-doc.js";
import { reportView } from "./lib/render/view/report-view.js";
import { NATION, writeNation } from "./lib/sample/national.js";
import type { SchemaNode } from "./lib/workflow/new-report.js";
import { roundTripAll } from "./lib/xlsx/round-trip.js";
import { REPO_ROOT } from "./lib/files/repo-root.js";
import { verdictTable, verdicts, type TargetFigures } from "./lib/bench-targets.js";

const ROOT = REPO_ROOT;
/** The commands as `npm run` starts them: compiled JavaScript (scripts/run.mjs). */
const RUN = [process.execPath, join(ROOT, "scripts/run.mjs")];
const SCHEMAS = join(ROOT, "schemas");
/** A figure is the median of this many runs when one run takes less than ONE_RUN_LIMIT seconds. */
const RUNS = 3;
const ONE_RUN_LIMIT = 60;
/** The docx floor of a tree with more units is measured on an evenly spread sample and scaled up. */
const DOCX_FLOOR_SAMPLE = 400;

interface Run {
  seconds: number;
  cpu: number;
  mb: number;
  status: number | null;
  /** The command's last line of output (build: how many files were written and reused). */
  last: string;
}

/** The issue's keys (the figures its targets read), and more. */
interface Figures extends TargetFigures {
  documents: number | null;
  /** Beyond the issue's keys: CPU seconds (user + system) of the same runs, the tree's size, how figures were taken. */
  check_cpu_s: number | null;
  /** check --cache with the cache filled by a previous check of the same tree (no report file changed). */
  check_cached_s: number | null;
  build_cold_cpu_s: number | null;
  check_peak_rss_mb: number | null;
  /** The one-edit rebuild's peak: a rebuild lets the heap grow freely (heap-growth.ts). */
  build_one_edit_peak_rss_mb: number | null;
  units: number;
  yaml_files: number;
  notes: string[];
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** One run of a command under GNU time: wall and CPU seconds, peak resident memory (MB). CI=true keeps its output line-oriented. */
function timed(args: string[]): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "BENCH %e %U %S %M", ...RUN, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" }, maxBuffer: 256 * 1024 * 1024 });
  const line = (r.stderr ?? "").split("\n").filter((l) => l.startsWith("BENCH ")).pop() ?? "";
  const [e, u, s, m] = line.split(" ").slice(1).map(Number);
  if (r.status !== 0 && r.status !== 1) say(`  (lệnh kết thúc với mã ${r.status}: ${(r.stderr ?? "").split("\n").slice(-6).join(" | ")})`);
  const last = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  return { seconds: e ?? NaN, cpu: (u ?? NaN) + (s ?? NaN), mb: (m ?? NaN) / 1024, status: r.status, last };
}

/** The median run by wall time: 3 runs when the first takes under a minute, else that one. `before` prepares each run. */
function median(label: string, run: (i: number) => Run, notes: string[]): Run {
  const runs = [run(0)];
  if (runs[0]!.seconds < ONE_RUN_LIMIT) for (let i = 1; i < RUNS; i++) runs.push(run(i));
  else notes.push(`${label}: 1 lần chạy (> ${ONE_RUN_LIMIT} giây)`);
  runs.sort((a, b) => a.seconds - b.seconds);
  const m = runs[Math.floor(runs.length / 2)]!;
  say(`  ${label}: ${runs.map((r) => r.seconds.toFixed(1)).join(", ")} giây → ${m.seconds.toFixed(1)} giây, ${m.cpu.toFixed(1)} giây CPU, ${m.mb.toFixed(0)} MB`);
  return { ...m, mb: Math.max(...runs.map((r) => r.mb)) };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** Seconds to only parse every YAML file of the tree (texts read beforehand). */
function floorParse(dir: string): { seconds: number; files: number } {
  const texts = yamlFiles(dir).map((f) => readFileSync(f, "utf8"));
  const t0 = performance.now();
  for (const t of texts) parseDocument(t, { uniqueKeys: true, version: "1.2" }).toJS();
  return { seconds: (performance.now() - t0) / 1000, files: texts.length };
}

/** Seconds to only pack every document (the plan and every unit's report) with docx's Packer, from already-built objects. */
async function floorDocx(dir: string, notes: string[]): Promise<number | null> {
  const { dataset: ds, tree } = check({ dataDir: dir, schemaDir: SCHEMAS });
  if (!ds || !tree) return null;
  const units = [...ds.units.values()];
  const step = Math.max(1, Math.ceil(units.length / DOCX_FLOOR_SAMPLE));
  const sample = units.filter((_, i) => i % step === 0);
  const models = [planDocModel(ds), ...sample.map((u) => reportDocModel(reportView(ds, tree, u), ds.project))];
  let seconds = 0;
  for (const model of models) {
    const doc = buildDocx(model);
    const t0 = performance.now();
    await Packer.toBuffer(doc);
    seconds += (performance.now() - t0) / 1000;
  }
  if (step === 1) return seconds;
  notes.push(`floor_docx_s: đo trên ${sample.length}/${units.length} báo cáo (cách đều) rồi nhân theo tỷ lệ`);
  return seconds * ((units.length + 1) / models.length);
}

/** A commune-level report file that has a document number: the one-edit build changes that number. */
function editableReport(dir: string): string | null {
  const files = yamlFiles(join(dir, "reports"));
  return files.find((f) => /\/\d{5}-[^/]+\.yaml$/.test(f) && /^ {2}number: "?\d+"?$/m.test(readFileSync(f, "utf8"))) ?? null;
}

async function measureTree(name: string, dir: string, build: boolean): Promise<Figures> {
  const notes: string[] = [];
  say(`\n${name}: ${dir}`);
  const parse = floorParse(dir);
  say(`  floor_parse: ${parse.files} tệp YAML, ${parse.seconds.toFixed(1)} giây`);
  const check = median("check", () => timed(["check", "--data", dir, "--format", "json"]), notes);
  const cacheDir = join(dir, "..", `${name}-cache`);
  const checkCached = ["check", "--data", dir, "--format", "json", "--cache", cacheDir];
  timed(checkCached);
  const cached = median("check --cache (đã có bộ nhớ đệm)", () => timed(checkCached), notes);
  const units = loadDataset(dir, SCHEMAS, process.cwd(), { workers: 0 }).dataset?.units.size ?? 0;
  const fig: Figures = {
    check_s: check.seconds,
    build_cold_s: null,
    build_noop_s: null,
    build_one_edit_s: null,
    peak_rss_mb: check.mb,
    floor_parse_s: parse.seconds,
    floor_docx_s: null,
    documents: null,
    check_cpu_s: check.cpu,
    check_cached_s: cached.seconds,
    build_cold_cpu_s: null,
    check_peak_rss_mb: check.mb,
    build_one_edit_peak_rss_mb: null,
    units,
    yaml_files: parse.files,
    notes,
  };
  if (!build) {
    notes.push("build: không đo (--no-build hoặc --no-national-build)");
    return fig;
  }
  const out = join(dir, "..", `${name}-dist`);
  // The build's cache folder (parse cache, last output) is named, so that a cold run starts without it.
  const buildCache = join(dir, "..", `${name}-build-cache`);
  const buildArgs = ["build", "--data", dir, "--out", out, "--cache", buildCache];
  const cold = median("build (cold)", () => {
    for (const d of [out, buildCache]) rmSync(d, { recursive: true, force: true });
    return timed(buildArgs);
  }, notes);
  fig.build_cold_s = cold.seconds;
  fig.build_cold_cpu_s = cold.cpu;
  fig.peak_rss_mb = Math.max(check.mb, cold.mb);
  fig.documents = existsSync(join(out, "manifest.json")) ? (JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { documents: unknown[] }).documents.length : null;
  const noop = median("build (no-op)", () => timed(buildArgs), notes);
  fig.build_noop_s = noop.seconds;
  notes.push(`build_noop_s: ${noop.cpu.toFixed(1)} giây CPU; ${noop.last}`);
  const target = editableReport(dir);
  if (target) {
    const original = readFileSync(target, "utf8");
    try {
      const edit = median("build (one edit)", (i) => {
        writeFileSync(target, original.replace(/^( {2}number: "?)(\d+)/m, (_m, head: string, n: string) => `${head}${Number(n) + i + 1}`));
        return timed(buildArgs);
      }, notes);
      fig.build_one_edit_s = edit.seconds;
      fig.build_one_edit_peak_rss_mb = edit.mb;
      notes.push(`build_one_edit_s: ${edit.cpu.toFixed(1)} giây CPU; ${edit.last}`);
    } finally {
      writeFileSync(target, original);
    }
    notes.push(`build_one_edit_s: sửa số văn bản trong ${target.slice(dir.length + 1)}`);
  }
  fig.floor_docx_s = await floorDocx(dir, notes);
  say(`  floor_docx: ${fig.floor_docx_s?.toFixed(1)} giây`);
  return fig;
}

const fmt = (v: number | null, digits = 1) => (v === null || Number.isNaN(v) ? "–" : v.toFixed(digits).replace(".", ","));

function table(results: Record<string, Figures>): string {
  const rows: [string, keyof Figures, number][] = [
    ["check (giây)", "check_s", 1],
    ["check, CPU (giây)", "check_cpu_s", 1],
    ["check --cache, không tệp nào đổi (giây)", "check_cached_s", 1],
    ["build lần đầu (giây)", "build_cold_s", 1],
    ["build lần đầu, CPU (giây)", "build_cold_cpu_s", 1],
    ["build không đổi gì (giây)", "build_noop_s", 1],
    ["build sau khi sửa một xã (giây)", "build_one_edit_s", 1],
    ["bộ nhớ đỉnh (MB)", "peak_rss_mb", 0],
    ["bộ nhớ đỉnh của check (MB)", "check_peak_rss_mb", 0],
    ["bộ nhớ đỉnh khi sửa một xã (MB)", "build_one_edit_peak_rss_mb", 0],
    ["sàn: chỉ đọc YAML (giây)", "floor_parse_s", 1],
    ["sàn: chỉ đóng gói DOCX (giây)", "floor_docx_s", 1],
    ["số văn bản", "documents", 0],
    ["số đơn vị", "units", 0],
    ["số tệp YAML", "yaml_files", 0],
  ];
  const names = Object.keys(results);
  const lines = [`| | ${names.join(" | ")} |`, `| --- | ${names.map(() => "---:").join(" | ")} |`];
  for (const [label, key, digits] of rows) lines.push(`| ${label} | ${names.map((n) => fmt(results[n]![key] as number | null, digits)).join(" | ")} |`);
  return lines.join("\n") + "\n";
}

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { out: "value", "no-national": "flag", quick: "flag", provinces: "value", "no-build": "flag", "no-national-build": "flag", excel: "flag" });
  const provinces = Number(option(args, "provinces") ?? (args.options.has("quick") ? 5 : NATION.provinces));
  if (!Number.isInteger(provinces) || provinces < 1 || provinces > 95) throw new UsageError("--provinces phải là số nguyên từ 1 đến 95.");
  const machine = { cpus: availableParallelism(), model: cpus()[0]?.model ?? "?", mem_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, loadavg_at_start: loadavg().map((x) => Math.round(x * 10) / 10) };
  say(`Máy: ${machine.cpus} lõi (${machine.model}), ${machine.mem_gb} GB, Node ${machine.node}, tải ${machine.loadavg_at_start.join(" ")}`);
  const work = mkdtempSync(join(tmpdir(), "bench-"));
  const results: Record<string, Figures> = {};
  try {
    const province = join(work, "province");
    cpSync(join(ROOT, "data"), province, { recursive: true });
    results.province = await measureTree("province", province, !args.options.has("no-build"));
    if (!args.options.has("no-national")) {
      const nation = join(work, "national");
      const t0 = performance.now();
      const written = writeNation(join(ROOT, "data"), nation, SCHEMAS, { ...NATION, provinces }, 2018);
      say(`\nDữ liệu toàn quốc (${provinces} tỉnh): ${written.units} đơn vị, ${written.reports} báo cáo, sinh trong ${((performance.now() - t0) / 1000).toFixed(0)} giây`);
      results.national = await measureTree("national", nation, !args.options.has("no-build") && !args.options.has("no-national-build"));
      if (provinces !== NATION.provinces) results.national.notes.push(`toàn quốc thu nhỏ: ${provinces} tỉnh (--quick/--provinces)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const targets = verdicts(results.province, results.national, provinces === NATION.provinces);
  const json = { machine, ...results, targets };
  process.stdout.write(`\nMáy: ${machine.cpus} lõi, ${machine.model}, ${machine.mem_gb} GB, Node ${machine.node}; tải lúc bắt đầu ${machine.loadavg_at_start.join(" ")}\n\n${table(results)}`);
  for (const [name, f] of Object.entries(results)) for (const n of f.notes) process.stdout.write(`- ${name}: ${n}\n`);
  if (targets.length) process.stdout.write(`\nMục tiêu (issue 11):\n\n${verdictTable(targets)}`);
  const outFile = option(args, "out");
  if (outFile) writeFileSync(outFile, JSON.stringify(json, null, 2) + "\n");
  if (args.options.has("excel")) {
    const t0 = performance.now();
    const rt = await roundTripAll(loadDataset(join(ROOT, "data"), SCHEMAS), JSON.parse(readFileSync(join(SCHEMAS, "report.schema.json"), "utf8")) as SchemaNode);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(`\nExcel xuất → nhập không sửa, dữ liệu kèm theo: ${rt.identical}/${rt.units} báo cáo giống hệt từng byte, ${s.replace(".", ",")} giây${rt.different.length ? ` (khác: ${rt.different.join(", ")})` : ""}.\n`);
    return rt.different.length ? 1 : 0;
  }
  return 0;
});
