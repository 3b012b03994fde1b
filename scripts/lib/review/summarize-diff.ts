// The pull-request summary a reviewer reads instead of the YAML diff: for each changed report,
// the unit, its status change, every indicator value that changed (old → new, relative change),
// the narrative sections touched, finance rows and signer changes, the file's new errors and
// warnings, and which documents of dist/ the change rebuilds. Pure: old and new report data,
// the dataset and the diagnostics in, Markdown out (git plumbing lives in git.ts, diff-data.ts).
import { PLAUSIBILITY_CODES } from "../diagnostics/codes-plausibility.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Unit } from "../model/types.js";
import { mdInline } from "../render/markdown-escape.js";
import { ancestors, reportPath } from "../units/paths.js";
import type { ChangeKind, DiffContext, DiffInput, LooseReport, ReportChange } from "./diff-types.js";
import { documentInfoLines, financeLines, narrativeLines, notesLines, statusLines, summaryOfNew, valueLines } from "./report-changes.js";

export * from "./diff-types.js";
export { periodPhrase, relativeChange } from "./report-changes.js";

const SEVERITY = { error: "lỗi", warning: "cảnh báo" } as const;

/** "dòng 36, trường `document.signer.position`": where a diagnostic is, the field named even when the message does not. */
function where(d: Diagnostic): string {
  const field = d.pointer ? d.pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).join(".") : "";
  const parts = [d.line > 0 ? `dòng ${d.line}` : "", field ? `trường \`${field.replace(/`/g, "'")}\`` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function diagnosticLines(list: readonly Diagnostic[], title: string): string[] {
  if (!list.length) return [];
  return ["", `**${title}** (${list.length}):`, "", ...list.map((d) => `- **${SEVERITY[d.severity]}** \`${d.code}\`${where(d)}: ${mdInline(d.message)}`)];
}

/** Pointers of the values a plausibility warning is about, with its code (the ⚠ marks). */
function plausibilityFlags(list: readonly Diagnostic[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const d of list) if (d.code in PLAUSIBILITY_CODES && d.pointer.startsWith("/values/") && !flags.has(d.pointer)) flags.set(d.pointer, d.code);
  return flags;
}

// --- documents ------------------------------------------------------------------------------

/** dist/ path of a unit's documents, without the extension: "documents/<folder>/<code>-<slug>". */
export function documentBase(unit: Unit, ctx: DiffContext): string {
  return `documents/${reportPath(unit, { units: ctx.units, levels: ctx.levels }).replace(/^reports\//, "").replace(/\.ya?ml$/, "")}`;
}

/** Files whose change rebuilds every document (anything YAML outside reports/). */
const CONFIG = /\.ya?ml$/i;

function rebuiltDocuments(input: DiffInput): string[] {
  const ctx = input.ctx;
  const lines: string[] = [];
  const configChanged = input.others.filter((o) => CONFIG.test(o.rel));
  if (configChanged.length) {
    lines.push(`- Mọi văn bản, kể cả kế hoạch \`documents/ke-hoach.{docx,html,md}\`: tệp cấu hình, danh mục thay đổi (${configChanged.map((o) => `\`${o.shown}\``).join(", ")}).`);
  }
  if (!ctx) return lines.length ? ["", "### Văn bản thay đổi khi dựng lại", "", ...lines] : [];
  const reasons = new Map<string, { unit: Unit; own: boolean }>();
  for (const r of input.reports) {
    for (const code of new Set([r.before?.unit, r.after?.unit])) {
      const unit = code ? ctx.units.get(code) : undefined;
      if (!unit) continue;
      reasons.set(unit.code, { unit, own: true });
      for (const up of ancestors(unit, { units: ctx.units, levels: ctx.levels })) if (!reasons.has(up.code)) reasons.set(up.code, { unit: up, own: false });
    }
  }
  const docs = [...reasons.values()].map(({ unit, own }) => ({ base: documentBase(unit, ctx), unit, own })).sort((x, y) => (x.base < y.base ? -1 : x.base > y.base ? 1 : 0));
  for (const d of docs) {
    lines.push(`- \`${d.base}.{docx,html,md}\` — ${mdInline(d.unit.name)} (${d.own ? "báo cáo của đơn vị" : "tổng hợp từ đơn vị cấp dưới"})`);
  }
  return lines.length ? ["", "### Văn bản thay đổi khi dựng lại", "", ...lines] : [];
}

// --- the whole summary ----------------------------------------------------------------------

