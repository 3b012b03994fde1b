// The data model: what the YAML files under data/ hold once validated. One file kind per
// interface below; schemas/*.schema.json is the authority for the files themselves, these
// types mirror them (test/schemas.test.ts checks the two stay in step on the bundled data).
//
// Layout of a data folder (see data/README.md):
//   project.yaml                 Project      round, periods, levels, as-of date, document ruleset
//   units.yaml                   UnitsFile    every unit of the tree, departments included
//   plan.yaml                    Plan         the provincial plan (Kế hoạch) as structured data
//   catalogue/indicators.yaml    IndicatorCatalogue
//   catalogue/programme.yaml     Programme    components (dự án, tiểu dự án), funding sources
//   catalogue/outline.yaml       Outline      the report outline (đề cương), sections per level
//   forms/B01.yaml … B08.yaml    FormSpec     the annex forms (biểu mẫu)
//   reports/**/<code>-<slug>.yaml  ReportFile one evaluation report per unit

/** Period id, e.g. "baseline", "y2016", "y2017", "mid2018" (declared in project.yaml). */
export type PeriodId = string;
/** Level id, e.g. "province", "district", "commune", "department" (declared in project.yaml). */
export type LevelId = string;
export type IsoDate = string; // YYYY-MM-DD

export interface Period {
  id: PeriodId;
  /** Reference date of a stock (end of the period). */
  date: IsoDate;
  /** Label of a stock observed at this date: "Cuối năm 2015", "30/6/2018". */
  stock_label: string;
  /** Label of a flow over the interval ending here: "Năm 2016", "6 tháng đầu năm 2018"; null for the baseline. */
  flow_label: string | null;
  /** Length of the interval ending here, in years (1, 0.5); 0 for the baseline. */
  years: number;
}

export interface Level {
  id: LevelId;
  /** "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Sở, ban, ngành". */
  name: string;
  /** Plural noun for counts: "xã", "huyện", "sở, ngành". */
  unit_noun: string;
  /** The level above in the reporting tree, null for the root. */
  parent: LevelId | null;
  /** territory: an area with households (UBND); agency: a department reporting on what it chairs. */
  kind: "territory" | "agency";
  /** Id of the plan's schedule item whose deadline applies to this level (plan.yaml). */
  deadline_item: string | null;
  /** Reports of units at and below a unit of this level live in one folder per unit of this level. */
  groups_reports?: boolean;
  /** Reports of this level live in this fixed folder under reports/ (e.g. "so-ban-nganh"). */
  folder?: string;
  /** Who a report of this level is addressed to ("Kính gửi"): the parent unit's authority, or a fixed list. */
  addressees: { parent_authority: true } | { list: string[] };
  /**
   * Unit types of this level in the order documents name them ("xã", "phường", "thị trấn"): counts
   * and lists of a parent's children use the types actually present, in this order.
   */
  unit_types?: string[];
  /** Documents a report of this level cites in its opening before the plan ("Công văn số 1749/…"). */
  cites?: string[];
  /**
   * Nơi nhận of a report of this level after "Như trên;", the last line "Lưu: VT, <drafting unit>.".
   * Tokens: {unit_type} ("huyện"), {parent_type} ("thành phố"), {children} ("xã, thị trấn").
   */
  recipients?: string[];
  /** Outline sections and forms are switched on by level: outline.yaml names this id. */
}

/** A range of a target: [min, max]; max null when only a minimum is set. */
export type TargetRange = [number, number | null];

export interface UnitTarget {
  poverty_reduction: [number, number];
  source: string;
  /** An illustrative value, not yet taken from its document. */
  illustrative?: boolean;
  note?: string;
}

/** The targets units are judged against (project.yaml targets; model/targets.ts applies them). */
export interface Targets {
  source: string;
  /** Years of the whole programme period (2016-2020: 5): the mid-term path is pro rata. */
  horizon_years: number;
  poverty_reduction: [number, number];
  poor_area_reduction: number;
  poor_area_flag: string | null;
  /** A unit whose rate at the last period is at most this (%) is "đã ở mức thấp", not "chưa đạt". */
  below_rate_ok: number | null;
  ethnic_minority_reduction: [number, number];
  income_multiple: number;
  poor_area_income_multiple: number;
  leaving: { indicator: string; of: string; share: TargetRange }[];
  /** The province's own poverty-reduction target (its plan). */
  province?: UnitTarget;
  /** Targets the province's plan sets for units below it (districts), by unit code. */
  units?: Record<string, UnitTarget>;
}

