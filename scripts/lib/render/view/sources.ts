// Whose figures a report's tables show: one source per table (the unit's own declared figures or
// the sum of the units that reported while the roll-up below it is incomplete; a policy an agency
// keeps for the whole territory from that agency), the notes under each form saying exactly what
// its figures add (money: the unit's own, the agencies' and the reporting children's), and the
// note saying how many units below it were received.
import type { Tree, UnitFigures, Values } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import { shortDate } from "../../model/dates.js";
import type { FinanceRecord, FormColumn, FormRow, FormSpec, Unit } from "../../model/types.js";
import { formatNumber } from "../../text/format.js";
import { childrenOf } from "../../model/unit-index.js";
import { lowerFirst, typesNoun } from "./names.js";

/** "12/13 huyện, thành phố, thị xã": the unit's territory children that reported by its date, of all. */
function reportingChildren(ds: Dataset, fig: UnitFigures): string {
  const level = ds.levels.get(ds.project.levels.find((l) => l.parent === fig.unit.level && l.kind === "territory")?.id ?? "");
  const kids = childrenOf(ds).get(fig.unit.code)?.filter((u) => u.level === level?.id) ?? [];
  const noun = typesNoun(kids, level?.unit_types, level?.unit_noun ?? "đơn vị");
  return `${fig.coverage.reporting}/${fig.coverage.total} ${noun}`;
}

/** One source per table: while the roll-up below a unit is incomplete, a table shows either the
 *  unit's own declared figures (when it declared any of the table's indicators) or the sum of
 *  the units that reported, never a mix, and says which; an indicator the unit takes from an
 *  agency keeping it for the whole territory shows the agency's figure either way (its own note:
 *  adoptedNotes). */
export function tableSource(ds: Dataset, fig: UnitFigures, ids: readonly string[]): { values: Values; note: string | null } {
  if (!fig.rolled || fig.coverage.complete) return { values: fig.effective, note: null };
  const own = ids.filter((id) => !fig.adopted[id]);
  const entered = (id: string) => !ds.catalogue.indicators.find((i) => i.id === id)?.computed && Object.keys(fig.declared[id] ?? {}).length > 0;
  const count = reportingChildren(ds, fig);
  const declared = own.some(entered);
  const values = withAdopted(fig, declared ? fig.declared : fig.rolled);
  if (ids.length > 0 && own.length === 0) return { values, note: null };
  if (declared) return { values, note: `Số liệu do ${fig.unit.type} báo cáo (đến ngày lập báo cáo, ${count} đã nộp báo cáo).` };
  return { values, note: `Số liệu tổng hợp từ ${count} đã nộp báo cáo.` };
}

function withAdopted(fig: UnitFigures, values: Values): Values {
  const ids = Object.keys(fig.adopted);
  if (!ids.length) return values;
  const out = { ...values };
  for (const id of ids) if (fig.effective[id]) out[id] = fig.effective[id];
  return out;
}

/** "Mục I (tín dụng ưu đãi)" for rows under a heading of an indicators form, else "Dòng III". */
function rowsLabel(form: FormSpec, rows: readonly number[]): string {
  if (form.layout === "indicators") {
    const headings = new Map<number, FormRow>();
    for (const i of rows) {
      for (let j = i; j >= 0; j--) {
        const r = form.rows[j]!;
        if (r.heading) {
          headings.set(j, r);
          break;
        }
      }
    }
    const list = [...headings.values()].map((h) => `${h.number} (${lowerFirst(h.label ?? "")})`);
    if (list.length) return `${list.length > 1 ? "Các mục" : "Mục"} ${list.join(", ")}`;
  }
  const numbers = rows.map((i) => form.rows[i]!.number);
  return `${numbers.length > 1 ? "Các dòng" : "Dòng"} ${numbers.join(", ")}`;
}

/** The rows of a form that show one of these indicators (directly or through a money group). */
function rowsShowing(ds: Dataset, form: FormSpec, ids: ReadonlySet<string>): number[] {
  return form.rows.flatMap((r, i) => {
    const shown = r.indicator ? [r.indicator] : r.source_group ? (ds.programme.source_groups.find((g) => g.id === r.source_group)?.indicators ?? []) : [];
    return shown.some((id) => ids.has(id)) ? [i] : [];
  });
}

