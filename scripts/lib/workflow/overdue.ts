// `overdue`: per level, the units whose report is not submitted although the plan's deadline for
// their level has passed at the given date, with the team that follows them up (the unit's own
// team, else the CODEOWNERS owner of its report file). Markdown, for a job summary.
import type { Dataset } from "../model/dataset.js";
import { classify } from "../dataset/load-dataset.js";
import { daysBetween, shortDate } from "../model/dates.js";
import { deadlineOf } from "../model/deadlines.js";
import { STATUS_LABEL } from "../model/timeliness.js";
import type { Unit } from "../model/types.js";
import { mdInline } from "../render/markdown-escape.js";

type Tree = Pick<Dataset, "units" | "levels" | "project" | "plan" | "files">;

interface Filed {
  status: string | null;
  submitted_on: string | null;
}

/** Status and submission date of every report file that names its unit, schema-valid or not. */
function filedReports(ds: Tree): Map<string, Filed> {
  const out = new Map<string, Filed>();
  for (const [rel, file] of ds.files) {
    if (classify(rel) !== "report") continue;
    const d = file.data as { unit?: unknown; status?: unknown; submitted_on?: unknown } | undefined;
    if (typeof d?.unit !== "string") continue;
    out.set(d.unit, { status: typeof d.status === "string" ? d.status : null, submitted_on: typeof d.submitted_on === "string" ? d.submitted_on : null });
  }
  return out;
}

const submitted = (f: Filed | undefined) => !!f && (f.status === "da_nop" || f.status === "da_duyet") && f.submitted_on !== null;

export interface OverdueOptions {
  asOf: string;
  /** The team following a unit up, or null. */
  teamOf: (unit: Unit) => string | null;
}

export function overdueMarkdown(ds: Tree, opts: OverdueOptions): string {
  const filed = filedReports(ds);
  const out = [
    "## Đơn vị quá hạn chưa nộp báo cáo",
    "",
    `Tính đến ngày ${shortDate(opts.asOf)}; thời hạn theo kế hoạch, trạng thái theo tệp báo cáo của từng đơn vị.`,
  ];
  let total = 0;
  for (const level of ds.project.levels) {
    const units = [...ds.units.values()].filter((u) => u.level === level.id);
    if (!units.length) continue;
    const deadline = deadlineOf(level, ds.plan);
    out.push("", `### ${mdInline(level.name)}${deadline ? ` — thời hạn ${shortDate(deadline)}` : ""}`, "");
    if (!deadline) {
      out.push("Kế hoạch không ghi thời hạn cho cấp này.");
      continue;
    }
    const late = daysBetween(deadline, opts.asOf);
    if (late <= 0) {
      out.push(late === 0 ? "Hôm nay là ngày hết hạn: chưa tính quá hạn." : `Chưa đến hạn (còn ${-late} ngày).`);
      continue;
    }
    const overdue = units.filter((u) => !submitted(filed.get(u.code)));
    total += overdue.length;
    if (!overdue.length) {
      out.push(`Không có đơn vị quá hạn: ${units.length}/${units.length} ${mdInline(level.unit_noun)} đã nộp.`);
      continue;
    }
    out.push(`${overdue.length}/${units.length} ${mdInline(level.unit_noun)} quá hạn ${late} ngày, chưa nộp báo cáo.`, "");
    out.push("| Mã | Đơn vị | Thuộc | Trạng thái | Nhóm phụ trách |", "| --- | --- | --- | --- | --- |");
    for (const u of overdue) {
      const f = filed.get(u.code);
      const status = !f ? "Chưa có tệp báo cáo" : (STATUS_LABEL[f.status ?? ""] ?? `"${mdInline(f.status ?? "")}"`);
      const parent = u.parent ? ds.units.get(u.parent) : undefined;
      const team = opts.teamOf(u);
      out.push(`| ${mdInline(u.code)} | ${mdInline(u.name)} | ${parent ? mdInline(parent.name) : ""} | ${status} | ${team ? mdInline(team) : "(chưa phân công)"} |`);
    }
  }
  out.push("", total ? `Tổng cộng ${total} đơn vị quá hạn chưa nộp báo cáo.` : "Không có đơn vị nào quá hạn chưa nộp báo cáo.");
  return out.join("\n") + "\n";
}
