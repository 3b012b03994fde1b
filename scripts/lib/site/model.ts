// SiteModel: everything the static progress website shows, already computed and formatted by the
// view model. The site builder only lays it out: it never sums, rounds or words a number itself,
// except for presentation-only shares (widths of progress bars, "x/y" captions) and colour bins.
//
// Rules of the contract:
//   - Plain JSON: no Date, no Map, no undefined; absent values are null.
//   - Every number comes raw (`value`) and formatted (`text`, Vietnamese: "28.667", "7,09%",
//     "—" for null); every date comes ISO (`iso`) and formatted (`text`: "31/7/2018").
//   - Strings are plain text (NFC) and are escaped by the site, EXCEPT the fields named `html`,
//     which must be a document tree rendered by `blocksHtml` (render/blocks-html.ts, every text
//     escaped there; trusted, inserted as is).
//   - Paths (`path`) are relative to the site root, without a leading "/" ("tai-lieu/25.docx").
//   - No name of the province or of any unit appears in the site code: all names come from here.

import type { IsoDate, LevelId, PeriodId, ReportStatus } from "../model/types.js";
import type { UnitChart, UnitChartSpec } from "../model/catalogue-types.js";

export type { IsoDate, LevelId, PeriodId, ReportStatus, UnitChart };

/** A number with its display text. value null = not reported; text then "—" (or what the VM chooses). */
export interface Num {
  value: number | null;
  text: string;
}

/** One value of a series, for one period. */
export interface PeriodPoint extends Num {
  period: PeriodId;
}

/** Values over periods, in period order; periods without a value may be left out or carry null. */
export type Series = PeriodPoint[];

/** Exclusive timeliness of a report at the as-of date. */
export type Timeliness = "on_time" | "late" | "not_yet" | "missing";

/**
 * Report counts. on_time + late + not_yet + missing = total (exclusive);
 * submitted = on_time + late; approved ⊆ submitted (da_duyet).
 */
export interface StatusCounts {
  total: number;
  on_time: number;
  late: number;
  not_yet: number;
  missing: number;
  submitted: number;
  approved: number;
}

export interface ProjectInfo {
  /** Programme evaluation title shown in the header. */
  title: string;
  /** Round id and label: "giua-ky-2016-2020", "Đánh giá giữa kỳ 2016–2020". */
  round: string;
  round_label: string;
  /** Date the statuses are computed at. */
  as_of: DateVal;
  /** True when the numbers are illustrative; `notice` is then shown on every page with numbers. */
  illustrative: boolean;
  /** "Số liệu minh họa, không phải số liệu chính thức." (null when not illustrative). */
  notice: string | null;
  /** Root unit: its name ("Tỉnh …") and code, as in the units list. */
  province_name: string;
  province_code: string;
  /** Issuing authority line for the header band: "Ủy ban nhân dân tỉnh …". */
  authority: string;
  /** Money unit of all money values: "triệu đồng". */
  money_unit: string;
  /**
   * The data repository's web address and branch ("https://github.com/org/repo", "main"), for the
   * "edit this report" and "report a mistake" links; null when the project names none.
   */
  repository: { url: string; branch: string } | null;
}

export interface PeriodInfo {
  id: PeriodId;
  date: DateVal;
  /** Label of a stock at this date: "Cuối năm 2015", "30/6/2018". */
  stock_label: string;
  /** Label of a flow ending here: "Năm 2016", "6 tháng đầu năm 2018"; null for the baseline. */
  flow_label: string | null;
}

export interface LevelInfo {
  id: LevelId;
  /** "Cấp xã". */
  name: string;
  /** Plural noun for counts: "xã", "huyện", "sở, ngành". */
  unit_noun: string;
  kind: "territory" | "agency";
  deadline: DateVal | null;
  days: DaysLeft | null;
  counts: StatusCounts;
}

/** The charts' names of the unit pages' key series ("Tỷ lệ hộ nghèo", "Hộ thoát nghèo"). */
export interface SeriesNames {
  poor_rate: string;
  near_poor_rate: string;
  escaped: string;
  relapsed: string;
  new_poor: string;
}

/** One poverty-measure dimension (QĐ 59/2015: 10 indicators in 5 services). */
export interface DeprivationInfo {
  id: string;
  /** "Tiếp cận các dịch vụ y tế". */
  name: string;
  /** "Y tế". */
  service: string;
}

export interface DeprivationValues {
  id: string; // DeprivationInfo.id
  /** Poor households deprived on this dimension. */
  count: Series;
  /** count ÷ poor households × 100. */
  rate: Series;
}

/** Key poverty figures of a territory unit. Rates are recomputed from counts by the VM. */
/** One row of the unit page's key figures table (the catalogue's unit_page.key_figures). */
export interface KeyFigure {
  indicator: string;
  /** "Tổng số hộ dân cư (hộ)", "Tỷ lệ hộ nghèo", "Số hộ thoát nghèo trong kỳ (hộ)". */
  label: string;
  values: Series;
}

/** A key card (the catalogue's unit_page.cards): the latest figure, and a rate under it. */
export interface KeyCard {
  label: string;
  value: Num;
  rate: Num | null;
}

export interface KeyIndicators {
  figures: KeyFigure[];
  cards: KeyCard[];
  households: Series;
  poor: Series;
  poor_rate: Series;
  near_poor: Series;
  near_poor_rate: Series;
  /** Flows over each period after the baseline. */
  escaped: Series;
  relapsed: Series;
  new_poor: Series;
  deprivations: DeprivationValues[];
}

