// Illustrative indicator values for one territory unit at the lowest level: internally
// consistent (stock-flow identities hold exactly, parts never exceed their totals), with
// poverty falling over the periods. Core poverty indicators are drawn by id; every other
// catalogue indicator gets a plausible number from its unit of measure.
import type { Indicator, Period } from "../model/types.js";
import type { Rng } from "./random.js";

export type Series = Record<string, Record<string, number | null>>;

export interface Profile {
  households: number;
  /** Poor-household rate at the baseline, 0–1. */
  poorRate: number;
  nearRate: number;
  /** Share of ethnic-minority households, 0–1. */
  minorityShare: number;
}

const DEPRIVATION_SHARE: Record<string, [number, number]> = {
  thieu_hut_tiep_can_y_te: [0.05, 0.1],
  thieu_hut_bhyt: [0.08, 0.15],
  thieu_hut_giao_duc_nguoi_lon: [0.2, 0.35],
  thieu_hut_tre_em_di_hoc: [0.03, 0.08],
  thieu_hut_chat_luong_nha: [0.2, 0.4],
  thieu_hut_dien_tich_nha: [0.1, 0.2],
  thieu_hut_nuoc_sinh_hoat: [0.2, 0.35],
  thieu_hut_nha_tieu: [0.55, 0.66],
  thieu_hut_vien_thong: [0.1, 0.2],
  thieu_hut_tai_san_thong_tin: [0.15, 0.3],
};
/** Money indicators with no count of beneficiaries behind them, in triệu đồng per poor household
 *  and year of the period (a balance at a date: per poor household of the start, growing). Outstanding preferential credit (dư nợ):
 *  loans of 30 - 50 triệu over three to five years to some 15 - 25 % of poor households a year
 *  leave about 14 - 20 triệu outstanding per poor household. */
const MONEY_PER_POOR: Record<string, [number, number]> = {
  du_no_cho_vay: [14, 20],
};
/** Beneficiaries of Biểu 07's policies, per household of the base group and year of the period
 *  (poor: poor households; near: near-poor households). Assumptions: every poor person gets a
 *  health-insurance card (3,2 - 3,8 members a poor household); most near-poor people get the
 *  premium support; 15 - 25 % of poor households take a preferential loan a year; every poor
 *  household gets the electricity support; 1 - 3 % get house support a year (QĐ 33/2015). */
const BENEFICIARIES: Record<string, { base: "poor" | "near"; per: [number, number] }> = {
  the_bhyt_nguoi_ngheo: { base: "poor", per: [3.2, 3.8] },
  nguoi_can_ngheo_ho_tro_bhyt: { base: "near", per: [2.2, 3.2] },
  the_bhyt_dtts_vung_kho_khan: { base: "poor", per: [0.3, 1.2] },
  luot_ho_vay_von: { base: "poor", per: [0.15, 0.25] },
  hs_mien_giam_hoc_phi: { base: "poor", per: [0.3, 0.6] },
  hs_ho_tro_chi_phi_hoc_tap: { base: "poor", per: [0.2, 0.4] },
  hs_xa_thon_dbkk_duoc_ho_tro: { base: "poor", per: [0.05, 0.2] },
  ho_ngheo_ho_tro_nha_o: { base: "poor", per: [0.01, 0.03] },
  nguoi_ngheo_dao_tao_nghe: { base: "poor", per: [0.02, 0.06] },
  nguoi_ngheo_tao_viec_lam: { base: "poor", per: [0.03, 0.1] },
  ho_ho_tro_tien_dien: { base: "poor", per: [1, 1.3] },
  luot_tro_giup_phap_ly: { base: "poor", per: [0.05, 0.2] },
  ho_ho_tro_dat_san_xuat: { base: "poor", per: [0.002, 0.008] },
  ho_ho_tro_nuoc_sinh_hoat: { base: "poor", per: [0.01, 0.04] },
  ho_ho_tro_khac: { base: "poor", per: [0.05, 0.15] },
};
/** What a policy pays per beneficiary (triệu đồng; a card or a support per year, a loan or a house
 *  once), so that each money row of Biểu 07 is its beneficiaries times a believable unit cost at
 *  every level. Assumptions: a health card 4,5 % of the base salary (1,21 - 1,39 triệu/month in
 *  2016 - 2018), 0,65 - 0,75 triệu a year, the near-poor's 70 % of it about 0,46 - 0,52; a
 *  preferential loan 30 - 50 triệu per household (NHCSXH ceilings); a house 25 - 40 triệu (QĐ
 *  33/2015/QĐ-TTg loan and support); tuition exemption and study costs some 0,6 - 1 triệu per pupil
 *  a year (NĐ 86/2015: 70 000 đồng/month); vocational training 2 - 4 triệu per trainee (QĐ 46/2015);
 *  electricity 30 kWh a month, 0,5 - 0,6 triệu a year (QĐ 28/2014); production land 10 - 15 triệu
 *  and domestic water 1,2 - 1,5 triệu per household (QĐ 2085/2016); other support (Quỹ "Vì người
 *  nghèo", gifts) 0,8 - 2 triệu per household. */
