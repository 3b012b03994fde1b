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
  valid_from?: IsoDate;
  valid_to?: IsoDate | null;
}

export interface UnitsFile {
  source: string; // attribution of the list
  units: Unit[];
}

export type Aggregation =
  | { rule: "sum" }
  | { rule: "ratio"; numerator: string; denominator: string; scale: number }
  | { rule: "weighted_mean"; weight: string }
  | { rule: "count_flagged"; flag: UnitFlag; left_flag?: UnitFlag }
  | { rule: "own" };

export interface Indicator {
  id: string;
  name: string; // exact Vietnamese name
  unit: string; // "hộ", "%", "triệu đồng", "công trình", "lượt người" …
  /** stock (at a date), flow (over an interval), rate (computed), count, money, unit_count (computed from flags), mean, text */
  kind: "stock" | "flow" | "rate" | "count" | "money" | "unit_count" | "mean" | "text";
  aggregate: Aggregation;
  /** Periods a value may be given for. */
  periods: PeriodId[];
  /** Value must not exceed this indicator's value for the same period (a breakdown of it). */
  part_of?: string;
  /** A value above 0 needs this indicator above 0 in the same period (trainees need classes). */
  requires?: string;
  /** Group for forms and site views: "ho_ngheo", "thieu_hut", "du_an", "chinh_sach", "tham_gia" … */
  group: string;
  /** Component (DA2.TDA1) an output belongs to. */
  component?: string;
  /** Policy indicators: the policy group (tin_dung, y_te …) a department chairs. */
  policy?: string;
  /** Deprivation indicators: the basic social service they belong to ("Y tế"). */
  service?: string;
  decimals?: number;
  /** Entered by units (default) or computed (rates, unit counts): computed ones are refused in report files. */
  computed?: boolean;
  description?: string;
}

/** closing(p) = closing(prev p) − Σ minus(p) + Σ plus(p), checked for every period after the first. */
export interface StockFlowIdentity {
  stock: string;
  minus: string[];
  plus: string[];
}

export interface IndicatorCatalogue {
  indicators: Indicator[];
  identities: StockFlowIdentity[];
  /** Exhaustive breakdowns: the parts add up to the total in every period. */
  breakdowns?: { total: string; parts: string[] }[];
}

export interface Component {
  id: string; // "DA1", "DA1.TDA1"
  name: string;
  parent: string | null;
  applicable: boolean;
  /** Funding sources money of this component may come from (absent: the parent's, else any programme source). */
  sources?: string[];
  /** Money of this component only in a territory holding a unit with one of these flags (xa_135 …). */
  requires_flag?: string[];
}

export interface FundingSource {
  id: string; // "nstw_dtpt"
  name: string; // "Ngân sách trung ương - vốn đầu tư phát triển"
  group: string; // row group of Biểu 04: "I", "II", "III", "IV"
}

export interface Programme {
  components: Component[];
  sources: FundingSource[];
  source_groups: { id: string; name: string; indicators?: string[] }[];
}

export interface OutlineSection {
  id: string; // "I", "II.3.4"
  number: string; // as printed: "I", "1", "1.1"
  title: string;
  /** Levels the section applies to. */
  levels: LevelId[];
  /** Narrative key in the report file's `narrative` map filled under this heading (null = heading only). */
  narrative: string | null;
  /** Forms quoted or attached for this section. */
  forms: string[];
  children?: OutlineSection[];
}

export interface Outline {
  sections: OutlineSection[];
}

/**
 * Cell expressions (FormColumn.value), evaluated per row by the view model:
 *   number | label | unit | note          the row's TT, label, the indicator's ĐVT, an empty note cell
 *   chair                                 the departments chairing the row's indicator (departments.yaml)
 *   target | verdict                      the row indicator's target (project.yaml targets) and the mid-term verdict
 *   value:<period>                        indicators layout: the row indicator at <period>
 *   value:<period>:<indicator>            children layout: <indicator> of the row's unit at <period>
 *   share:<period>:<of>[:<indicator>]     100 × value ÷ value of <of> at <period> (a "Tỷ lệ %" column)
 *   sum_flows[:<indicator>]               sum over the flow periods (y2016 + y2017 + mid2018)
 *   change:<from>:<to>[:<indicator>]      value at <to> − value at <from> (points for a rate)
 *   plan:<period|all>[:<source|group>]    finance layouts: planned money, all sources unless named
 *   disbursed:<period|all>[:<source|group>]
 *   disbursed_rate:<period|all>           100 × disbursed ÷ plan
 * Rates (kind "rate") are always recomputed from summed counts, never read from files.
 */
export interface FormColumn {
  /** Header text; nested groups via children. */
  label: string;
  /** Cell expression (see above); absent on a group column that has children. */
  value?: string;
  width?: number; // relative width
  children?: FormColumn[];
}

export interface FormRow {
  number: string; // "1", "2a", "I"
  label?: string; // defaults to the indicator's / source's / component's name
  indicator?: string; // indicators layout
  source?: string; // finance_sources layout: one funding source
  source_group?: string; // finance_sources layout: a group subtotal (I, II …)
  component?: string; // finance_components layout: a component or sub-component (subtotals its children)
  total?: boolean; // a grand-total row (finance layouts; children layout adds its own)
  /** Print the row only in the reports of these levels (all the form's levels when absent). */
  levels?: LevelId[];
  /** Heading row (bold, no values). */
  heading?: boolean;
  /** A total or subtotal: the sum of its children rows ("children") or of the rows a formula
   *  names by their TT ("I+II+III+IV"). The renderer computes it from those rows. */
  sum?: string;
  /** "Trong đó" groups: rows that are parts of this row (each ≤ it); exhaustive parts add up to it. */
  parts?: FormPartGroup[];
}

export interface FormPartGroup {
  /** "children" or a formula of row numbers ("2.2+2.3"). */
  rows: string;
  exhaustive: boolean;
}

export interface FormSpec {
  id: string; // "B01"
  official_ref: string | null; // filled when the official TT 39 form replaces this one
  title: string;
  levels: LevelId[];
  orientation: "portrait" | "landscape";
  unit_of_measure: string | null;
  /** indicators: one row per indicator; children: one row per child unit (Biểu 02); finance_*: rows from finance records. */
  layout: "indicators" | "children" | "finance_sources" | "finance_components";
  columns: FormColumn[];
  rows: FormRow[];
  footnotes?: string[];
}

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
