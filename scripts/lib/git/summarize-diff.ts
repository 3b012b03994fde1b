// The pull-request summary a reviewer reads instead of the YAML diff: for each changed report,
// the unit, its status change, every indicator value that changed (old → new, relative change),
// the narrative sections touched, finance rows and signer changes, the file's new errors and
// warnings, and which documents of dist/ the change rebuilds. Pure: old and new report data,
// the dataset and the diagnostics in, Markdown out (git plumbing lives in git.ts, diff-data.ts).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Dataset } from "../load/load-dataset.js";
import { flattenOutline } from "../model/catalogue.js";
import { shortDate } from "../model/dates.js";
import { STATUS_LABEL } from "../model/timeliness.js";
import type { Indicator, OutlineSection, Period, Unit } from "../model/types.js";
import { formatNumber, formatSigned } from "../render/format.js";
import { mdInline } from "../render/markdown-escape.js";
import { ancestors, reportPath } from "../units/paths.js";

/** What the summary needs from a dataset (the head's, or the base's when the head's cannot be assembled). */
export type DiffContext = Pick<Dataset, "units" | "levels" | "project" | "catalogue" | "outline" | "programme">;

/** A report file's data as parsed, schema-valid or not: every field optional, wrong types dropped. */
export interface LooseReport {
  unit: string | null;
  status: string | null;
  submitted_on: string | null;
  approved_on: string | null;
  document: { number: unknown; date: unknown; signer: Record<string, unknown>; recipients: unknown };
  values: Record<string, Record<string, unknown>>;
  finance: Record<string, unknown>[];
  narrative: Record<string, unknown>;
}

export type ChangeKind = "added" | "removed" | "modified";

export interface ReportChange {
  /** Path as shown to the user ("data/reports/…"). */
  shown: string;
  change: ChangeKind;
  /** Null when the file is absent on that side, or could not be read (see *Unreadable). */
  before: LooseReport | null;
  after: LooseReport | null;
  beforeUnreadable?: boolean;
  afterUnreadable?: boolean;
}

export interface OtherChange {
  shown: string;
  /** Path relative to the data folder. */
  rel: string;
  change: ChangeKind;
}

export interface DiffInput {
  /** The ref compared with, as the user typed it. */
  base: string;
  ctx: DiffContext | null;
  reports: ReportChange[];
  others: OtherChange[];
  /** Diagnostics of the head version absent from the base version (by file, code and pointer). */
  newDiagnostics: Diagnostic[];
  /** Number of the base version's diagnostics gone in the head version. */
  resolved: number;
  /** The base version could not be checked as a whole (its configuration fails the current schemas). */
  baseIncomplete?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);

export function looseReport(data: unknown): LooseReport | null {
  if (!isRecord(data)) return null;
  const doc = isRecord(data.document) ? data.document : {};
  const values: LooseReport["values"] = {};
  if (isRecord(data.values)) for (const [id, byP] of Object.entries(data.values)) values[id] = isRecord(byP) ? byP : {};
  return {
    unit: str(data.unit),
    status: str(data.status),
    submitted_on: str(data.submitted_on),
    approved_on: str(data.approved_on),
    document: { number: doc.number, date: doc.date, signer: isRecord(doc.signer) ? doc.signer : {}, recipients: doc.recipients },
    values,
    finance: Array.isArray(data.finance) ? data.finance.filter(isRecord) : [],
    narrative: isRecord(data.narrative) ? data.narrative : {},
  };
}

// --- formatting -----------------------------------------------------------------------------

const NONE = "chưa có";
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function showDate(v: unknown): string {
  const s = str(v);
  return s === null ? NONE : ISO.test(s) ? shortDate(s) : `"${mdInline(s)}"`;
}

function showValue(v: unknown, ind: Indicator | undefined): string {
  if (v === undefined || v === null) return NONE;
  if (typeof v !== "number" || !Number.isFinite(v)) return `"${mdInline(String(v))}"`;
  const decimals = Number.isInteger(v) ? 0 : Math.max(ind?.decimals ?? 1, 1, Math.min(3, (String(v).split(".")[1] ?? "").length));
  return formatNumber(v, decimals);
}

function showText(v: unknown): string {
  if (v === undefined || v === null) return NONE;
  if (Array.isArray(v)) return v.length ? v.map((x) => `"${mdInline(String(x))}"`).join(", ") : "(không có)";
  const s = String(v);
  return s === "" ? "(để trống)" : `"${mdInline(s)}"`;
}

