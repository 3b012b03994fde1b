// What a unit's narrative must agree with, once every report's figures are known: the money of
// the unit and of the reports it compiles, the satisfaction of the communes that reported. A
// child's money and figures reach its parent only through its own report.
import type { ReportFile, Unit } from "../model/types.js";
import { typesNoun } from "../render/view/names.js";
import type { SampleContext } from "./context.js";
import { chairsIndicator } from "../model/chairs.js";
import { formatNumber } from "../text/format.js";
import type { DepartmentRole, NarrativeFacts } from "./narrative.js";

const isFiled = (r: ReportFile | undefined) => ["da_nop", "da_duyet"].includes(r?.status ?? "");

function money(cx: SampleContext, made: Map<string, ReportFile>, code: string): { plan: number; done: number } {
  const own = made.get(code)?.finance ?? [];
  const sub = (cx.kids.get(code) ?? []).filter((k) => isFiled(made.get(k.code))).map((k) => money(cx, made, k.code));
  return { plan: own.reduce((s, f) => s + f.plan, 0) + sub.reduce((s, m) => s + m.plan, 0), done: own.reduce((s, f) => s + f.disbursed, 0) + sub.reduce((s, m) => s + m.done, 0) };
}

function asked(cx: SampleContext, made: Map<string, ReportFile>, code: string): { yes: number; all: number } {
  const { ds, kids, isTerritory } = cx;
  const last = ds.project.periods[ds.project.periods.length - 1]!.id;
  const territoryKids = (kids.get(code) ?? []).filter(isTerritory);
  const r = made.get(code);
  if (!territoryKids.length) {
    const num = (id: string) => (typeof r?.values[id]?.[last] === "number" ? (r.values[id]![last] as number) : 0);
    return isFiled(r) || !isTerritory(ds.units.get(code)!) ? { yes: num("nguoi_duoc_hoi_hai_long"), all: num("nguoi_duoc_hoi") } : { yes: 0, all: 0 };
  }
  return territoryKids
    .filter((k) => isFiled(made.get(k.code)) || !(kids.get(k.code) ?? []).some(isTerritory))
    .map((k) => asked(cx, made, k.code))
    .reduce((a, b) => ({ yes: a.yes + b.yes, all: a.all + b.all }), { yes: 0, all: 0 });
}

export function narrativeFacts(cx: SampleContext, made: Map<string, ReportFile>, code: string): NarrativeFacts {
  const m = money(cx, made, code);
  const a = asked(cx, made, code);
  return { disbursementRate: m.plan > 0 ? (m.done / m.plan) * 100 : null, satisfactionRate: a.all > 0 ? (a.yes / a.all) * 100 : null };
}

/** The units a district or the province assigns targets to, by their types as the data has them. */
export function childrenNoun(cx: SampleContext, u: Unit): string | undefined {
  const below = (cx.kids.get(u.code) ?? []).filter(cx.isTerritory);
  const level = cx.ds.levels.get(below[0]?.level ?? "");
  return below.length && level ? typesNoun(below, level.unit_types, level.unit_noun) : undefined;
}

/** What a department chairs, in words for "thực hiện …": its programme components by name, its
 *  policy and indicator groups by what the work is. */
const CHAIRED_WORK: Record<string, string> = {
  ho_ngheo: "rà soát, theo dõi hộ nghèo, hộ cận nghèo",
  nguon_luc: "việc bố trí, phân bổ và quản lý nguồn lực của Chương trình",
  tin_dung: "cho vay vốn tín dụng ưu đãi đối với hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo",
  y_te: "chính sách hỗ trợ bảo hiểm y tế cho người nghèo, người cận nghèo",
  giao_duc: "chính sách miễn, giảm học phí và hỗ trợ chi phí học tập",
  nha_o: "chính sách hỗ trợ nhà ở cho hộ nghèo",
  dao_tao_nghe: "đào tạo nghề, tạo việc làm cho người nghèo",
  tien_dien: "chính sách hỗ trợ tiền điện cho hộ nghèo",
  tro_giup_phap_ly: "trợ giúp pháp lý cho người nghèo",
  dat_nuoc: "chính sách hỗ trợ đất sản xuất, nước sinh hoạt",
  ho_tro_khac: "cuộc vận động Quỹ “Vì người nghèo”, hỗ trợ xây nhà Đại đoàn kết cho hộ nghèo",
  tham_gia: "vận động, giám sát sự tham gia của người dân và bình đẳng giới trong giảm nghèo",
};
const ROLE_OF_TYPE: Record<string, DepartmentRole> = { "chi nhánh": "bank", "cơ quan": "sector", "đoàn thể": "front" };
/** Where a chaired indicator's figures are stated: by the indicator's group. */
const SECTION_OF_GROUP: Record<string, string> = { chinh_sach: "chinh_sach_nq80", du_an: "tien_do_du_an", tham_gia: "su_tham_gia" };