/** Which rows of a form show an agency's own figures for the whole territory, and whose. */
function adoptedNotes(ds: Dataset, tree: Tree, fig: UnitFigures, form: FormSpec): string[] {
  const byAgency = new Map<string, Set<string>>();
  for (const [id, from] of Object.entries(fig.adopted)) byAgency.set(from, (byAgency.get(from) ?? new Set()).add(id));
  // In the form's row order (Mục I before Mục II), whatever order the agencies were compiled in;
  // agencies whose figures share rows (Biểu 04's row IV adds several policies' money) share a note.
  const listed = [...byAgency].map(([from, ids]) => ({ from, ids, rows: rowsShowing(ds, form, ids) })).filter((a) => a.rows.length > 0);
  const byRows = new Map<string, { name: string; short: string; date: string }[]>();
  const first = (ids: ReadonlySet<string>) => ds.catalogue.indicators.findIndex((i) => ids.has(i.id));
  for (const { from, ids, rows } of listed.sort((a, b) => a.rows[0]! - b.rows[0]! || first(a.ids) - first(b.ids))) {
    // The same policy's balances, stated under an indicators form (balanceNote), come from it too.
    const printed = new Set(rows.map((i) => form.rows[i]!.indicator));
    const policies = new Set([...printed].map((id) => ds.catalogue.indicators.find((i) => i.id === id)?.policy));
    const balances = form.layout === "indicators" ? ds.catalogue.indicators.filter((i) => ids.has(i.id) && !printed.has(i.id) && policies.has(i.policy) && i.kind === "money") : [];
    const label = `${rowsLabel(form, rows)}${balances.length ? ` và ${balances.map((i) => lowerFirst(i.name)).join(", ")} ghi dưới biểu` : ""}`;
    const agency = tree.figures.get(from)!;
    const date = agency.report?.document.date;
    byRows.set(label, [...(byRows.get(label) ?? []), { name: agency.unit.name, short: agency.unit.short_name, date: date ? ` ngày ${shortDate(date)}` : "" }]);
  }
  const noun = ds.levels.get(ds.project.levels.find((l) => l.parent === fig.unit.level && l.kind === "territory")?.id ?? "")?.unit_noun ?? "đơn vị";
  const and = (list: readonly string[]) => (list.length > 1 ? `${list.slice(0, -1).join(", ")} và ${list.at(-1)!}` : list[0]!);
  const whole = `trên toàn ${fig.unit.type ?? "địa bàn"}`;
  const groups = [...byRows];
  // Several agencies in one note, by their short names, so that the notes stay with their table
  // on its page (Biểu 07 with every policy from its department).
  const shortly = groups.length > 1 || groups.some(([, a]) => a.length > 1);
  const named = (agencies: readonly { name: string; short: string; date: string }[]) => and(agencies.map((a) => `${shortly ? a.short : a.name}${a.date}`));
  if (groups.length > 1) return [`Số liệu theo báo cáo của các cơ quan nắm số liệu ${whole}, không cộng từ báo cáo của các ${noun}: ${groups.map(([label, a]) => `${lowerFirst(label)} – ${named(a)}`).join("; ")}.`];
  return groups.map(([label, agencies]) => `${label}: số liệu theo báo cáo của ${named(agencies)} (số liệu của ${agencies.length > 1 ? "các đơn vị" : "đơn vị"} ${whole}), không cộng từ báo cáo của các ${noun}.`);
}

/** The notes under a form saying whose figures it shows: for a money form, what its money adds
 *  (the unit's own, the agencies' and the reporting children's) and where its rows from other
 *  forms' figures come from; for an indicators form, the table's one source and the rows taken
 *  from an agency. */