export const UNIT_COST: Record<string, Record<string, [number, number]>> = {
  kinh_phi_bhyt: { the_bhyt_nguoi_ngheo: [0.65, 0.75], the_bhyt_dtts_vung_kho_khan: [0.65, 0.75], nguoi_can_ngheo_ho_tro_bhyt: [0.46, 0.52] },
  doanh_so_cho_vay: { luot_ho_vay_von: [30, 50] },
  kinh_phi_giao_duc: { hs_mien_giam_hoc_phi: [0.6, 1], hs_ho_tro_chi_phi_hoc_tap: [0.6, 1], hs_xa_thon_dbkk_duoc_ho_tro: [0.6, 1] },
  kinh_phi_nha_o: { ho_ngheo_ho_tro_nha_o: [25, 40] },
  kinh_phi_dao_tao_nghe: { nguoi_ngheo_dao_tao_nghe: [2, 4] },
  kinh_phi_tien_dien: { ho_ho_tro_tien_dien: [0.5, 0.6] },
  kinh_phi_dat_nuoc: { ho_ho_tro_dat_san_xuat: [10, 15], ho_ho_tro_nuoc_sinh_hoat: [1.2, 1.5] },
  kinh_phi_ho_tro_khac: { ho_ho_tro_khac: [0.8, 2] },
};
const OTHER_MONEY_PER_POOR: [number, number] = [0.1, 0.5];

/** Outputs of a programme component in a commune, per year it runs (a half year: half as many),
 *  sized to the money finance.ts gives it. Assumptions: a Chương trình 135 commune's 400 - 600
 *  triệu a year builds one to three small works (150 - 500 triệu each) and maintains up to two;
 *  production support (120 - 220 triệu, DA2.TDA2) and replication (60 - 160 triệu, DA3) fund one or
 *  two models a year, each of 8 - 25 households; a training budget of 10 - 40 triệu pays one or
 *  two classes; communication (10 - 30 triệu) a few dialogues, news items and a few hundred leaflets. */
const OUTPUT_PER_YEAR: Record<string, [number, number]> = {
  lao_dong_xuat_khau: [1, 3],
  cong_trinh_ha_tang_moi: [1, 3],
  cong_trinh_duy_tu: [0, 2],
  mo_hinh_sinh_ke: [1, 2],
  mo_hinh_nhan_rong: [0, 1],
  mo_hinh_sinh_ke_da3: [1, 2],
  mo_hinh_nhan_rong_da3: [0, 1],
  lop_tap_huan: [1, 2],
  lop_tap_huan_da5: [1, 2],
  hoi_nghi_doi_thoai: [1, 3],
  tin_bai_truyen_thong: [2, 8],
  tai_lieu_an_pham: [50, 300],
  ho_ho_tro_phuong_tien_nghe_xem: [2, 10],
  cuoc_kiem_tra_giam_sat: [1, 3],
  luot_xa_duoc_kiem_tra: [1, 2],
  thon_lap_ke_hoach_co_tham_gia: [2, 6],
};
/** Households supported per model (production support and replication). */
const HOUSEHOLDS_PER_MODEL: Record<string, { models: string; per: [number, number] }> = {
  ho_duoc_ho_tro_sinh_ke: { models: "mo_hinh_sinh_ke", per: [8, 25] },
  ho_duoc_ho_tro_sinh_ke_da3: { models: "mo_hinh_sinh_ke_da3", per: [8, 25] },
};
/** Counts that are a share of the new infrastructure works of the same period: works the commune
 *  invests in itself (most of them), works proposed by the community, handed to the community to
 *  build, supervised by it. */
