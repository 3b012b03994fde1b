// The lines of the summary for one changed report: status, values, money, narrative, document
// details, and the short description of a new file. Pure.
import { flattenOutline } from "../model/catalogue.js";
import { shortDate } from "../model/dates.js";
import { STATUS_LABEL } from "../model/timeliness.js";
import type { Indicator, OutlineSection, Period } from "../model/types.js";
import { formatNumber, formatSigned } from "../text/format.js";
import { mdInline } from "../render/markdown-escape.js";
import { str, type DiffContext, type LooseReport } from "./diff-types.js";

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

export function statusLines(b: LooseReport | null, a: LooseReport | null): string[] {
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

export function documentInfoLines(b: LooseReport, a: LooseReport): string[] {
  const out: string[] = [];
  for (const [title, get, isDate] of DOCUMENT_FIELDS) {
    const x = get(b);
    const y = get(a);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    out.push(`- ${title}: ${isDate ? showDate(x) : showText(x)} → ${isDate ? showDate(y) : showText(y)}`);
  }
  return out.length ? ["", "**Thông tin văn bản:**", "", ...out] : [];
}

/** Marks a value line whose new value draws a plausibility warning (pointer "/values/<id>/<period>" → its code). */
export type Flags = ReadonlyMap<string, string>;

export function valueLines(b: LooseReport, a: LooseReport, unitName: string, ctx: DiffContext | null, flags: Flags = new Map()): string[] {
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
      const flag = flags.get(`/values/${id}/${p}`);
      const reason = typeof a.notes[id] === "string" && (a.notes[id] as string).trim() ? ` — lý do đơn vị ghi: "${mdInline((a.notes[id] as string).trim())}"` : "";
      out.push(`- ${flag ? "⚠ " : ""}${unitName} — ${name} ${periodPhrase(ind, p, periods)}: ${change}${flag ? ` — **số liệu bất thường** (\`${flag}\`)` : ""}${reason}`);
    }
  }
  return out.length ? ["", `**Số liệu** (${out.length} giá trị thay đổi):`, "", ...out] : [];
}

export function financeLines(b: LooseReport, a: LooseReport, ctx: DiffContext | null): string[] {
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
    if (x && y && x.plan === y.plan && x.disbursed === y.disbursed && x.note === y.note) continue;
    const r = (y ?? x)!;
    const p = periods.find((q) => q.id === r.period);
    const note = typeof r.note === "string" && r.note.trim() ? ` — lý do đơn vị ghi: "${mdInline(r.note.trim())}"` : "";
    const label = `${mdInline(String(r.component))} — ${mdInline(sources.get(String(r.source)) ?? String(r.source))} — ${p ? lowerFirst(p.flow_label ?? p.stock_label) : mdInline(String(r.period))}`;
    if (!x) out.push(`- ${label}: dòng mới (kế hoạch ${num(r.plan)}, giải ngân ${num(r.disbursed)})${note}`);
    else if (!y) out.push(`- ${label}: đã xóa dòng (kế hoạch ${num(r.plan)}, giải ngân ${num(r.disbursed)})`);
    else {
      const parts: string[] = [];
      if (x.plan !== y.plan) parts.push(`kế hoạch ${num(x.plan)} → ${num(y.plan)}`);
      if (x.disbursed !== y.disbursed) parts.push(`giải ngân ${num(x.disbursed)} → ${num(y.disbursed)}`);
      if (x.note !== y.note && !note) parts.push("bỏ lý do");
      out.push(`- ${label}: ${parts.length ? parts.join(", ") : "sửa lý do"}${note}`);
    }
  }
  return out.length ? ["", `**Nguồn vốn** (${money}, ${out.length} dòng thay đổi):`, "", ...out] : [];
}

export function narrativeLines(b: LooseReport, a: LooseReport, ctx: DiffContext | null): string[] {
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

export function summaryOfNew(r: LooseReport): string[] {
  const cells = Object.values(r.values).flatMap((byP) => Object.values(byP));
  const filled = cells.filter((v) => v !== null && v !== undefined).length;
  const texts = Object.values(r.narrative);
  const written = texts.filter((t) => typeof t === "string" && t.trim() !== "").length;
  return [
    "",
    `Tệp mới: ${Object.keys(r.values).length} chỉ tiêu, ${filled}/${cells.length} giá trị đã điền; ${r.finance.length} dòng nguồn vốn; ${written}/${texts.length} phần thuyết minh đã viết.`,
  ];
}

/** Reasons for unusual values added, changed or removed: the reviewer reads them beside the figures. */
export function notesLines(b: LooseReport, a: LooseReport, ctx: DiffContext | null): string[] {
  const names = new Map((ctx?.catalogue.indicators ?? []).map((i) => [i.id, i.name]));
  const out: string[] = [];
  for (const id of [...new Set([...Object.keys(b.notes), ...Object.keys(a.notes)])].sort()) {
    const x = b.notes[id];
    const y = a.notes[id];
    if (x === y) continue;
    const name = names.has(id) ? mdInline(names.get(id)!) : `"${mdInline(id)}" (không có trong danh mục)`;
    if (y === undefined) out.push(`- ${name}: bỏ lý do (trước là ${showText(x)})`);
    else out.push(`- ${name}: ${x === undefined ? "" : `${showText(x)} → `}${showText(y)}`);
  }
  return out.length ? ["", `**Giải trình số liệu bất thường** (\`notes\`, ${out.length} dòng thay đổi):`, "", ...out] : [];
}
