// The one sentence under a table of a unit's children (Biểu 02) when its total row is not the
// unit's own figures (Biểu 01): which children it leaves out at the document's date, and by how
// much it differs for the stocks at the last period, so a reader never meets two totals unexplained.
import type { UnitFigures, Values } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import { shortDate } from "../../model/dates.js";
import type { FormSpec } from "../../model/types.js";
import { formatNumber } from "../../text/format.js";
import type { TableModel } from "./form-table.js";
import { inSentence, lowerFirst } from "./names.js";

export interface GapInput {
  table: TableModel;
  /** The unit's own figures as its indicators form shows them. */
  own: Values;
  /** That form's label ("Biểu số 01"), or null when the unit has none. */
  ownForm: string | null;
  children: readonly UnitFigures[];
  submitted: (f: UnitFigures) => boolean;
  /** The document's date (as-of of the roll-up). */
  at: string;
  /** The children's noun ("huyện, thành, thị") and the unit's type ("tỉnh"). */
  noun: string;
  unitType: string;
}

const parse = (text: string | undefined): number | null => (text && /^−?[\d.]+$/.test(text) ? Number(text.replace(/\./g, "").replace("−", "-")) : null);

export function childrenGap(ds: Dataset, form: FormSpec, g: GapInput): string | null {
  if (form.layout !== "children" || !g.ownForm) return null;
  const last = ds.project.periods[ds.project.periods.length - 1]!;
  const total = g.table.rows[g.table.rows.length - 1]?.cells ?? [];
  const diffs = g.table.columns.flatMap((expr, i) => {
    const [op, period, id] = expr.split(":");
    const ind = id ? ds.catalogue.indicators.find((x) => x.id === id) : undefined;
    if (op !== "value" || period !== last.id || !ind || ind.kind === "rate") return [];
    const own = g.own[ind.id]?.[last.id];
    const sum = parse(total[i]);
    if (own === undefined || sum === null || Math.round(own) === sum) return [];
    return [`${lowerFirst(ind.name)} ${formatNumber(own)} (dòng cộng ${formatNumber(sum)}, chênh ${formatNumber(Math.abs(Math.round(own) - sum))})`];
  });
  if (!diffs.length) return null;
  const missing = g.children.filter((c) => !g.submitted(c)).map((c) => inSentence(c.unit));
  const reported = g.children.length - missing.length;
  const figures = `số liệu do ${g.unitType} báo cáo (${g.ownForm}) tại thời điểm ${last.stock_label}: ${diffs.join("; ")}`;
  if (!missing.length) return `Dòng “Tổng cộng” khác ${figures}; cần đối chiếu lại với báo cáo của các đơn vị cấp dưới.`;
  return `Dòng “Cộng các đơn vị đã báo cáo” chỉ gồm ${reported}/${g.children.length} ${g.noun} đã nộp báo cáo đến ngày ${shortDate(g.at)} (chưa có ${missing.join(", ")}), nên khác ${figures}.`;
}