const SHARE_OF: Record<string, { of: string; share: [number, number] }> = {
  cong_trinh_xa_lam_chu_dau_tu: { of: "cong_trinh_ha_tang_moi", share: [0.6, 1] },
  cong_trinh_cong_dong_giam_sat: { of: "cong_trinh_ha_tang_moi", share: [0.7, 1] },
  cong_trinh_cong_dong_de_xuat: { of: "cong_trinh_ha_tang_moi", share: [0.3, 0.8] },
  cong_trinh_giao_cong_dong: { of: "cong_trinh_ha_tang_moi", share: [0.15, 0.45] },
};
/** Shares of a total's "trong đó" parts where the groups differ in size: of the loans and the
 *  households given livelihood support, the poor are about half, the near-poor a quarter to a
 *  third, the newly non-poor one in ten. Other parts: 15 - 50 % of their total. */
const PART_SHARE: Record<string, [number, number]> = {
  luot_ho_ngheo_vay_von: [0.45, 0.6],
  luot_ho_can_ngheo_vay_von: [0.22, 0.32],
  luot_ho_moi_thoat_ngheo_vay_von: [0.07, 0.14],
  ho_ngheo_duoc_ho_tro_sinh_ke: [0.45, 0.6],
  ho_can_ngheo_duoc_ho_tro_sinh_ke: [0.2, 0.3],
  ho_moi_thoat_ngheo_duoc_ho_tro_sinh_ke: [0.07, 0.14],
  ho_ngheo_duoc_ho_tro_sinh_ke_da3: [0.45, 0.6],
  ho_can_ngheo_duoc_ho_tro_sinh_ke_da3: [0.2, 0.3],
  ho_moi_thoat_ngheo_duoc_ho_tro_sinh_ke_da3: [0.07, 0.14],
};
/** Types of new works, by how often a Chương trình 135 commune builds them (roads most). */
const WORK_TYPES: Record<string, number> = {
  cong_trinh_giao_thong: 0.45,
  cong_trinh_thuy_loi: 0.15,
  cong_trinh_truong_lop: 0.1,
  cong_trinh_tram_y_te: 0.03,
  cong_trinh_nha_sinh_hoat_cong_dong: 0.12,
  cong_trinh_dien: 0.05,
  cong_trinh_nuoc_sinh_hoat: 0.06,
  cong_trinh_khac: 0.04,
};
/** Value chains and production links a commune gets support for: rare, about one commune in
 *  thirty a year, so that a province counts a few dozen over the period; a radio station or
 *  information point, one commune in twelve a year. */
const CHANCE_PER_YEAR: Record<string, number> = { chuoi_gia_tri_duoc_ho_tro: 0.03, diem_thong_tin_duoc_ho_tro: 0.08 };

/** Poverty rate relative to the baseline, by period index. */
const POOR_PATH = [1, 0.8, 0.66, 0.6];
const NEAR_PATH = [1, 0.96, 0.9, 0.88];

export function set(s: Series, id: string, p: string, v: number): void {
  (s[id] ??= {})[p] = v;
}

/** Stock path with the flows that explain it exactly: closing = opening − out + back + new. */
function stockFlows(s: Series, periods: Period[], stock: number[], hh: number[], rng: Rng, ids: { stock: string; out: string; back?: string; neu: string }): void {
  set(s, ids.stock, periods[0]!.id, stock[0]!);
  for (let i = 1; i < periods.length; i++) {
    const p = periods[i]!;
    const opening = s[ids.stock]![periods[i - 1]!.id]!;
    const back = ids.back ? Math.round(opening * rng.between(0.005, 0.02) * p.years) : 0;
    const neu = Math.round(hh[i]! * rng.between(0.004, 0.012) * p.years);
    let out = opening + back + neu - stock[i]!;
    if (out < 0) out = 0;
    set(s, ids.stock, p.id, opening - out + back + neu);
    set(s, ids.out, p.id, out);
    if (ids.back) set(s, ids.back, p.id, back);
    set(s, ids.neu, p.id, neu);
  }
}

/** Stocks a unit's series must hit exactly at one period (a published figure). */
export interface Anchor {
  /** Index of the period in the project's periods. */
  at: number;
  households: number;
  poor: number;
  near: number;
}

