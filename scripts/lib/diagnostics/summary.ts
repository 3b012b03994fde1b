// The counts a check ends with, printed by the text and machine reports.
export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  units: Record<string, number>;
}
