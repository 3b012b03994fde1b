// npm run bench [-- --sizes 300,3000,11000 --build-sizes 300]   (--sizes "" : the Excel round trip only)
// Speed and memory of `check` (and of `build` for the smaller sizes) on generated provinces of
// growing size: one province, a district per 25 communes, illustrative reports for every unit.
// Prints a table of wall time and peak memory; asserts nothing (figures, not tests). Then the
// Excel round trip (export → import without edits) over every report of the bundled data.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { option, parseArgs, runCli } from "./lib/cli.js";
import { loadDataset } from "./lib/load/load-dataset.js";
import type { Unit } from "./lib/model/types.js";
import { generateSample } from "./lib/sample/generate.js";
import { toYamlText } from "./lib/write/yaml-out.js";
import type { SchemaNode } from "./lib/workflow/new-report.js";
import { roundTripAll } from "./lib/xlsx/round-trip.js";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

function province(dir: string, communes: number): void {
  for (const p of ["project.yaml", "plan.yaml", "departments.yaml", "catalogue", "forms"]) cpSync(join(ROOT, "data", p), join(dir, p), { recursive: true });
  const units: Unit[] = [{ code: "25", name: "Tỉnh Thử Nghiệm", short_name: "Thử Nghiệm", type: "tỉnh", level: "province", parent: null }];
  const districts = Math.max(1, Math.ceil(communes / 25));
  for (let d = 0; d < districts; d++) {
    const dc = String(100 + d);
    units.push({ code: dc, name: `Huyện Số ${d + 1}`, short_name: `Số ${d + 1}`, type: "huyện", level: "district", parent: "25" });
    for (let c = d * 25; c < Math.min(communes, (d + 1) * 25); c++) {
      const urban = c % 12 === 0;
      units.push({ code: String(c + 1).padStart(5, "0"), name: `${urban ? "Phường" : "Xã"} Số ${c + 1}`, short_name: `Số ${c + 1}`, type: urban ? "phường" : "xã", level: "commune", parent: dc, area: urban ? "thanh_thi" : "nong_thon" });
    }
  }
  writeFileSync(join(dir, "units.yaml"), toYamlText("../schemas/units.schema.json", "Đơn vị giả định cho đo hiệu năng.", { source: "bench", units }));
  const ds = loadDataset(dir, join(ROOT, "schemas")).dataset;
  if (!ds) throw new Error("bench: the generated tree does not load");
  const { reports, flagsText } = generateSample(ds, 1);
  for (const [rel, text] of reports) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  writeFileSync(join(dir, "unit-flags.yaml"), flagsText);
}

/** Runs a command once under GNU time: wall seconds and the peak resident memory (MB). */
function measure(args: string[]): { seconds: number; mb: number } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", TSX, ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  return parseTime(r.stderr);
}

function parseTime(stderr: string): { seconds: number; mb: number } {
  const [e, m] = (stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { seconds: e ?? NaN, mb: (m ?? NaN) / 1024 };
}

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { sizes: "value", "build-sizes": "value" });
  const sizes = (option(args, "sizes") ?? "277,2770,11000").split(",").filter(Boolean).map(Number);
  const buildSizes = new Set((option(args, "build-sizes") ?? "277").split(",").map(Number));
  process.stdout.write(`Máy: ${availableParallelism()} lõi, Node ${process.version}\n\n| xã | tệp báo cáo | check (giây) | check (MB) | build (giây) | build (MB) |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n`);
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `bench-${n}-`));
    try {
      province(dir, n);
      const files = Number(execFileSync("bash", ["-c", `find '${dir}/reports' -name '*.yaml' | wc -l`], { encoding: "utf8" }).trim());
      const check = measure([join(ROOT, "scripts/check.ts"), "--data", dir, "--format", "json"]);
      let build = "–";
      let buildMb = "–";
      if (buildSizes.has(n)) {
        const b = measure([join(ROOT, "scripts/build.ts"), "--data", dir, "--out", join(dir, "..", `bench-out-${n}`)]);
        rmSync(join(dir, "..", `bench-out-${n}`), { recursive: true, force: true });
        build = b.seconds.toFixed(1);
        buildMb = b.mb.toFixed(0);
      }
      process.stdout.write(`| ${n} | ${files} | ${check.seconds.toFixed(1)} | ${check.mb.toFixed(0)} | ${build} | ${buildMb} |\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const schemas = join(ROOT, "schemas");
  const t0 = performance.now();
  const rt = await roundTripAll(loadDataset(join(ROOT, "data"), schemas), JSON.parse(readFileSync(join(schemas, "report.schema.json"), "utf8")) as SchemaNode);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(`\nExcel xuất → nhập không sửa, dữ liệu kèm theo: ${rt.identical}/${rt.units} báo cáo giống hệt từng byte, ${s.replace(".", ",")} giây${rt.different.length ? ` (khác: ${rt.different.join(", ")})` : ""}.\n`);
  return rt.different.length ? 1 : 0;
});
