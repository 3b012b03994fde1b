// The catalogue's types: indicators (catalogue/indicators.yaml), the programme's components and
// funding sources (catalogue/programme.yaml), the report outline (catalogue/outline.yaml) and the
// annex forms (forms/*.yaml). Re-exported by types.ts with the rest of the data model.
import type { LevelId, PeriodId, UnitFlag } from "./types.js";

export type Aggregation =
  | { rule: "sum" }
  | { rule: "ratio"; numerator: string; denominator: string; scale: number }
  | { rule: "weighted_mean"; weight: string }
  | { rule: "count_flagged"; flag: UnitFlag; left_flag?: UnitFlag }
  | { rule: "own" };

export interface Indicator {
  id: string;
  name: string; // exact Vietnamese name
  /** A shorter name where the full one is too long (a chart's series, a deprivation in a
   *  sentence), capitalised: "Hộ thoát nghèo", "Chỉ số bảo hiểm y tế". Absent: the name. */
  short_name?: string;
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
  /** Group for forms and site views (roles name the groups the code uses). */
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

/** Which indicator plays which part in the documents and the site (indicators.yaml `roles`): code
 *  looks indicators up by role, never by id. */
export interface IndicatorRoles {
  households: string;
  poor: string;
  poverty_rate: string;
  poor_minority: string;
  minority_poverty_rate: string;
  near_poor: string;
  near_poverty_rate: string;
  escaped: string;
  relapsed: string;
  new_poor: string;
  poor_income: string;
  /** The group of the poor's deprivation counts. */
  deprivation_group: string;
  /** Groups whose indicators have a page of their own on the site. */
  key_groups: string[];
}

/** The label of each mid-term verdict (indicators.yaml `verdicts.labels`), as Biểu 01, the
 *  sentences (in lower case) and the site print it. */
export interface VerdictLabels {
  vuot: string;
  dat: string;
  khong_dat: string;
  muc_thap: string;
  /** No verdict: the unit lacks the first or the last figure. */
  chua_du_so_lieu: string;
  /** A unit that was itself in a status to leave (an ĐBKK commune): it has left it by the last period. */
  da_thoat: string;
  /** … it has not left it yet. */
  chua_thoat: string;
}

/** A chart of the unit page (indicators.yaml `unit_page.charts`). */
export type UnitChart = "ty_le" | "bien_dong" | "thieu_hut" | "don_vi_truc_thuoc" | "von_theo_nguon" | "von_theo_du_an";

/** One chart of the unit page: its kind and its title (printed before the unit's name). */
export interface UnitChartSpec {
  chart: UnitChart;
  title: string;
}

/** What a unit's page shows (indicators.yaml `unit_page`). */
export interface UnitPageSpec {
  /** Key cards: an indicator's latest figure, with a rate under it. */
  cards: { indicator: string; label: string; rate?: string }[];
  /** The key figures table, one row per indicator, in this order. */
  key_figures: string[];
  charts: UnitChartSpec[];
}

export interface IndicatorCatalogue {
  roles: IndicatorRoles;
  verdicts: { labels: VerdictLabels };
  unit_page: UnitPageSpec;
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
  /** Parts are mutually exclusive (poor / near-poor / newly out of poverty): their sum ≤ the total. */
  disjoint?: boolean;
  /** Indicators of rows in `rows` that are not in this group (an overlapping DTTS row). */
  except?: string[];
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