/** Annual reduction of the poor rate, in percentage points, against the target. */
export interface ReductionInfo {
  /** Reduction in points over each flow period (positive = fewer poor). */
  per_period: Series;
  /** (rate at baseline − rate at latest) ÷ years. */
  average_per_year: Num;
  /**
   * Target in points per year: min 1, max 1.5 (general) or min 4, max null (poor areas).
   * text: the numbers only ("1–1,5", "4"); basis: "bình quân chung (QĐ 1722/QĐ-TTg)".
   */
  target: { min: number; max: number | null; text: string; basis: string };
  /** The poor rate the unit would reach at each period at the minimum target pace. */
  target_path: Series;
  verdict: "dat" | "khong_dat" | "vuot" | "muc_thap" | "chua_du_so_lieu";
  /** The catalogue's label: "Đạt", "Chưa đạt", "Vượt", "Chưa đủ số liệu". */
  verdict_label: string;
}

export interface MoneyRow {
  id: string;
  name: string;
  planned: Num;
  disbursed: Num;
  /** disbursed ÷ planned × 100. */
  rate: Num;
}

/** Money of a unit, cumulative over the evaluated periods, in project.money_unit. */
export interface FinanceInfo {
  by_source: MoneyRow[];
  by_component: MoneyRow[];
  total: MoneyRow;
}

/** One row of the unit's data download (long format). */
export interface DataRow {
  indicator: string;
  name: string;
  unit: string;
  period: PeriodId;
  /** The period as its readers name it: "Cuối năm 2015" (stocks), "Năm 2016" (flows). */
  period_label: string;
  /** Decimals the indicator is shown with (downloads round to them). */
  decimals: number;
  value: number | null;
}

/** One indicator of the catalogue, for the indicator pages and the downloads' column labels. */
export interface IndicatorInfo {
  id: string;
  name: string;
  unit: string;
  group: string;
  decimals: number;
  /** The catalogue's definition (plain text) or null. */
  description: string | null;
  /** How a parent's value is formed from its children's: "Cộng số của các đơn vị cấp dưới". */
  aggregation: string;
  /** Where the figure comes from: "Biểu B02, B03 trong báo cáo của các đơn vị". */
  source: string;
}

export interface UnitPage {
  code: string;
  /** Official name with the type word ("Xã …") and the short name without it. */
  name: string;
  short_name: string;
  /** "xã", "huyện", "sở" … */
  type: string;
  level: LevelId;
  parent: string | null;
  /** Codes of the units reporting to this one, in display order. */
  children: string[];
  area: "thanh_thi" | "nong_thon" | null;
  /** "Thành thị", "Nông thôn". */
  area_label: string | null;
  status: ReportStatus;
  /** "Chưa nộp", "Đang soạn", "Đã nộp", "Đã duyệt". */
  status_label: string;
  timeliness: Timeliness;
  /** "Nộp đúng hạn", "Nộp muộn 3 ngày", "Chưa nộp (còn hạn)", "Quá hạn, chưa nộp". */
  timeliness_label: string;
  deadline: DateVal | null;
  days: DaysLeft | null;
  /** Days after the deadline: submitted late by, or overdue by (not yet submitted); 0 otherwise
   *  (the unit's view's figure). */
  days_late: number;
  submitted: DateVal | null;
  approved: DateVal | null;
  /** Counts over the children (null without children). */
  children_counts: StatusCounts | null;
  /** Poor-area flag for targets (xã/huyện nghèo, ĐBKK); label shown next to the name. */
  poor_area_label: string | null;
  key: KeyIndicators | null;
  reduction: ReductionInfo | null;
  finance: FinanceInfo | null;
  /** The unit's report body: its document tree rendered by `blocksHtml`; null when there is no report yet. */
  html: string | null;
  /** Documents written by the caller (DOCX, Markdown, HTML). */
  documents: DocLink[];
  /** All values of the unit, for data/<code>.json and data/<code>.csv. */
  data: DataRow[];
  /** The unit's report file, relative to the repository root ("data/reports/…/x.yaml"), or null. */
  source_file: string | null;
}

export type { AboutPage, DateVal, DaysLeft, DocLink, PlanPage, ScheduleItem, SourceInfo } from "./model-pages.js";
export type { GeoCollection, GeoFeature } from "../model/geo.js";
import type { GeoCollection } from "../model/geo.js";
import type { AboutPage, DateVal, DaysLeft, DocLink, PlanPage } from "./model-pages.js";

export interface SiteLabels {
  status: Record<ReportStatus, string>;
  /** Short category names for legends: "Đúng hạn", "Muộn", "Chưa đến hạn", "Quá hạn". */
  timeliness: Record<Timeliness, string>;
  /** "Đã duyệt". */
  approved: string;
}

export interface SiteModel {
  project: ProjectInfo;
  periods: PeriodInfo[];
  /** The period the site calls "latest" (mid2018) and the baseline. */
  baseline: PeriodId;
  latest: PeriodId;
  levels: LevelInfo[];
  labels: SiteLabels;
  deprivations: DeprivationInfo[];
  /** The names the charts give the key series (the catalogue's short names of the role indicators). */
  series_names: SeriesNames;
  /** Root code first, then every unit; UnitPage.children give the tree. */
  root: string;
  units: UnitPage[];
  /** The indicator catalogue, in catalogue order. */
  indicators: IndicatorInfo[];
  /** Groups whose indicators have a page of their own (the catalogue's roles). */
  key_groups: string[];
  /** The charts of a unit page, in order (the catalogue's unit_page.charts). */
  unit_charts: UnitChartSpec[];
  plan: PlanPage;
  geo: { districts: GeoCollection; communes: GeoCollection };
  about: AboutPage;
}