export function formSourceNotes(ds: Dataset, tree: Tree, fig: UnitFigures, form: FormSpec, tableNote: string | null): string[] {
  const adopted = adoptedNotes(ds, tree, fig, form);
  if (!form.layout.startsWith("finance")) return [...adopted, ...(tableNote ? [adopted.length ? `Các mục khác: ${lowerFirst(tableNote)}` : tableNote] : []), ...agencyOutputsNote(ds, tree, fig, form)];
  const kids = (tree.children.get(fig.unit.code) ?? []).map((c) => tree.figures.get(c)!);
  if (!kids.length) return hiddenSources(ds, fig, form);
  const money = moneyNote(ds, tree, fig, form, kids);
  // Rows filled from indicators (Biểu 07's lending and policy spending), not from the money records.
  const indicatorRows = form.rows.flatMap((r, i) => (r.source_group && ds.programme.source_groups.find((g) => g.id === r.source_group)?.indicators ? [i] : []));
  const groupOf = (i: number) => ds.programme.source_groups.find((g) => g.id === form.rows[i]!.source_group)!.indicators!;
  // A row adding several policies (row IV) some of which an agency gives: the others' own note.
  const rest = indicatorRows.filter((i) => groupOf(i).some((id) => !fig.adopted[id]));
  const partial = rest.filter((i) => groupOf(i).some((id) => fig.adopted[id]));
  const whole = rest.filter((i) => !partial.includes(i));
  const restLabel = [...(whole.length ? [rowsLabel(form, whole)] : []), ...(partial.length ? [`${rowsLabel(form, partial)} (các khoản còn lại)`] : [])].map((l, k) => (k ? lowerFirst(l) : l)).join(", ");
  const restIds = rest.flatMap((i) => groupOf(i).filter((id) => !fig.adopted[id]));
  const restNote = rest.length && fig.rolled ? `${restLabel}: ${lowerFirst(tableSource(ds, fig, restIds).note ?? `Số liệu tổng hợp từ ${reportingChildren(ds, fig)} đã nộp báo cáo.`)}` : null;
  return [...(money ? [money] : []), ...adopted, ...(restNote ? [restNote] : []), ...hiddenSources(ds, fig, form)];
}

/** A form of the components' outputs (Biểu 06) adds the territory's reports only: the works,
 *  models and households of the projects whose money an agency below manages itself are in that
 *  agency's own report, not here, while the money forms do add that agency's money. Says so,
 *  naming the agencies, so that no reader divides the one by the other. */
function agencyOutputsNote(ds: Dataset, tree: Tree, fig: UnitFigures, form: FormSpec): string[] {
  const components = new Set(form.rows.flatMap((r) => (r.indicator ? [ds.catalogue.indicators.find((i) => i.id === r.indicator)?.component] : [])).filter((c): c is string => c !== undefined));
  if (!components.size) return [];
  const inForm = (f: FinanceRecord) => [...components].some((c) => f.component === c || f.component.startsWith(`${c}.`) || c.startsWith(`${f.component}.`));
  const agencies = (tree.children.get(fig.unit.code) ?? [])
    .map((c) => tree.figures.get(c)!)
    .filter((k) => ds.levels.get(k.unit.level)?.kind !== "territory" && tree.received(k.report, fig.unit.code) && (k.report?.finance ?? []).some((f) => inForm(f) && (f.plan > 0 || f.disbursed > 0)));
  if (!agencies.length) return [];
  const names = agencies.map((k) => k.unit.short_name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} và ${names.at(-1)!}` : names[0]!;
  const noun = ds.levels.get(agencies[0]!.unit.level)?.unit_noun ?? "đơn vị";
  return [`Biểu không gồm kết quả các dự án, tiểu dự án do ${agencies.length} ${noun} (${list}) trực tiếp quản lý vốn: các kết quả đó nêu trong báo cáo của từng ${noun}; vốn của các dự án đó đã tính trong các biểu nguồn vốn.`];
}

/** A money form whose "Tổng số" column adds a group of sources some of which have no column of
 *  their own (Biểu 05's mobilised money: the page has no room for two more columns) says how much
 *  of the total row they are, so the row adds up on the page. Nothing when they hold no money. */
function hiddenSources(ds: Dataset, fig: UnitFigures, form: FormSpec): string[] {
  const values = (cols: readonly FormColumn[]): string[] => cols.flatMap((c) => (c.children ? values(c.children) : c.value ? [c.value] : []));
  const exprs = values(form.columns).map((v) => v.split(":"));
  const groups = new Set(exprs.flatMap(([, , g]) => (g && ds.programme.source_groups.some((x) => x.id === g) ? [g] : [])));
  const columned = new Set(exprs.flatMap(([, , id]) => (id ? [id] : [])));
  const hidden = ds.programme.sources.filter((s) => groups.has(s.group) && !columned.has(s.id));
  const rows = form.rows.filter((r) => r.component);
  const records = fig.finance.filter((f) => rows.some((r) => f.component === r.component || f.component.startsWith(`${r.component}.`)));
  return hidden.flatMap((s) => {
    const own = records.filter((f) => f.source === s.id);
    const plan = own.reduce((t, f) => t + f.plan, 0);
    const disbursed = own.reduce((t, f) => t + f.disbursed, 0);
    if (plan === 0 && disbursed === 0) return [];
    return [`${s.name} trong cột “Tổng số”: kế hoạch vốn giao ${formatNumber(plan)}, giải ngân ${formatNumber(disbursed)}.`];
  });
}

/** What a money form's figures add: the unit's own records, the agencies' below it and the
 *  territory children's that reported by its date (each with its own reporting children's). */
function moneyNote(ds: Dataset, tree: Tree, fig: UnitFigures, form: FormSpec, kids: readonly UnitFigures[]): string | null {
  const group = new Map(ds.programme.sources.map((s) => [s.id, s.group]));
  const shown = (f: FinanceRecord) =>
    form.layout === "finance_components"
      ? form.rows.some((r) => r.component && (f.component === r.component || f.component.startsWith(`${r.component}.`)))
      : form.rows.some((r) => (r.source && r.source === f.source) || (r.source_group && r.source_group === group.get(f.source)));
  const has = (list: readonly FinanceRecord[]) => list.some((f) => shown(f) && (f.plan > 0 || f.disbursed > 0));
  const received = kids.filter((k) => tree.received(k.report, fig.unit.code));
  const territory = (u: Unit) => ds.levels.get(u.level)?.kind === "territory";
  const agencies = received.filter((k) => !territory(k.unit) && has(k.finance));
  const agencyNoun = ds.levels.get(agencies[0]?.unit.level ?? "")?.unit_noun ?? "đơn vị";
  const parts = [
    has(fig.report?.finance ?? []) ? `vốn do ${fig.unit.type ?? "đơn vị"} trực tiếp quản lý` : null,
    agencies.length ? `vốn do ${agencies.length} ${agencyNoun} quản lý` : null,
    fig.coverage.total ? `vốn của ${reportingChildren(ds, fig)} đã nộp báo cáo` : null,
  ].filter((p): p is string => p !== null);
  if (!parts.length) return null;
  const nested = received.some((k) => territory(k.unit) && (tree.children.get(k.unit.code) ?? []).length > 0);
  // The money rows of a form whose total is a formula of rows (I+II+III+IV): those not filled from indicators.
  const total = form.rows.find((r) => r.total && typeof r.sum === "string" && r.sum !== "children");
  const fromIndicators = new Set(form.rows.filter((r) => r.source_group && ds.programme.source_groups.find((g) => g.id === r.source_group)?.indicators).map((r) => r.number));
  const which = typeof total?.sum === "string" ? total.sum.split("+").map((n) => n.trim()).filter((n) => !fromIndicators.has(n)) : [];
  const lead = which.length ? `Số liệu vốn (dòng ${which.join(", ")})` : "Số liệu vốn";
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} và ${parts.at(-1)!}` : parts[0]!;
  return `${lead} gồm ${list}${nested ? " (vốn của mỗi đơn vị gồm cả vốn của các đơn vị cấp dưới đã báo cáo đơn vị đó)" : ""}.`;
}