export function coreValues(profile: Profile, periods: Period[], rng: Rng, anchor?: Anchor): Series {
  const s: Series = {};
  const a = anchor?.at ?? 0;
  const path = (i: number, p: number[]) => (p[i] ?? p[p.length - 1]!) / (p[a] ?? 1);
  const hh = periods.map((_, i) => (anchor ? (i === a ? anchor.households : Math.round((anchor.households * (1 + 0.012 * i)) / (1 + 0.012 * a))) : Math.round(profile.households * (1 + 0.012 * i))));
  periods.forEach((p, i) => set(s, "ho_dan_cu", p.id, hh[i]!));
  const jitter = () => rng.between(0.95, 1.05);
  const poor = periods.map((_, i) => (anchor ? (i === a ? anchor.poor : Math.round(anchor.poor * path(i, POOR_PATH) * jitter())) : Math.round(hh[i]! * profile.poorRate * (POOR_PATH[i] ?? 0.6) * jitter())));
  const near = periods.map((_, i) => (anchor ? (i === a ? anchor.near : Math.round(anchor.near * path(i, NEAR_PATH) * jitter())) : Math.round(hh[i]! * profile.nearRate * (NEAR_PATH[i] ?? 0.88) * jitter())));
  stockFlows(s, periods, poor, hh, rng, { stock: "ho_ngheo", out: "ho_thoat_ngheo", back: "ho_tai_ngheo", neu: "ho_ngheo_phat_sinh" });
  stockFlows(s, periods, near, hh, rng, { stock: "ho_can_ngheo", out: "ho_thoat_can_ngheo", neu: "ho_can_ngheo_phat_sinh" });
  const incomeShare = rng.between(0.7, 0.82);
  // Income per head of poor households: a level drawn once, growing 8 - 14 % a year (the ×1,5 target
  // of QĐ 1722 over five years is about 8,4 % a year), so some units are on the path and some not.
  const income0 = rng.between(520, 600);
  const growth = rng.between(0.08, 0.14);
  let elapsed = 0;
  periods.forEach((p, i) => {
    const h = hh[i]!;
    const np = s.ho_ngheo![p.id]!;
    const nn = s.ho_can_ngheo![p.id]!;
    const dtts = Math.round(h * profile.minorityShare);
    set(s, "ho_dan_cu_dtts", p.id, dtts);
    set(s, "ho_ngheo_dtts", p.id, Math.min(np, dtts, Math.round(np * Math.min(0.95, profile.minorityShare * 1.5))));
    set(s, "ho_can_ngheo_dtts", p.id, Math.min(nn, dtts, Math.round(nn * Math.min(0.9, profile.minorityShare * 1.3))));
    const income = Math.round(np * incomeShare);
    set(s, "ho_ngheo_thieu_hut_thu_nhap", p.id, income);
    set(s, "ho_ngheo_thieu_hut_dich_vu", p.id, np - income);
    set(s, "nhan_khau_ho_ngheo", p.id, Math.round(np * rng.between(3.2, 4.1)));
    elapsed += p.years;
    set(s, "thu_nhap_bq_ho_ngheo", p.id, Math.round(income0 * (1 + growth) ** elapsed));
  });
  return s;
}

const HOUSEHOLD_UNITS = /^(hộ|lượt hộ)/;
const PERSON_UNITS = /(người|thẻ|học sinh)/;

