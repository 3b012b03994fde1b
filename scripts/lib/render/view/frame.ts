// The frame of a document (header, title, addressees, signature, Nơi nhận) for a unit's report.
import type { Dataset } from "../../model/dataset.js";
import { longDate, shortDate } from "../../model/dates.js";
import type { DocHeader } from "../../model/document.js";
import type { Level, ReportFile, Signer, Unit } from "../../model/types.js";
import { childrenOf } from "../../model/unit-index.js";
import { authorityOf, inSentence, typesNoun, upper } from "./names.js";

export interface ReportFrame {
  header: DocHeader;
  title: string;
  addressees: string[];
  recipients: string[];
  signer: Signer;
  authority: string;
  /** "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)". */
  attachedTo: string;
  /** Short issuer for form headers: "UBND HUYỆN BÌNH AN". */
  issuerShort: string;
  /** Document date for DOCX properties and the signature of forms. */
  created: string;
}

const BLANK = "\u00a0".repeat(6);
const PLACEHOLDER_SIGNER: Signer = { authority: "", deputy: null, position: "(CHƯA KÝ)", name: "(chưa có báo cáo)" };

export function placeDate(place: string, date: string | null, year: string): string {
  return `${place}, ${date ? longDate(date) : `ngày${BLANK}tháng${BLANK}năm ${year}`}`;
}

export function numberLine(number: string | null, symbol: string): string {
  return `Số: ${number ?? BLANK}/${symbol}`;
}

export function reportFrame(ds: Dataset, unit: Unit, report: ReportFile | null): ReportFrame {
  const level = ds.levels.get(unit.level)!;
  const agency = level.kind === "agency";
  const root = ds.units.get(ds.project.root)!;
  const parent = unit.parent ? ds.units.get(unit.parent) : undefined;
  const issuer = unit.issuer ?? (agency ? [upper(`UBND ${inSentence(root)}`), upper(unit.name)] : ["ỦY BAN NHÂN DÂN", upper(unit.name)]);
  const symbol = `BC-${unit.symbol ?? "UBND"}`;
  const year = ds.project.as_of.slice(0, 4);
  const date = report?.document.date ?? null;
  const place = unit.place ?? (agency ? (root.place ?? root.short_name) : unit.short_name);
  const authority = authorityOf(unit, agency);
  const number = report?.document.number ?? null;
  const addressees = "list" in level.addressees ? level.addressees.list : parent ? [authorityOf(parent, false)] : [];
  return {
    header: { issuer, issuer_bold_lines: unit.issuer || agency ? 1 : 2, number_line: numberLine(number, symbol), place_date: placeDate(place, date, year) },
    title: `${ds.project.report_title}${agency ? "" : ` trên địa bàn ${inSentence(unit)}`}`,
    addressees,
    recipients: recipientsOf(ds, unit, level, addressees.length > 0, report?.document.recipients ?? []),
    signer: report?.document.signer ?? PLACEHOLDER_SIGNER,
    authority,
    attachedTo: `(Kèm theo Báo cáo số ${number ?? BLANK}/${symbol} ${date ? `ngày ${shortDate(date)}` : `ngày${BLANK}/${BLANK}/${year}`} của ${authority})`,
    issuerShort: agency ? upper(unit.short_name) : unit.issuer ? unit.issuer.join(" ") : upper(`UBND ${inSentence(unit)}`),
    created: date ?? ds.project.as_of,
  };
}

const ARCHIVE = /^Lưu:\s*/;

/** "Lưu: VT." + "Lưu: VT, LĐTBXH." → "Lưu: VT, LĐTBXH.": the holders of both lines, each once, in order. */
function mergeArchive(lines: string[]): string | null {
  const holders: string[] = [];
  for (const l of lines) {
    for (const h of l.replace(ARCHIVE, "").replace(/[.;]\s*$/, "").split(",")) {
      const t = h.trim();
      if (t && !holders.includes(t)) holders.push(t);
    }
  }
  return lines.length ? `Lưu: ${holders.join(", ")}.` : null;
}

/**
 * Nơi nhận of a unit's report: "Như trên;" when it has addressees, the level's list (project.yaml)
 * with its tokens filled in, the report's own extra recipients, and one "Lưu:" line merging both.
 */
export function recipientsOf(ds: Dataset, unit: Unit, level: Level, withAddressees: boolean, own: readonly string[]): string[] {
  const parent = unit.parent ? ds.units.get(unit.parent) : undefined;
  const children = (childrenOf(ds).get(unit.code) ?? []).filter((u) => ds.levels.get(u.level)?.kind === "territory");
  const childLevel = children[0] ? ds.levels.get(children[0].level) : undefined;
  const fill = (line: string) =>
    line
      .replaceAll("{unit_type}", unit.type)
      .replaceAll("{parent_type}", parent?.type ?? "")
      .replaceAll("{children}", typesNoun(children, childLevel?.unit_types, childLevel?.unit_noun ?? ""));
  const all = [...(level.recipients ?? []).map(fill), ...own].map((l) => l.trim()).filter((l) => l.length > 0);
  const archive = mergeArchive(all.filter((l) => ARCHIVE.test(l)));
  const others: string[] = [];
  for (const l of all) if (!ARCHIVE.test(l) && !others.includes(l)) others.push(l);
  return [...(withAddressees ? ["Như trên;"] : []), ...others, ...(archive ? [archive] : ["Lưu: VT."])];
}