/** Whose figures a report with unreported units below it shows: its own, or a partial sum. */
export function coverageNote(ds: Dataset, tree: Tree, unit: Unit): string {
  // A leaf is in the figures only when every report between it and this unit was received, each
  // by the unit above it at that unit's own date.
  const leaves: { fig: UnitFigures; counted: boolean }[] = [];
  const walk = (code: string, counted: boolean) => {
    const kids = (tree.children.get(code) ?? []).filter((c) => ds.levels.get(ds.units.get(c)!.level)?.kind === "territory");
    if (!kids.length && code !== unit.code) leaves.push({ fig: tree.figures.get(code)!, counted });
    for (const k of kids) walk(k, counted && tree.received(tree.figures.get(k)!.report, code));
  };
  walk(unit.code, true);
  const done = leaves.filter((l) => l.counted).length;
  const leafLevel = ds.levels.get(leaves[0]?.fig.unit.level ?? "");
  const noun = typesNoun(leaves.map((l) => l.fig.unit), leafLevel?.unit_types, leafLevel?.unit_noun ?? "đơn vị");
  const own = tree.figures.get(unit.code)!.declared[ds.catalogue.roles.poor] !== undefined;
  return own
    ? `(Các số liệu nêu trên do ${unit.type ?? "đơn vị"} tổng hợp, báo cáo. Đến ngày lập báo cáo, số liệu của ${done}/${leaves.length} ${noun} đã được tiếp nhận qua báo cáo của đơn vị cấp dưới; các biểu tổng hợp theo đơn vị cấp dưới chỉ gồm các đơn vị đó.)`
    : `(Số liệu tổng hợp từ báo cáo của ${done}/${leaves.length} ${noun}, chưa đầy đủ.)`;
}