function chairedWork(cx: SampleContext, u: Unit): string | undefined {
  const components = new Map(cx.ds.programme.components.map((c) => [c.id, c]));
  const own = (u.chairs ?? []).filter((id) => {
    const c = components.get(id);
    return !c || (c.applicable && !(c.parent && u.chairs?.includes(c.parent)));
  });
  // A component's name inside a sentence: "Chương trình 135" stays, "Truyền thông …" → "truyền thông …".
  const inSentence = (name: string) => (/^Chương trình/.test(name) ? name : name.charAt(0).toLocaleLowerCase("vi") + name.slice(1));
  const words = own.map((id) => (components.get(id) ? inSentence(components.get(id)!.name) : CHAIRED_WORK[id])).filter((w): w is string => !!w);
  // A body that chairs nothing (a statistics office) gives the evaluation its figures.
  return words.length ? words.join("; ") : "cung cấp, thẩm định số liệu thống kê phục vụ theo dõi, đánh giá Chương trình";
}

/** The department's own figures, as its tables print them: each chaired indicator's total over the
 *  period (a balance: at the last date), in the section its group belongs to. */
function ownFigures(cx: SampleContext, u: Unit, report: ReportFile): Record<string, string> {
  const { periods } = cx.ds.project;
  const flows = periods.filter((p) => p.flow_label !== null);
  const last = periods[periods.length - 1]!;
  const bySection: Record<string, string[]> = {};
  for (const ind of cx.ds.catalogue.indicators) {
    if (ind.computed || ind.part_of || ind.kind === "stock" || ind.kind === "text" || !chairsIndicator(u, ind)) continue;
    const section = SECTION_OF_GROUP[ind.group];
    const values = report.values[ind.id];
    if (!section || !values) continue;
    const balance = ind.periods.includes(periods[0]!.id);
    const picked = balance ? [values[last.id]] : ind.periods.map((p) => values[p]);
    if (picked.some((v) => typeof v !== "number")) continue;
    const total = (picked as number[]).reduce((a, b) => a + b, 0);
    const name = ind.name.charAt(0).toLocaleLowerCase("vi") + ind.name.slice(1);
    (bySection[section] ??= []).push(`${name}${balance ? ` tại ${last.stock_label}` : ""} là ${formatNumber(total)} ${ind.unit}`);
  }
  const from = `Từ ${flows[0]!.flow_label!.toLocaleLowerCase("vi")} đến hết ${flows[flows.length - 1]!.flow_label!.toLocaleLowerCase("vi")}`;
  return Object.fromEntries(Object.entries(bySection).map(([k, parts]) => [k, `${from}: ${parts.slice(0, 5).join("; ")}.`]));
}

export function departmentFacts(cx: SampleContext, u: Unit, report: ReportFile): Pick<NarrativeFacts, "role" | "chairs" | "policies" | "figures"> {
  // A state agency that chairs the programme's resources only (planning, finance) allocates money;
  // it runs no policy and no project of its own.
  const resources = (u.chairs ?? []).length > 0 && (u.chairs ?? []).every((c) => c === "nguon_luc");
  const policies = cx.ds.catalogue.indicators.some((i) => i.policy !== undefined && chairsIndicator(u, i));
  return { role: ROLE_OF_TYPE[u.type] ?? (resources ? "resources" : "state"), chairs: chairedWork(cx, u), policies, figures: ownFigures(cx, u, report) };
}
