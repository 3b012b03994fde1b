// The pull request's job summary, in the order a reviewer reads it: one verdict line for the
// files the pull request changes; their errors and warnings (errors first, each with its code
// frame and hint); the change summary (`diff`, which ends with the documents that change); and
// the whole tree's report folded in <details>. Pure: the collected diff and its head check in,
// Markdown out.
import type { CheckResult } from "../check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatText, frame } from "../diagnostics/report-text.js";
import { mdInline } from "../render/markdown-escape.js";
import { selectChanged } from "./changed-since.js";
import type { DiffInput } from "./diff-types.js";
import { summarizeDiff } from "./summarize-diff.js";

const SEVERITY = { error: "lỗi", warning: "cảnh báo" } as const;

/** A fence longer than any backtick run in the text, so data cannot close it. */
function fenced(text: string, info = "text"): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return [fence + info, ...text.replace(/\n+$/, "").split("\n"), fence];
}

/** The unit a report file belongs to: its `unit:` as parsed (schema-valid or not), else the code its name starts with. */
function unitOf(file: string, head: CheckResult): string | null {
  const ds = head.dataset;
  if (!ds || !/(^|\/)reports\/.+\.ya?ml$/i.test(file)) return null;
  const parsed = [...ds.reports.map((r) => ({ path: r.file.path, unit: r.report.unit as unknown })), ...ds.invalidReports.map((r) => ({ path: r.file.path, unit: (r.data as { unit?: unknown } | null)?.unit }))];
  const declared = parsed.find((r) => r.path === file)?.unit;
  const code = typeof declared === "string" ? declared : (file.split("/").pop() ?? "").split("-")[0]!;
  const unit = ds.units.get(code);
  return unit ? `${unit.name} (mã ${unit.code})` : null;
}

/** GitHub refuses a job summary over 1 MiB: long lists are cut, with a line saying so. */
const MAX_PER_FILE = 25;
const MAX_FILES = 40;
const MAX_FULL_REPORT = 400_000;

function diagnosticBlock(d: Diagnostic, head: CheckResult): string[] {
  const pos = d.line > 0 ? ` dòng ${d.line}, cột ${d.column}` : "";
  const lines = [`- ${d.severity === "error" ? "❌" : "⚠️"} **${SEVERITY[d.severity]}** \`${d.code}\`${pos}: ${mdInline(d.message)}`, `  - Cách sửa: ${mdInline(d.hint)}`];
  const src = frame(head.sources.get(d.file), d.line, d.column);
  if (src.length) lines.push("", ...fenced(src.join("\n"), "yaml").map((l) => `  ${l}`), "");
  return lines;
}

export interface PrSummaryOptions {
  /** Changed files as diagnostics show them. */
  changed: ReadonlySet<string>;
  levelNames: Record<string, string>;
}

export function prSummary(input: DiffInput & { head: CheckResult }, opts: PrSummaryOptions): string {
  const { head } = input;
  const sel = selectChanged(head, opts.changed);
  const hasError = (f: string) => sel.diagnostics.some((d) => d.file === f && d.severity === "error");
  // Files with errors first, then the others, each in path order.
  const files = [...new Set(sel.diagnostics.map((d) => d.file))].sort((a, b) => Number(hasError(b)) - Number(hasError(a)) || (a < b ? -1 : a > b ? 1 : 0));
  const units = [...new Set([...opts.changed].map((f) => unitOf(f, head)).filter((u): u is string => u !== null))];
  const where = units.length ? ` — ${units.slice(0, 3).map(mdInline).join("; ")}${units.length > 3 ? `; và ${units.length - 3} đơn vị khác` : ""}` : "";
  // What this change causes in other files (a sibling's outlier, the district's roll-up), and errors already there.
  const newElsewhere = input.newDiagnostics.filter((d) => !opts.changed.has(d.file));
  const newErrors = newElsewhere.filter((d) => d.severity === "error").length;
  const elsewhere: string[] = [];
  if (newElsewhere.length) elsewhere.push(`${newErrors} lỗi, ${newElsewhere.length - newErrors} cảnh báo mới ở tệp khác do thay đổi này`);
  if (sel.elsewhere.errors > newErrors) elsewhere.push(`${sel.elsewhere.errors - newErrors} lỗi có sẵn ở tệp khác`);
  const out: string[] = [
    `## ${head.ok ? "✅ Số liệu hợp lệ" : "❌ Số liệu chưa hợp lệ"}${where}: ${sel.summary.errors} lỗi, ${sel.summary.warnings} cảnh báo trong ${opts.changed.size} tệp thay đổi${elsewhere.length ? `; ${elsewhere.join("; ")} (xem bên dưới)` : ""}`,
    "",
  ];
  if (sel.diagnostics.length) {
    out.push("### Lỗi, cảnh báo trong các tệp thay đổi", "");
    for (const file of files.slice(0, MAX_FILES)) {
      const list = sel.diagnostics.filter((d) => d.file === file).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
      const unit = unitOf(file, head);
      out.push(`#### ${unit ? `${mdInline(unit)} — ` : ""}\`${file}\``, "");
      for (const d of list.slice(0, MAX_PER_FILE)) out.push(...diagnosticBlock(d, head));
      if (list.length > MAX_PER_FILE) out.push(`- … và ${list.length - MAX_PER_FILE} lỗi, cảnh báo khác của tệp này (xem báo cáo đầy đủ ở cuối, hoặc chạy npm run check).`);
      out.push("");
    }
    if (files.length > MAX_FILES) out.push(`… và ${files.length - MAX_FILES} tệp khác có lỗi, cảnh báo (xem báo cáo đầy đủ ở cuối).`, "");
  } else {
    out.push("Các tệp thay đổi không có lỗi, cảnh báo nào.", "");
  }
  out.push(summarizeDiff(input).replace(/^## /, "### ").replace(/\n### /g, "\n#### "));
  let full = formatText(head.diagnostics, head.sources, head.summary, opts.levelNames);
  if (full.length > MAX_FULL_REPORT) full = `${full.slice(0, full.lastIndexOf("\n", MAX_FULL_REPORT))}\n… (báo cáo quá dài, đã cắt; chạy npm run check để xem đủ)\n`;
  out.push(
    "",
    `<details><summary>Báo cáo kiểm tra toàn bộ số liệu: ${head.summary.errors} lỗi, ${head.summary.warnings} cảnh báo trong ${head.summary.files} tệp</summary>`,
    "",
    ...fenced(full),
    "",
    "</details>",
  );
  return out.join("\n") + "\n";
}