/** "−12,5%": the change from a to b relative to a; null when a is 0. */
export function relativeChange(a: number, b: number): string | null {
  if (a === 0) return null;
  return `${formatSigned(((b - a) / Math.abs(a)) * 100, 1)}%`;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/** A value observed over a period (flows, and counts or money reported only for periods with an interval) reads with the flow label. */
function isFlowLike(ind: Indicator, periods: readonly Period[]): boolean {
  if (ind.kind === "flow") return true;
  if (ind.kind !== "count" && ind.kind !== "money") return false;
  return ind.periods.every((id) => periods.find((p) => p.id === id)?.flow_label != null);
}

/** "cuối năm 2017", "tại 30/6/2018" (stocks), "năm 2016", "6 tháng đầu năm 2018" (flows). */
export function periodPhrase(ind: Indicator | undefined, periodId: string, periods: readonly Period[]): string {
  const p = periods.find((x) => x.id === periodId);
  if (!p) return `kỳ "${mdInline(periodId)}"`;
  const flow = ind !== undefined && p.flow_label !== null && isFlowLike(ind, periods);
  const label = lowerFirst(flow ? p.flow_label! : p.stock_label);
  return !flow && /^\d/.test(label) ? `tại ${label}` : label;
}

// --- the parts of one report ----------------------------------------------------------------

function statusLines(b: LooseReport | null, a: LooseReport | null): string[] {
  const label = (s: string | null | undefined) => (s ? (STATUS_LABEL[s] ?? `"${mdInline(s)}"`) : NONE);
  const parts: string[] = [];
  if (b && a) {
    parts.push(b.status === a.status ? `${label(a.status)} (không đổi)` : `${label(b.status)} → ${label(a.status)}`);
    if (b.submitted_on !== a.submitted_on) parts.push(`ngày nộp: ${showDate(b.submitted_on)} → ${showDate(a.submitted_on)}`);
    if (b.approved_on !== a.approved_on) parts.push(`ngày duyệt: ${showDate(b.approved_on)} → ${showDate(a.approved_on)}`);
  } else {
    const r = (a ?? b)!;
    parts.push(label(r.status));
    if (r.submitted_on) parts.push(`ngày nộp ${showDate(r.submitted_on)}`);
    if (r.approved_on) parts.push(`ngày duyệt ${showDate(r.approved_on)}`);
  }
  return [`**Trạng thái:** ${parts.join("; ")}`];
}

const DOCUMENT_FIELDS: [string, (r: LooseReport) => unknown, boolean][] = [
  ["Số văn bản", (r) => r.document.number, false],
  ["Ngày ký", (r) => r.document.date, true],
  ["Quyền hạn ký", (r) => r.document.signer.authority, false],
  ["Ký thay", (r) => r.document.signer.deputy, false],
  ["Chức vụ", (r) => r.document.signer.position, false],
  ["Họ và tên người ký", (r) => r.document.signer.name, false],
  ["Nơi nhận", (r) => r.document.recipients, false],
];

function documentInfoLines(b: LooseReport, a: LooseReport): string[] {
  const out: string[] = [];
  for (const [title, get, isDate] of DOCUMENT_FIELDS) {
    const x = get(b);
    const y = get(a);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    out.push(`- ${title}: ${isDate ? showDate(x) : showText(x)} → ${isDate ? showDate(y) : showText(y)}`);
  }
  return out.length ? ["", "**Thông tin văn bản:**", "", ...out] : [];
}

function valueLines(b: LooseReport, a: LooseReport, unitName: string, ctx: DiffContext | null): string[] {
  const indicators = new Map((ctx?.catalogue.indicators ?? []).map((i) => [i.id, i]));
  const periods = ctx?.project.periods ?? [];
  const order = new Map([...indicators.keys()].map((id, i) => [id, i]));
  const pOrder = new Map(periods.map((p, i) => [p.id, i]));
  const ids = [...new Set([...Object.keys(b.values), ...Object.keys(a.values)])].sort(
    (x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0),
  );
  const out: string[] = [];
  for (const id of ids) {
    const ind = indicators.get(id);
    const before = b.values[id] ?? {};
    const after = a.values[id] ?? {};
    const ps = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
      (x, y) => (pOrder.get(x) ?? Infinity) - (pOrder.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0),
    );
    for (const p of ps) {
      const x = before[p] ?? null;
      const y = after[p] ?? null;
      if (x === y) continue;
      const name = ind ? mdInline(ind.name) : `chỉ tiêu "${mdInline(id)}" (không có trong danh mục)`;
      let change = `${showValue(x, ind)} → ${showValue(y, ind)}`;
      if (typeof x === "number" && typeof y === "number") {
        const rel = relativeChange(x, y);
        if (rel) change += ` (${rel})`;
      } else if (x === null) change += " (giá trị mới)";
      else if (y === null) change += " (đã xóa giá trị)";
      out.push(`- ${unitName} — ${name} ${periodPhrase(ind, p, periods)}: ${change}`);
    }
  }
  return out.length ? ["", `**Số liệu** (${out.length} giá trị thay đổi):`, "", ...out] : [];
}

