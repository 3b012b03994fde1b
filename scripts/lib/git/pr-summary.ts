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

/** The unit a report file belongs to, by the code its name starts with ("07969-thi-tran-….yaml"). */
function unitOf(file: string, head: CheckResult): string | null {
  const name = file.split("/").pop() ?? "";
  if (!/\/reports\//.test(`/${file}`) || !/\.ya?ml$/i.test(name)) return null;
  const unit = head.dataset?.units.get(name.replace(/\.ya?ml$/i, "").split("-")[0] ?? "");
  return unit ? `${unit.name} (mã ${unit.code})` : null;
}

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
  const files = [...new Set(sel.diagnostics.map((d) => d.file))];
  const units = [...new Set([...opts.changed].map((f) => unitOf(f, head)).filter((u): u is string => u !== null))];
  const ok = head.ok;
  const where = units.length ? ` — ${units.slice(0, 3).map(mdInline).join("; ")}${units.length > 3 ? `; và ${units.length - 3} đơn vị khác` : ""}` : "";
  const elsewhere = sel.elsewhere.errors ? `; còn ${sel.elsewhere.errors} lỗi ở tệp khác, xem báo cáo đầy đủ bên dưới` : "";
  const out: string[] = [
    `## ${ok ? "✅ Số liệu hợp lệ" : "❌ Số liệu chưa hợp lệ"}${where}: ${sel.summary.errors} lỗi, ${sel.summary.warnings} cảnh báo trong ${opts.changed.size} tệp thay đổi${elsewhere}`,
    "",
  ];
  if (sel.diagnostics.length) {
    out.push("### Lỗi, cảnh báo trong các tệp thay đổi", "");
    for (const file of files) {
      const list = sel.diagnostics.filter((d) => d.file === file).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
      const unit = unitOf(file, head);
      out.push(`#### ${unit ? `${mdInline(unit)} — ` : ""}\`${file}\``, "");
      for (const d of list) out.push(...diagnosticBlock(d, head));
      out.push("");
    }
  } else {
    out.push("Các tệp thay đổi không có lỗi, cảnh báo nào.", "");
  }
  out.push(summarizeDiff(input).replace(/^## /, "### ").replace(/\n### /g, "\n#### "));
  const full = formatText(head.diagnostics, head.sources, head.summary, opts.levelNames);
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
