// SiteModel parts for the plan and the about page (the maps: model/geo.ts) (see model.ts for the contract's rules).
import type { DateText } from "../model/dates.js";
import type { LevelId } from "../model/types.js";
import type { DaysLeft } from "../render/view/unit-view.js";

/** A date with its display text, as the unit view gives it: { iso: "2018-07-31", text: "31/7/2018" }. */
export type DateVal = DateText;
/** Days between the as-of date and a deadline, as the unit view gives them. */
export type { DaysLeft };

export interface DocLink {
  /** xlsx: the unit's input workbook ("Tải biểu nhập liệu (Excel)"). */
  format: "docx" | "md" | "html" | "xlsx";
  /** "Văn bản Word (DOCX)". */
  label: string;
  path: string;
}

export interface ScheduleItem {
  id: string;
  level: LevelId | null;
  /** "Cấp xã nộp báo cáo". */
  label: string;
  deadline: DateVal;
  days: DaysLeft;
  /** Plain text of the plan's item. */
  text: string;
}

export interface PlanPage {
  title: string;
  /** "Số: 45/KH-UBND ngày 12/6/2018" or null. */
  reference: string | null;
  schedule: ScheduleItem[];
  html: string;
  documents: DocLink[];
}

export interface SourceInfo {
  /** "Danh mục đơn vị hành chính 2018". */
  name: string;
  /** What it is used for on the site. */
  used_for: string;
  /** Origin (repository, agency) and optional link. */
  origin: string;
  url: string | null;
  /** "GPL-3.0", "MIT, © 2017 Marc Choisy". */
  licence: string;
  note: string | null;
}

export interface AboutPage {
  /** Plain-text paragraphs. */
  intro: string[];
  sources: SourceInfo[];
  /** What "Số liệu minh họa" means, plain-text paragraphs. */
  illustrative_explanation: string[];
}
