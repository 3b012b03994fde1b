// The sheets beside the annex forms: "Thông tin chung" (the report's header), the indicators no
// form of the level shows, the finance records (Biểu 04-05) and "Thuyết minh" (one row per section).
import type { Dataset } from "../model/dataset.js";
import { flattenOutline } from "../model/catalogue.js";
import { chairsComponent } from "../model/chairs.js";
import type { Indicator, Unit } from "../model/types.js";
import { FINANCE_SHEET, INFO_SHEET, NARRATIVE_SHEET, OTHER_SHEET, address, footnotes, newSheet, numberType, quoted, titleBlock, type InfoField, type InputType, type SheetLayout } from "./sheet.js";

export const INFO_ROWS: { field: InfoField; label: string; type: InputType }[] = [
  { field: "status", label: "Trạng thái báo cáo", type: "status" },
  { field: "submitted_on", label: "Ngày nộp báo cáo", type: "date" },
  { field: "approved_on", label: "Ngày duyệt báo cáo", type: "date" },
  { field: "number", label: "Số văn bản (chỉ ghi số, ví dụ 15)", type: "text" },
  { field: "date", label: "Ngày ký văn bản", type: "date" },
  { field: "authority", label: "Thẩm quyền ký (ví dụ TM. ỦY BAN NHÂN DÂN)", type: "text" },
  { field: "deputy", label: "Ký thay (ví dụ KT. CHỦ TỊCH; để trống nếu không có)", type: "text" },
  { field: "position", label: "Chức vụ người ký", type: "text" },
  { field: "name", label: "Họ và tên người ký", type: "text" },
  { field: "recipients", label: "Nơi nhận (mỗi nơi một dòng, sau “Như trên”)", type: "longtext" },
];

export function infoSheet(ds: Dataset, unit: Unit, illustrative: boolean): SheetLayout {
  const sheet = newSheet(INFO_SHEET);
  sheet.widths = [48, 60];
  const top = titleBlock(sheet, 2, "THÔNG TIN CHUNG", ds.project.report_title, unit, illustrative, null);
  const fixedRows: [string, string][] = [
    ["Mã đơn vị", unit.code],
    ["Tên đơn vị", unit.name],
    ["Đợt đánh giá", ds.project.title],
  ];
  let row = top;
  sheet.fixed.push({ row, col: 1, role: "header", text: "Mục", bold: true }, { row, col: 2, role: "header", text: "Nội dung", bold: true });
  sheet.bodyRow = ++row;
  for (const [label, value] of fixedRows) {
    sheet.fixed.push({ row, col: 1, role: "label", text: label }, { row, col: 2, role: "label", text: value });
    row++;
  }
  for (const r of INFO_ROWS) {
    sheet.fixed.push({ row, col: 1, role: "label", text: r.label });
    sheet.inputs.push({ row, col: 2, type: r.type, binding: { kind: "info", field: r.field }, decimals: 0 });
    row++;
  }
  footnotes(sheet, ["Ô màu vàng là ô nhập liệu; các ô khác đã khóa. Ngày nhập theo dạng ngày/tháng/năm, ví dụ 31/07/2018."], row + 1, 2);
  return sheet;
}

export function otherSheet(list: Indicator[], unit: Unit, illustrative: boolean, periods: { id: string; label: string }[], firstCell: Map<string, string>): SheetLayout {
  const sheet = newSheet(OTHER_SHEET);
  const width = 3 + periods.length;
  sheet.widths = [5, 60, 12, ...periods.map(() => 14)];
  const top = titleBlock(sheet, width, OTHER_SHEET.toUpperCase(), "CÁC CHỈ TIÊU KHÁC TRONG DANH MỤC (KHÔNG CÓ TRONG BIỂU)", unit, illustrative, null);
  ["TT", "Chỉ tiêu", "Đơn vị tính", ...periods.map((p) => p.label)].forEach((text, i) => sheet.fixed.push({ row: top, col: i + 1, role: "header", text, bold: true }));
  let row = top + 1;
  sheet.bodyRow = row;
  list.forEach((ind, n) => {
    sheet.fixed.push({ row, col: 1, role: "number", text: String(n + 1) }, { row, col: 2, role: "label", text: ind.name }, { row, col: 3, role: "label", text: ind.unit });
    periods.forEach((p, i) => {
      if (ind.periods.includes(p.id)) {
        sheet.inputs.push({ row, col: 4 + i, type: numberType(ind), binding: { kind: "value", indicator: ind.id, period: p.id }, decimals: ind.decimals ?? 0 });
        firstCell.set(`${ind.id}@${p.id}`, `${quoted(sheet.name)}!${address(row, 4 + i)}`);
      } else sheet.fixed.push({ row, col: 4 + i, role: "computed", text: "" });
    });
    row++;
  });
  return sheet;
}