/** Every other non-computed indicator: totals first, then parts as a share of their total. */
export function otherValues(s: Series, indicators: readonly Indicator[], periods: Period[], applicable: (component: string) => boolean, rng: Rng): void {
  const years = new Map(periods.map((p) => [p.id, p.years || 1]));
  const elapsed = new Map(periods.map((p, i) => [p.id, periods.slice(0, i + 1).reduce((t, q) => t + q.years, 0)]));
  const poorAt = (p: string) => s.ho_ngheo?.[p] ?? s.ho_ngheo?.[periods[periods.length - 1]!.id] ?? 0;
  const nearAt = (p: string) => s.ho_can_ngheo?.[p] ?? s.ho_can_ngheo?.[periods[periods.length - 1]!.id] ?? 0;
  const todo = indicators.filter((i) => !i.computed && i.kind !== "text" && !(i.id in s) && (!i.component || applicable(i.component)));
  const ordered = [...todo.filter((i) => !i.part_of), ...todo.filter((i) => i.part_of)];
  // A unit's deprivation shares drift slowly: one share per indicator, a few per cent each period
  // (drawn afresh each period, they would halve or double between two periods, which the
  // plausibility warnings rightly flag).
  const shares = new Map<string, number>();
  for (const ind of ordered) {
    for (const p of ind.periods) {
      const y = ind.kind === "flow" || ind.kind === "count" || ind.kind === "money" ? (years.get(p) ?? 1) : 1;
      let v: number;
      const dep = DEPRIVATION_SHARE[ind.id];
      if (dep) {
        if (!shares.has(ind.id)) shares.set(ind.id, rng.between(dep[0], dep[1]));
        v = Math.round(poorAt(p) * shares.get(ind.id)! * rng.between(0.94, 1.06));
      }
      else if (SHARE_OF[ind.id]) {
        const r = SHARE_OF[ind.id]!;
        v = Math.round(((s[r.of]?.[p] as number | undefined) ?? 0) * rng.between(...r.share));
      } else if (HOUSEHOLDS_PER_MODEL[ind.id]) {
        const r = HOUSEHOLDS_PER_MODEL[ind.id]!;
        v = Math.round(((s[r.models]?.[p] as number | undefined) ?? 0) * rng.between(...r.per));
      } else if (ind.id in WORK_TYPES) v = 0;
      else if (ind.part_of) v = Math.round((s[ind.part_of]?.[p] ?? 0) * rng.between(...(PART_SHARE[ind.id] ?? [0.15, 0.5])));
      else if (OUTPUT_PER_YEAR[ind.id]) {
        const [lo, hi] = OUTPUT_PER_YEAR[ind.id]!;
        v = Math.max(0, Math.round(rng.between(lo - 0.49, hi + 0.49) * y));
      } else if (CHANCE_PER_YEAR[ind.id] !== undefined) v = rng.chance(CHANCE_PER_YEAR[ind.id]! * y) ? 1 : 0;
      else if (BENEFICIARIES[ind.id]) {
        const b = BENEFICIARIES[ind.id]!;
        v = Math.round((b.base === "near" ? nearAt(p) : poorAt(p)) * rng.between(...b.per) * y);
      } else if (UNIT_COST[ind.id]) continue;
      else if (ind.unit.includes("đồng") && ind.periods.includes(periods[0]!.id)) {
        // A balance at a date (outstanding loans): not per year of the period; it grows some 8 %
        // a year on the poor households of the start, as lending goes on while poverty falls (one
        // rate per unit, drawn each period all the same so that the other draws stay as they were).
        const drawn = rng.between(...(MONEY_PER_POOR[ind.id] ?? OTHER_MONEY_PER_POOR));
        if (!shares.has(ind.id)) shares.set(ind.id, drawn);
        v = Math.round(poorAt(periods[0]!.id) * shares.get(ind.id)! * (1 + 0.08 * (elapsed.get(p) ?? 0)));
      } else if (ind.unit.includes("đồng")) v = Math.round(poorAt(p) * rng.between(...(MONEY_PER_POOR[ind.id] ?? OTHER_MONEY_PER_POOR)) * y);
      else if (HOUSEHOLD_UNITS.test(ind.unit)) v = Math.round(poorAt(p) * rng.between(0.05, 0.35) * y);
      else if (PERSON_UNITS.test(ind.unit)) v = Math.round(poorAt(p) * rng.between(0.3, 1.5) * y);
      // Activities (classes, meetings, works) happen every year the component runs: at least one.
      else v = Math.round(rng.between(0.5, 3.4) * y);
      if (dep || ind.part_of) v = Math.min(v, ind.part_of ? (s[ind.part_of]?.[p] ?? v) : v);
      set(s, ind.id, p, v);
    }
  }
  splitWorks(s, rng);
  // Policy money: its beneficiaries times a unit cost drawn once for the unit.
  for (const ind of todo.filter((i) => UNIT_COST[i.id])) {
    const costs = Object.entries(UNIT_COST[ind.id]!).map(([id, range]) => [id, rng.between(...range)] as const);
    for (const p of ind.periods) set(s, ind.id, p, Math.round(costs.reduce((sum, [id, cost]) => sum + ((s[id]?.[p] as number | undefined) ?? 0) * cost, 0)));
  }
}

/** Each new work of a period gets a type, drawn by how often communes build it. */
function splitWorks(s: Series, rng: Rng): void {
  const types = Object.keys(WORK_TYPES).filter((id) => s[id]);
  if (!types.length) return;
  for (const [p, total] of Object.entries(s.cong_trinh_ha_tang_moi ?? {})) {
    for (const id of types) s[id]![p] = 0;
    for (let k = 0; k < (total ?? 0); k++) {
      let r = rng.next() * types.reduce((t, id) => t + WORK_TYPES[id]!, 0);
      const id = types.find((t) => (r -= WORK_TYPES[t]!) < 0) ?? types[types.length - 1]!;
      s[id]![p] = (s[id]![p] ?? 0) + 1;
    }
  }
}