const CHANGE_VI: Record<ChangeKind, string> = { added: "thêm mới", removed: "đã xóa", modified: "sửa" };

function unitTitle(r: ReportChange, ctx: DiffContext | null): { heading: string; name: string } {
  const code = r.after?.unit ?? r.before?.unit ?? null;
  const unit = code ? ctx?.units.get(code) : undefined;
  if (unit) return { heading: `${mdInline(unit.name)} (mã ${mdInline(unit.code)})`, name: mdInline(unit.name) };
  if (code) return { heading: `Mã đơn vị "${mdInline(code)}" (không có trong danh sách đơn vị)`, name: `"${mdInline(code)}"` };
  return { heading: `\`${r.shown}\``, name: `\`${r.shown}\`` };
}

export function summarizeDiff(input: DiffInput): string {
  const { ctx } = input;
  const count = (k: ChangeKind) => input.reports.filter((r) => r.change === k).length;
  const errors = input.newDiagnostics.filter((d) => d.severity === "error").length;
  const warnings = input.newDiagnostics.length - errors;
  const out: string[] = [`## Thay đổi số liệu so với \`${input.base}\``, ""];
  if (!input.reports.length && !input.others.length) {
    out.push("Không có thay đổi nào trong thư mục số liệu.");
    return out.join("\n") + "\n";
  }
  out.push(
    `${count("modified")} báo cáo sửa, ${count("added")} báo cáo thêm mới, ${count("removed")} báo cáo bị xóa; ${input.others.length} tệp số liệu khác. ` +
      `Lỗi, cảnh báo mới: ${errors} lỗi, ${warnings} cảnh báo${input.resolved ? `; đã hết ${input.resolved} lỗi, cảnh báo so với bản gốc` : ""}.`,
  );
  if (input.baseIncomplete) {
    out.push("", "> Bản gốc không kiểm tra được trọn vẹn với chương trình hiện tại (tệp cấu hình của bản gốc không còn khớp mẫu), nên chỉ liệt kê lỗi, cảnh báo mới ở các tệp thay đổi.");
  }
  const shownReports = new Set(input.reports.map((r) => r.shown));
  for (const r of input.reports) {
    const { heading, name } = unitTitle(r, ctx);
    out.push("", `### ${heading}`, "", `Tệp \`${r.shown}\` (${CHANGE_VI[r.change]})`, "");
    const own = input.newDiagnostics.filter((d) => d.file === r.shown);
    if (r.afterUnreadable) out.push("Tệp hiện không đọc được (sai cú pháp YAML): xem lỗi bên dưới.");
    else if (r.change === "removed" && r.before) out.push(...statusLines(r.before, null).map((l) => l.replace("**Trạng thái:**", "**Trạng thái trước khi xóa:**")));
    else if (r.change === "added" && r.after) out.push(...statusLines(null, r.after), ...summaryOfNew(r.after));
    else if (r.before && r.after) {
      out.push(...statusLines(r.before, r.after));
      out.push(...valueLines(r.before, r.after, name, ctx, plausibilityFlags(own)), ...notesLines(r.before, r.after, ctx), ...narrativeLines(r.before, r.after, ctx), ...financeLines(r.before, r.after, ctx), ...documentInfoLines(r.before, r.after));
    } else if (r.after) out.push(...statusLines(null, r.after), "", "Bản gốc không đọc được (sai cú pháp YAML): không so sánh được từng giá trị.");
    out.push(...diagnosticLines(own, "Lỗi, cảnh báo mới"));
  }
  const moved = input.reports.filter((r) => r.change !== "modified");
  if (moved.length) {
    out.push("", "### Tệp báo cáo thêm, xóa", "");
    for (const r of moved) out.push(`- ${CHANGE_VI[r.change]}: \`${r.shown}\` — ${unitTitle(r, ctx).heading}`);
  }
  if (input.others.length) {
    out.push("", "### Tệp số liệu khác thay đổi", "");
    for (const o of input.others) out.push(`- ${CHANGE_VI[o.change]}: \`${o.shown}\``);
  }
  const elsewhere = input.newDiagnostics.filter((d) => !shownReports.has(d.file));
  if (elsewhere.length) {
    out.push("", "### Lỗi, cảnh báo mới ở các tệp khác", "");
    for (const d of elsewhere) out.push(`- \`${d.file}\`${where(d)}: **${SEVERITY[d.severity]}** \`${d.code}\`: ${mdInline(d.message)}`);
  }
  out.push(...rebuiltDocuments(input));
  return out.join("\n") + "\n";
}
