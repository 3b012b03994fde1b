// npm run import-units -- <GSO csv> [--data DIR]
// Replaces DIR/units.yaml with the province in a GSO list (columns of the reference CSV).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { Unit } from "./lib/model/types.js";
import { importGsoCsv } from "./lib/units/import-gso.js";
import { toYamlText } from "./lib/write/yaml-out.js";
import { InputError, UsageError, option, parseArgs, runCli } from "./lib/cli.js";

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", source: "value" });
  const csvPath = args.positional[0];
  if (!csvPath) throw new UsageError("Cách dùng: npm run import-units -- <tệp CSV danh mục hành chính> [--data thư-mục]");
  if (!existsSync(csvPath)) throw new InputError(`Không tìm thấy tệp ${csvPath}.`);
  const dataDir = option(args, "data") ?? "data";
  const { units, errors } = importGsoCsv(readFileSync(csvPath, "utf8"));
  if (errors.length) throw new InputError(`Tệp ${csvPath} không đọc được:\n- ${errors.join("\n- ")}`);
  // Fields people add by hand (GitHub team, place name on documents, header lines, validity)
  // survive a re-import for the codes that remain.
  const target = join(dataDir, "units.yaml");
  if (existsSync(target)) {
    const old = new Map(((parse(readFileSync(target, "utf8")) as { units?: Unit[] } | null)?.units ?? []).map((u) => [String(u.code), u]));
    for (const u of units) {
      const prev = old.get(u.code);
      if (!prev) continue;
      for (const k of ["team", "place", "issuer", "valid_from", "valid_to"] as const) if (prev[k] !== undefined && u[k] === undefined) (u as unknown as Record<string, unknown>)[k] = prev[k];
    }
  }
  const source = option(args, "source") ?? `Danh mục đơn vị hành chính (Tổng cục Thống kê), nhập từ ${csvPath.split("/").pop()}`;
  const text = toYamlText(
    "../schemas/units.schema.json",
    "Danh sách đơn vị hành chính (tỉnh, huyện, xã) theo Danh mục của Tổng cục Thống kê.\nTạo bằng lệnh npm run import-units; tên và mã giữ đúng như danh mục.",
    { source, units },
  );
  writeFileSync(target, text);
  const counts = units.reduce<Record<string, number>>((m, u) => ((m[u.level] = (m[u.level] ?? 0) + 1), m), {});
  process.stdout.write(`Đã ghi ${join(dataDir, "units.yaml")}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}.\n`);
  return 0;
});
