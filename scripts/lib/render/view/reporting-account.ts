// The report's account of its children's reporting, as of the document's date: per level, how many
// sent their report, whether on time, and which have not.
import type { Tree, UnitFigures } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import { shortDate } from "../../model/dates.js";
import { deadlineOf } from "../../model/deadlines.js";
import type { Level, Unit } from "../../model/types.js";
import { isSubmitted, timelinessOf } from "../../model/timeliness.js";
import { inSentence, typesNoun } from "./names.js";

/**
 * One level's part of the reporting account, in the words an officer would write: "cả 28 xã, thị
 * trấn đã gửi báo cáo, đều đúng thời hạn (31/7/2018)"; parts that would be zero are left out.
 */
function reportingPart(level: Level, list: UnitFigures[], inHand: (k: UnitFigures) => boolean, late: (k: UnitFigures) => boolean, deadline: string | null): string {
  const agency = level.kind === "agency";
  const units = list.map((k) => k.unit);
  const noun = typesNoun(units, level.unit_types, level.unit_noun);
  const done = list.filter(inHand);
  const missing = list.filter((k) => !inHand(k));
  const nLate = done.filter(late).length;
  const named = (ks: UnitFigures[]) => ks.map((k) => (agency ? k.unit.name : inSentence(k.unit))).join(", ");
  const due = deadline ? ` (${shortDate(deadline)})` : "";
  let text: string;
  if (done.length === 0) text = `chưa có ${noun} nào gửi báo cáo`;
  else {
    const head = missing.length === 0 ? `cả ${list.length} ${noun} đã gửi báo cáo` : `${done.length}/${list.length} ${noun} đã gửi báo cáo`;
    const timing = !deadline
      ? ""
      : nLate === 0
        ? `, ${done.length > 1 ? "đều " : ""}đúng thời hạn${due}`
        : nLate === done.length
          ? `, ${done.length > 1 ? "đều " : ""}gửi sau thời hạn${due}`
          : `, trong đó ${nLate} đơn vị gửi sau thời hạn${due}`;
    text = head + timing;
  }
  if (missing.length && done.length) text += `; còn ${missing.length} đơn vị chưa gửi: ${named(missing)}`;
  else if (missing.length) text += ` (${named(missing)})`;
  return text;
}

export function reportingAccount(ds: Dataset, tree: Tree, unit: Unit, at: string): string | null {
  const kids = (tree.children.get(unit.code) ?? []).map((c) => tree.figures.get(c)!);
  if (!kids.length) return null;
  const byLevel = new Map<string, UnitFigures[]>();
  for (const k of kids) byLevel.set(k.unit.level, [...(byLevel.get(k.unit.level) ?? []), k]);
  // As of the document's own date: a report submitted later was not in hand when it was signed.
  const inHand = (k: UnitFigures) => isSubmitted(k.report) && k.report!.submitted_on! <= at;
  const parts = [...byLevel.entries()].map(([levelId, list]) => {
    const level = ds.levels.get(levelId)!;
    const deadline = deadlineOf(level, ds.plan);
    return reportingPart(level, list, inHand, (k) => timelinessOf(k.report, deadline, at) === "late", deadline);
  });
  return `Đến ngày ${shortDate(at)}, ${parts.join("; ")}.`;
}