export interface Project {
  round: string;
  title: string;
  /** Short name of the round for the site's header: "Đánh giá giữa kỳ 2016–2020". */
  short_title: string;
  /** Trích yếu shared by every report; territory units add "trên địa bàn <name>". */
  report_title: string;
  targets: Targets;
  /** Code of the root unit (the province). */
  root: string;
  /** Date the status views are computed at, unless --as-of overrides it. */
  as_of: IsoDate;
  /** Document formatting ruleset: TT 01/2011/TT-BNV (2018) or NĐ 30/2020/NĐ-CP. */
  ruleset: "tt01-2011" | "nd30-2020";
  /** Commit dates inside this window are evidence of submission (check/build --git); outside it the declared date stands. */
  submission_window?: { from: IsoDate; to: IsoDate };
  /** Public holidays and days in lieu in the round (weekends aside): no document is dated on them. */
  days_off?: IsoDate[];
  /** True when the numbers in the reports are illustrative, not official. */
  illustrative: boolean;
  periods: Period[];
  levels: Level[];
  /** Money unit stored in the files: "triệu đồng". */
  money_unit: string;
  /** The evaluation window as written in sentences: "2016 - 6/2018". */
  window_label: string;
  /** The data repository on the web (site's edit and issue links); absent when none. */
  repository?: { url: string; branch?: string };
}

export type UnitFlag = string; // e.g. "xa_135", "xa_dbkk", "xa_atk", "thon_dbkk"

export interface Unit {
  code: string;
  name: string; // official (GSO) name, e.g. "Xã Đông Khê"
  short_name: string; // "Đông Khê"
  type: string; // "tỉnh", "thành phố", "thị xã", "huyện", "phường", "thị trấn", "xã", "sở", "ban", "chi nhánh"
  level: LevelId;
  parent: string | null;
  /** Urban (phường, thị trấn) or rural (xã); territory units at the lowest level. */
  area?: "thanh_thi" | "nong_thon";
  /** Agencies: the head's title signing its reports ("Giám đốc", "Trưởng ban", "Chủ tịch"). */
  head?: string;
  /** Agencies led by a collective body (a front's standing committee): the body signing "TM." for it ("Ban Thường trực"). */
  collective?: string;
  /** Place name on documents ("Bình An, ngày …"); defaults to short_name (agencies: the root's). */
  place?: string;
  /** Symbol in document numbers: "UBND", "LĐTBXH". */
  symbol?: string;
  /** Header lines top left; default: territory ["ỦY BAN NHÂN DÂN", NAME], agency ["UBND <ROOT>", NAME]. */
  issuer?: string[];
  /** Authority a lower level addresses: "Ủy ban nhân dân huyện Bình An". */
  authority?: string;
  /** GitHub team owning the unit's reports folder (CODEOWNERS). */
  team?: string;
  /** Flags counted by unit_count indicators (xã ĐBKK, 135, ATK …). */
  flags?: UnitFlag[];
  /** For agencies: components and indicator groups it chairs. */
  chairs?: string[];
  /** For agencies: policies whose figures it keeps for its parent's whole territory (the policy
   *  bank's loans): the parent's tables take them from its report, not from the territory's sum. */
  source_of?: string[];
  valid_from?: IsoDate;
  valid_to?: IsoDate | null;
}

export interface UnitsFile {
  source: string; // attribution of the list
  units: Unit[];
}

export type * from "./catalogue-types.js";


export type ReportStatus = "chua_nop" | "dang_soan" | "da_nop" | "da_duyet";

export interface Signer {
  authority: string; // "TM. ỦY BAN NHÂN DÂN"
  deputy?: string | null; // "KT. CHỦ TỊCH"
  position: string; // "CHỦ TỊCH"
  name: string;
}

export interface FinanceRecord {
  component: string; // programme component id
  source: string; // funding source id
  period: PeriodId;
  plan: number; // kế hoạch vốn giao (money_unit)
  disbursed: number; // giải ngân
  /** Why an unusual row is right (silences the plausibility warnings on it). */
  note?: string;
}

export interface ReportFile {
  unit: string;
  round: string;
  /** True when the file holds illustrative numbers written by `npm run sample`. */
  illustrative?: boolean;
  status: ReportStatus;
  submitted_on: IsoDate | null;
  approved_on: IsoDate | null;
  document: {
    number: string | null; // "15" → "Số: 15/BC-UBND"; null → "Số:      /BC-UBND"
    date: IsoDate | null;
    signer: Signer;
    recipients: string[]; // Nơi nhận, after "Như trên;"
  };
  /** indicator id → period id → value (null = not reported). */
  values: Record<string, Record<PeriodId, number | null>>;
  finance: FinanceRecord[];
  /** outline narrative key → Markdown. */
  narrative: Record<string, string>;
  /** indicator id → why its unusual values are right (silences the plausibility warnings on it). */
  notes?: Record<string, string>;
}
