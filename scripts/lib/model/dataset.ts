// The typed data set every stage after load works on: each file's parsed document (for locating
// diagnostics) and its typed content. Built by dataset/load-dataset.ts.
import type { ParsedFile } from "../parse/parse-yaml.js";
import type { Plan } from "./plan.js";
import type { Plausibility } from "./plausibility.js";
import type { FormSpec, IndicatorCatalogue, Level, Outline, Programme, Project, ReportFile, Unit, UnitsFile } from "./types.js";

/** published.yaml: official figures of some units at one period. */
export interface Published {
  source: string;
  period: string;
  units: Record<string, { households: number; poor: number; near_poor: number; minority_share?: number }>;
}

export interface LoadedReport {
  file: ParsedFile;
  report: ReportFile;
}

export interface Dataset {
  dataDir: string;
  project: Project;
  levels: Map<string, Level>;
  /** Every unit by code, in file order (units.yaml, then departments.yaml). */
  units: Map<string, Unit>;
  unitFiles: { file: ParsedFile; data: UnitsFile; kind: "units" | "departments" }[];
  flags: { source: string; illustrative: boolean; labels: Record<string, string> } | null;
  /** Published official figures the illustrative sample agrees with (published.yaml), if present. */
  published: Published | null;
  /** The site's about page (about.yaml), if present. */
  about: { intro: string[]; sources: { name: string; used_for: string; origin: string; url: string | null; licence: string; note: string | null }[]; illustrative_explanation: string[] } | null;
  catalogue: IndicatorCatalogue;
  programme: Programme;
  outline: Outline;
  /** Thresholds of the plausibility warnings (catalogue/plausibility.yaml); none when the file is absent. */
  plausibility: Plausibility | null;
  forms: FormSpec[];
  plan: Plan;
  /** Valid report files (schema-valid), in path order. */
  reports: LoadedReport[];
  /** Report files that parsed but failed their schema: kept as parsed for the value-level plausibility rules. */
  invalidReports: { file: ParsedFile; data: unknown }[];
  /** Every parsed file by data-relative path, for locating diagnostics. */
  files: Map<string, ParsedFile>;
  others: string[];
}
