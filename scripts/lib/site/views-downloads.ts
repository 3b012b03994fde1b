// The downloads every page offers: where the data files live, and each link with its format and
// size ("XLSX · 1,2 MB"), so a reader on a phone knows what a tap costs.

import { csvName, type CsvVariant } from "./data-files.js";
import { formatNumber } from "../text/format.js";
import type { DocLink, UnitPage } from "./model.js";
import type { SiteIndex } from "./views-common.js";

/** Province-wide downloads, relative to the site root. */
export const PROVINCE_FILES = {
  workbook: "data/tong-hop.xlsx",
  status: (v: CsvVariant) => `data/${csvName("tinh-trang-bao-cao", v)}`,
} as const;

export function unitDataFiles(code: string) {
  return { json: `data/${code}.json`, csv: (v: CsvVariant) => `data/${csvName(code, v)}` };
}

/** "850 B", "12,3 KB", "1,2 MB" (decimal units, Vietnamese comma). */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, 1)} KB`;
  return `${formatNumber(bytes / 1_000_000, 1)} MB`;
}

export interface DownloadLink {
  label: string;
  href: string;
  format: string;
  /** "12,3 KB", or null when the file is written after the site (not measured). */
  size: string | null;
  /** A short note under the label ("mở bằng Excel tiếng Việt"). */
  note: string | null;
}

export function download(ix: SiteIndex, root: string, path: string, format: string, label: string, note: string | null = null): DownloadLink {
  const bytes = ix.sizes.get(path);
  return { label, href: root + path, format, size: bytes === undefined ? null : sizeText(bytes), note };
}

const CSV_NOTES: Record<CsvVariant, { label: string; note: string }> = {
  rfc: { label: "CSV chuẩn RFC 4180", note: "dấu phẩy ngăn cột, dấu chấm thập phân" },
  "excel-vi": { label: "CSV cho Excel tiếng Việt", note: "dấu chấm phẩy ngăn cột, dấu phẩy thập phân" },
};

/** The province workbook and the status table of every unit. */
export function provinceDownloads(ix: SiteIndex, root: string): DownloadLink[] {
  return [
    download(ix, root, PROVINCE_FILES.workbook, "XLSX", "Bảng tính tổng hợp toàn tỉnh (Excel)", "tình trạng báo cáo của mọi đơn vị, các chỉ tiêu, nguồn vốn"),
    ...(["excel-vi", "rfc"] as const).map((v) => download(ix, root, PROVINCE_FILES.status(v), "CSV", `Tình trạng báo cáo mọi đơn vị – ${CSV_NOTES[v].label}`, CSV_NOTES[v].note)),
  ];
}

/** Documents of a unit: a missing report's files are a blank template, and say so. */
export function documentDownloads(ix: SiteIndex, root: string, docs: DocLink[], isTemplate: boolean): DownloadLink[] {
  return docs.map((d) =>
    download(ix, root, d.path, d.format.toUpperCase(), isTemplate ? `Mẫu báo cáo để trống – ${d.label}` : d.label, isTemplate ? "đơn vị chưa nộp: đây là mẫu, không phải báo cáo" : null),
  );
}

/** A unit's values (JSON and both CSVs). */
export function unitDataDownloads(ix: SiteIndex, root: string, u: UnitPage): DownloadLink[] {
  const f = unitDataFiles(u.code);
  return [
    ...(["excel-vi", "rfc"] as const).map((v) => download(ix, root, f.csv(v), "CSV", `Số liệu – ${CSV_NOTES[v].label}`, CSV_NOTES[v].note)),
    download(ix, root, f.json, "JSON", "Số liệu (JSON)"),
    // The province-wide workbook from every unit page too: an auditor starts where they landed.
    provinceDownloads(ix, root)[0]!,
  ];
}
