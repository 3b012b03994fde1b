// The indicator catalogue as the site shows it: definition, unit, how a parent's figure is formed
// from its children's, and which annex forms carry it (the figure's source).
import type { Dataset } from "../../model/dataset.js";
import type { Aggregation, Indicator } from "../../model/types.js";
import type { IndicatorInfo } from "../model.js";

function aggregationText(a: Aggregation, names: Map<string, string>): string {
  const n = (id: string) => `“${names.get(id) ?? id}”`;
  switch (a.rule) {
    case "sum":
      return "Cộng số của các đơn vị cấp dưới.";
    case "ratio":
      return `Tính lại từ số đã cộng: ${n(a.numerator)} ÷ ${n(a.denominator)}${a.scale === 100 ? " × 100" : ""}; không cộng tỷ lệ của các đơn vị cấp dưới.`;
    case "weighted_mean":
      return `Bình quân gia quyền theo ${n(a.weight)} của các đơn vị cấp dưới.`;
    case "count_flagged":
      return "Đếm các đơn vị cấp xã thuộc diện này trong danh sách đơn vị.";
    case "own":
      return "Mỗi đơn vị tự báo cáo; không tổng hợp từ cấp dưới.";
  }
}

/** Forms naming the indicator in a cell or row ("value:<period>:<indicator>", indicator: <indicator>). */
function formsOf(ds: Dataset, id: string): string[] {
  const pattern = new RegExp(`"(?:[^"]*:)?${id}"`);
  return ds.forms.filter((f) => pattern.test(JSON.stringify(f))).map((f) => f.id);
}

export function indicatorInfo(ds: Dataset, i: Indicator, names: Map<string, string>): IndicatorInfo {
  const forms = formsOf(ds, i.id);
  const computed = i.computed ? "Chương trình tự tính từ số liệu các đơn vị báo cáo" : "Các đơn vị ghi trong tệp báo cáo";
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    group: i.group,
    decimals: i.decimals ?? 0,
    description: i.description ?? null,
    aggregation: aggregationText(i.aggregate, names),
    source: forms.length ? `${computed}; in ở ${forms.map((f) => `Biểu ${f}`).join(", ")} của báo cáo.` : `${computed}.`,
  };
}

export function indicatorInfos(ds: Dataset): IndicatorInfo[] {
  const names = new Map(ds.catalogue.indicators.map((i) => [i.id, i.name]));
  return ds.catalogue.indicators.filter((i) => i.kind !== "text").map((i) => indicatorInfo(ds, i, names));
}