function financeLines(b: LooseReport, a: LooseReport, ctx: DiffContext | null): string[] {
  const key = (r: Record<string, unknown>) => `${String(r.component)}|${String(r.source)}|${String(r.period)}`;
  const before = new Map(b.finance.map((r) => [key(r), r]));
  const after = new Map(a.finance.map((r) => [key(r), r]));
  const sources = new Map((ctx?.programme.sources ?? []).map((s) => [s.id, s.name]));
  const periods = ctx?.project.periods ?? [];
  const money = ctx?.project.money_unit ?? "";
  const num = (v: unknown) => (typeof v === "number" ? formatNumber(v, Number.isInteger(v) ? 0 : 1) : showText(v));
  const out: string[] = [];
  for (const k of [...new Set([...before.keys(), ...after.keys()])]) {
    const x = before.get(k);
    const y = after.get(k);
    if (x && y && x.plan === y.plan && x.disbursed === y.disbursed) continue;
    const r = (y ?? x)!;
    const p = periods.find((q) => q.id === r.period);
    const label = `${mdInline(String(r.component))} — ${mdInline(sources.get(String(r.source)) ?? String(r.source))} — ${p ? lowerFirst(p.flow_label ?? p.stock_label) : mdInline(String(r.period))}`;
    if (!x) out.push(`- ${label}: dòng mới (kế hoạch ${num(r.plan)}, giải ngân ${num(r.disbursed)})`);
    else if (!y) out.push(`- ${label}: đã xóa dòng (kế hoạch ${num(r.plan)}, giải ngân ${num(r.disbursed)})`);
    else {
      const parts: string[] = [];
      if (x.plan !== y.plan) parts.push(`kế hoạch ${num(x.plan)} → ${num(y.plan)}`);
      if (x.disbursed !== y.disbursed) parts.push(`giải ngân ${num(x.disbursed)} → ${num(y.disbursed)}`);
      out.push(`- ${label}: ${parts.join(", ")}`);
    }
  }
  return out.length ? ["", `**Nguồn vốn** (${money}, ${out.length} dòng thay đổi):`, "", ...out] : [];
}

function narrativeLines(b: LooseReport, a: LooseReport, ctx: DiffContext | null): string[] {
  const sections = new Map<string, OutlineSection>();
  for (const s of flattenOutline(ctx?.outline.sections ?? [])) if (s.narrative) sections.set(s.narrative, s);
  const order = new Map([...sections.keys()].map((k, i) => [k, i]));
  const keys = [...new Set([...Object.keys(b.narrative), ...Object.keys(a.narrative)])].sort(
    (x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0),
  );
  const len = (v: unknown) => (typeof v === "string" ? v.trim().length : 0);
  const out: string[] = [];
  for (const k of keys) {
    const x = b.narrative[k];
    const y = a.narrative[k];
    if (x === y) continue;
    const s = sections.get(k);
    const title = s ? mdInline(`${s.id}. ${s.title}`) : `"${mdInline(k)}" (không có trong đề cương)`;
    let what: string;
    if (x === undefined) what = len(y) ? `thêm phần, viết mới (${len(y)} ký tự)` : "thêm phần (để trống)";
    else if (y === undefined) what = `bỏ phần (trước có ${len(x)} ký tự)`;
    else if (len(x) === 0 && len(y) > 0) what = `viết mới (${len(y)} ký tự)`;
    else if (len(x) > 0 && len(y) === 0) what = `xóa nội dung (trước có ${len(x)} ký tự)`;
    else if (String(x).trim() === String(y).trim()) what = "chỉ sửa khoảng trắng, xuống dòng";
    else what = `sửa nội dung (${len(x)} → ${len(y)} ký tự)`;
    out.push(`- ${title}: ${what}`);
  }
  return out.length ? ["", `**Thuyết minh** (${out.length} phần thay đổi):`, "", ...out] : [];
}

function summaryOfNew(r: LooseReport): string[] {
  const cells = Object.values(r.values).flatMap((byP) => Object.values(byP));
  const filled = cells.filter((v) => v !== null && v !== undefined).length;
  const texts = Object.values(r.narrative);
  const written = texts.filter((t) => typeof t === "string" && t.trim() !== "").length;
  return [
    "",
    `Tệp mới: ${Object.keys(r.values).length} chỉ tiêu, ${filled}/${cells.length} giá trị đã điền; ${r.finance.length} dòng nguồn vốn; ${written}/${texts.length} phần thuyết minh đã viết.`,
  ];
}

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
      out.push(...valueLines(r.before, r.after, name, ctx), ...narrativeLines(r.before, r.after, ctx), ...financeLines(r.before, r.after, ctx), ...documentInfoLines(r.before, r.after));
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
