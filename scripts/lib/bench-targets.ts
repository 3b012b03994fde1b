// The speed and memory targets `npm run bench` measures against (issue 11): each a figure of the
// bundled province or of the generated nation, a limit, and whether the run met it. A target whose
// figure was not measured (--no-build, --no-national) is left out; the nation's absolute targets
// hold for the whole nation only (not for --quick or --provinces N), while its floors ratio is
// measured on whatever nation was built.

/** The figures a target reads (bench.ts measures them). */
export interface TargetFigures {
  check_s: number | null;
  build_cold_s: number | null;
  build_noop_s: number | null;
  build_one_edit_s: number | null;
  peak_rss_mb: number | null;
  floor_parse_s: number;
  floor_docx_s: number | null;
}

export interface Verdict {
  /** What is measured, in Vietnamese (printed). */
  label: string;
  /** The figure, and the limit it must not exceed (same unit). */
  value: number;
  limit: number;
  unit: "giây" | "MB";
  met: boolean;
}

/** 3 GB (10⁹ bytes each, the stricter reading) in the MB (MiB, 2²⁰ bytes) of the figures: 2 861. */
const THREE_GB_MB = 3e9 / 2 ** 20;

export function verdicts(province: TargetFigures | undefined, nation: TargetFigures | undefined, wholeNation: boolean): Verdict[] {
  const out: Verdict[] = [];
  const add = (label: string, value: number | null | undefined, limit: number | null, unit: Verdict["unit"] = "giây") => {
    if (value === null || value === undefined || limit === null || Number.isNaN(value) || Number.isNaN(limit)) return;
    out.push({ label, value, limit, unit, met: value <= limit });
  };
  add("tỉnh: build lần đầu", province?.build_cold_s, 15);
  add("tỉnh: build không đổi gì", province?.build_noop_s, 2);
  add("tỉnh: build sau khi sửa một xã", province?.build_one_edit_s, 3);
  if (nation && wholeNation) {
    add("toàn quốc: check", nation.check_s, 20);
    add("toàn quốc: build lần đầu", nation.build_cold_s, 300);
    add("toàn quốc: bộ nhớ đỉnh", nation.build_cold_s === null ? null : nation.peak_rss_mb, THREE_GB_MB, "MB");
    add("toàn quốc: build sau khi sửa một xã", nation.build_one_edit_s, 10);
  }
  const floors = nation?.floor_docx_s == null ? null : 3 * nation.floor_parse_s + nation.floor_docx_s;
  add("toàn quốc: build lần đầu ≤ 3 × sàn đọc YAML + sàn đóng gói DOCX", nation?.build_cold_s, floors);
  return out;
}

/** The verdicts as a Markdown table (numbers with a decimal comma). */
export function verdictTable(rows: readonly Verdict[]): string {
  const num = (v: number, unit: Verdict["unit"]) => (unit === "MB" ? v.toFixed(0) : v.toFixed(1).replace(".", ","));
  const lines = ["| mục tiêu | đo được | giới hạn | |", "| --- | ---: | ---: | --- |"];
  for (const r of rows) lines.push(`| ${r.label} | ${num(r.value, r.unit)} ${r.unit} | ≤ ${num(r.limit, r.unit)} ${r.unit} | ${r.met ? "đạt" : "**chưa đạt**"} |`);
  return lines.join("\n") + "\n";
}
