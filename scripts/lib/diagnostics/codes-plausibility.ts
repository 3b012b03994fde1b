// Codes of the plausibility warnings (validate/check-plausibility.ts): figures that pass every
// rule but are hard to believe. Warnings only; a reason in the report silences them.
import { spec, type Args } from "./code-spec.js";

const noteHint = (a: Args) =>
  `Kiểm tra lại số liệu. Nếu số liệu đúng, ghi lý do vào khối notes ở cuối tệp báo cáo (tạo khối nếu chưa có; đã có thì chỉ thêm một dòng), ví dụ hai dòng:  notes:  và    ${a.id}: "‹lý do›"  (thụt lề 2 dấu cách). Có lý do thì không cảnh báo nữa.`;

const rowHint = () =>
  'Kiểm tra lại dòng vốn. Nếu đúng, thêm vào cuối dòng này trường note ghi lý do, ví dụ  …, disbursed: 20, note: "‹lý do›"}  (có lý do thì không cảnh báo nữa).';

export const PLAUSIBILITY_CODES = spec({
  VALUE_JUMP: {
    severity: "warning",
    title: "Số liệu thời điểm thay đổi đột ngột giữa hai kỳ",
    message: (a) => `${a.name} ${a.from} là ${a.a}, ${a.to} là ${a.b}${a.change}: ${a.beyond}, bất thường, cần kiểm tra lại.`,
    hint: noteHint,
  },
  VALUE_OUTLIER: {
    severity: "warning",
    title: "Tỷ lệ khác xa các đơn vị cùng loại",
    message: (a) =>
      `${a.name} ${a.period} là ${a.rate}%, ${a.direction} bất thường so với ${a.count} đơn vị cùng loại thuộc ${a.parent} (trung vị ${a.median}%; các đơn vị này thường trong khoảng ${a.low}% – ${a.high}%).`,
    hint: noteHint,
  },
  VALUE_FLOW_CONSTANT: {
    severity: "warning",
    title: "Số phát sinh giống hệt nhau ở mọi kỳ",
    message: (a) => `${a.name} bằng ${a.value} ở cả ${a.count} kỳ (kể cả kỳ 6 tháng): có thể số của kỳ trước đã bị chép sang.`,
    hint: noteHint,
  },
  VALUE_REVISED: {
    severity: "warning",
    title: "Số liệu sửa nhiều so với lần nộp trước",
    message: (a) => `${a.name} ${a.period} đã nộp là ${a.a}, nay sửa thành ${a.b}${a.change}, thay đổi quá ${a.limit}% so với lần nộp trước.`,
    hint: noteHint,
  },
  FINANCE_NO_PLAN: {
    severity: "warning",
    title: "Giải ngân khi không có kế hoạch vốn",
    message: (a) => `Giải ngân ${a.disbursed} ${a.unit} nhưng kế hoạch vốn bằng 0 (${a.component}, ${a.source}, ${a.period}).`,
    hint: rowHint,
  },
  FINANCE_NO_ACTIVITY: {
    severity: "warning",
    title: "Có kế hoạch vốn nhưng dự án không có hoạt động nào",
    message: (a) => `${a.component} (${a.name}) có kế hoạch vốn ${a.plan} ${a.unit} nhưng mọi chỉ tiêu hoạt động của dự án (${a.indicators}) đều bằng 0 trong cả giai đoạn.`,
    hint: rowHint,
  },
} as const);