/** Finance records (component × source × period, planned and disbursed): the input of Biểu 04 and 05. */
export function financeSheet(ds: Dataset, unit: Unit, illustrative: boolean): SheetLayout {
  const sheet = newSheet(FINANCE_SHEET);
  const agency = ds.levels.get(unit.level)?.kind === "agency";
  const comps = ds.programme.components;
  const leavesOf = comps.filter((c) => c.applicable && !comps.some((o) => o.parent === c.id) && (!agency || chairsComponent(unit, c.id)));
  const flows = ds.project.periods.filter((p) => p.flow_label !== null);
  const width = 3 + flows.length * 2;
  sheet.widths = [7, 50, 36, ...flows.flatMap(() => [12, 12])];
  const top = titleBlock(sheet, width, "BIỂU 04, 05", "KẾ HOẠCH VỐN VÀ GIẢI NGÂN THEO DỰ ÁN, TIỂU DỰ ÁN VÀ NGUỒN VỐN (SỐ LIỆU CỦA BIỂU 04 VÀ BIỂU 05)", unit, illustrative, ds.project.money_unit);
  for (const [i, text] of ["TT", "Dự án, tiểu dự án", "Nguồn vốn"].entries()) {
    sheet.fixed.push({ row: top, col: i + 1, role: "header", text, bold: true });
    sheet.merges.push(`${address(top, i + 1)}:${address(top + 1, i + 1)}`);
  }
  flows.forEach((p, i) => {
    const col = 4 + i * 2;
    sheet.fixed.push({ row: top, col, role: "header", text: p.flow_label!, bold: true });
    sheet.merges.push(`${address(top, col)}:${address(top, col + 1)}`);
    sheet.fixed.push({ row: top + 1, col, role: "header", text: "Kế hoạch", bold: true }, { row: top + 1, col: col + 1, role: "header", text: "Giải ngân", bold: true });
  });
  let row = top + 2;
  sheet.bodyRow = row;
  leavesOf.forEach((c, n) => {
    const parent = c.parent ? comps.find((p) => p.id === c.parent) : undefined;
    const label = `${c.id}: ${parent ? `${parent.name} › ` : ""}${c.name}`;
    for (const s of ds.programme.sources) {
      sheet.fixed.push({ row, col: 1, role: "number", text: String(n + 1) }, { row, col: 2, role: "label", text: label }, { row, col: 3, role: "label", text: s.name });
      flows.forEach((p, i) => {
        for (const [k, field] of (["plan", "disbursed"] as const).entries()) {
          sheet.inputs.push({ row, col: 4 + i * 2 + k, type: "decimal", binding: { kind: "finance", component: c.id, source: s.id, period: p.id, field }, decimals: 2 });
        }
      });
      row++;
    }
  });
  footnotes(sheet, ["Mỗi dòng là một dự án, tiểu dự án với một nguồn vốn; để trống cả hai ô của một kỳ nếu không có vốn. Biểu 04 và Biểu 05 được chương trình cộng từ các dòng này."], row + 1, width);
  return sheet;
}

export function narrativeSheet(ds: Dataset, unit: Unit, illustrative: boolean): SheetLayout {
  const sheet = newSheet(NARRATIVE_SHEET);
  sheet.widths = [9, 45, 110];
  const top = titleBlock(sheet, 3, "THUYẾT MINH", "NỘI DUNG BÁO CÁO THEO ĐỀ CƯƠNG", unit, illustrative, null);
  ["Mục", "Tên mục", "Nội dung (mỗi đoạn cách nhau một dòng trống)"].forEach((text, i) => sheet.fixed.push({ row: top, col: i + 1, role: "header", text, bold: true }));
  let row = top + 1;
  sheet.bodyRow = row;
  for (const s of flattenOutline(ds.outline.sections).filter((x) => x.levels.includes(unit.level))) {
    sheet.fixed.push({ row, col: 1, role: "number", text: s.id, bold: !s.narrative }, { row, col: 2, role: "label", text: s.title, bold: !s.narrative });
    if (s.narrative) sheet.inputs.push({ row, col: 3, type: "longtext", binding: { kind: "narrative", key: s.narrative }, decimals: 0 });
    else sheet.fixed.push({ row, col: 3, role: "computed", text: "" });
    row++;
  }
  return sheet;
}
