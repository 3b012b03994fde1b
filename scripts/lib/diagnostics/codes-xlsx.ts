// Codes of the workbook import (npm run import-xlsx): a workbook that cannot be read as the
// unit's input workbook is refused whole, nothing written. Each is located at a sheet and cell
// (line = row, column = column number of the cell; 0 for the file as a whole).
import { spec } from "./code-spec.js";

export const XLSX_CODES = spec({
  XLSX_NOT_XLSX: {
    severity: "error",
    title: "Tệp không phải sổ Excel .xlsx",
    message: (a) => `Tệp "${a.file}" không phải sổ Excel .xlsx đọc được: ${a.detail}.`,
    hint: () => "Mở biểu nhập liệu bằng Excel hoặc LibreOffice Calc, chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), rồi tải lại tệp .xlsx đó.",
  },
  XLSX_TOO_LARGE: {
    severity: "error",
    title: "Sổ Excel quá lớn (trên 5 MB, hoặc giải nén ra trên 50 MB)",
    message: (a) => `Sổ Excel có dung lượng ${a.size}, vượt giới hạn ${a.limit}.`,
    hint: () => "Biểu nhập liệu của một đơn vị chỉ khoảng 50 KB: xuất lại biểu (npm run export-xlsx hoặc nút “Tải biểu nhập liệu (Excel)” trên trang web) rồi chép số liệu vào; không dán ảnh hay dữ liệu khác vào sổ.",
  },
  XLSX_NOT_A_FORM: {
    severity: "error",
    title: "Sổ Excel không phải biểu nhập liệu của chương trình",
    message: () => "Sổ Excel không có trang thông tin ẩn của biểu nhập liệu (mã đơn vị, đợt, phiên bản biểu), nên không biết đây là biểu của đơn vị nào.",
    hint: () => "Tải biểu nhập liệu của đơn vị (nút “Tải biểu nhập liệu (Excel)” trên trang của đơn vị, hoặc npm run export-xlsx -- <mã đơn vị>), điền vào đó rồi tải lên; không tự tạo sổ mới.",
  },
  XLSX_UNKNOWN_UNIT: {
    severity: "error",
    title: "Biểu của một đơn vị không có trong danh sách",
    message: (a) => `Biểu ghi mã đơn vị "${a.code}", không có trong danh sách đơn vị.`,
    hint: () => "Tải lại biểu nhập liệu đúng của đơn vị mình trên trang web.",
  },
  XLSX_OTHER_UNIT: {
    severity: "error",
    title: "Sổ Excel là biểu của một đơn vị khác",
    message: (a) => `Tệp "${a.file}" mang tên của đơn vị mã ${a.expected}, nhưng bên trong là biểu của ${a.name} (mã ${a.code}).`,
    hint: (a) => `Đặt tên tệp theo mã đơn vị trong biểu (${a.code}.xlsx), hoặc tải đúng biểu của đơn vị mã ${a.expected}.`,
  },
  XLSX_WRONG_ROUND: {
    severity: "error",
    title: "Biểu của một đợt đánh giá khác",
    message: (a) => `Biểu thuộc đợt "${a.actual}", nhưng đợt đánh giá hiện nay là "${a.expected}".`,
    hint: () => "Tải biểu nhập liệu của đợt hiện nay trên trang web và chép số liệu sang.",
  },
  XLSX_TEMPLATE_VERSION: {
    severity: "error",
    title: "Biểu nhập liệu đã cũ (mẫu biểu đã thay đổi)",
    message: (a) => `Biểu được tạo theo mẫu phiên bản ${a.actual}; mẫu biểu hiện nay là phiên bản ${a.expected} (danh mục chỉ tiêu, biểu mẫu hoặc đề cương đã thay đổi).`,
    hint: () => "Tải biểu nhập liệu mới của đơn vị (đã điền sẵn số liệu đã nộp) và chép các số liệu mới sang.",
  },
  XLSX_SHEET_MISSING: {
    severity: "error",
    title: "Thiếu một trang của biểu nhập liệu",
    message: (a) => `Sổ Excel thiếu trang "${a.sheet}".`,
    hint: () => "Không xóa hay đổi tên các trang của biểu nhập liệu; tải lại biểu và chép số liệu sang.",
  },
  XLSX_EXTRA_SHEET: {
    severity: "error",
    title: "Sổ Excel có trang lạ (kể cả trang ẩn)",
    message: (a) => `Sổ Excel có trang "${a.sheet}"${a.hidden ? " (đang ẩn)" : ""} không thuộc biểu nhập liệu.`,
    hint: () => "Xóa trang này (bỏ ẩn trước nếu cần: chuột phải vào tên trang → Bỏ ẩn), rồi lưu và tải lại.",
  },
  XLSX_LABEL_EDITED: {
    severity: "error",
    title: "Ô tiêu đề hoặc tên dòng của biểu bị sửa",
    message: (a) => `Ô này phải ghi "${a.expected}", nhưng đang ghi "${a.actual}".`,
    hint: () => "Chỉ điền vào các ô màu vàng; trả lại nội dung cũ cho ô này (hoặc tải lại biểu và chép số liệu sang).",
  },
  XLSX_ROWS_CHANGED: {
    severity: "error",
    title: "Dòng hoặc cột bị chèn, bị xóa trong biểu",
    message: (a) => `Ô ghi "${a.expected}" của biểu không còn ở vị trí cũ (${a.found}): có dòng hoặc cột bị chèn thêm hoặc bị xóa.`,
    hint: () => "Không chèn hay xóa dòng, cột trong biểu; xóa dòng đã chèn (hoặc tải lại biểu và chép số liệu sang).",
  },
  XLSX_MERGED_CELL: {
    severity: "error",
    title: "Ô nhập liệu bị gộp (merge)",
    message: (a) => `Các ô ${a.range} bị gộp lại thành một ô.`,
    hint: () => "Bỏ gộp ô (Merge & Center → Unmerge Cells) và điền số liệu vào từng ô riêng.",
  },
  XLSX_UNEXPECTED_CELL: {
    severity: "error",
    title: "Có nội dung nằm ngoài các ô của biểu",
    message: (a) => `Ô này nằm ngoài biểu nhưng có nội dung "${a.actual}", chương trình sẽ không đọc.`,
    hint: () => "Chuyển nội dung vào đúng ô màu vàng của biểu (ghi chú thì viết vào trang Thuyết minh), rồi xóa ô này.",
  },
  XLSX_NUMBER_AS_TEXT: {
    severity: "error",
    title: "Ô số liệu chứa chữ hoặc số gõ có dấu phân cách (1.234, 1,234)",
    message: (a) =>
      a.kind === "separator"
        ? `Ô số liệu ghi "${a.actual}" dưới dạng chữ: dấu chấm, dấu phẩy phân cách hàng nghìn làm Excel hiểu đây là chữ, không phải số.`
        : `Ô số liệu ghi "${a.actual}", không phải một con số.`,
    hint: (a) => (a.suggestion ? `Gõ liền con số, không dấu phân cách: ${a.suggestion}.` : "Chỉ gõ con số vào ô (để trống nếu chưa có số liệu); lời giải thích viết ở trang Thuyết minh."),
  },
  XLSX_FORMULA_NO_VALUE: {
    severity: "error",
    title: "Ô nhập liệu là công thức chưa có kết quả",
    message: (a) => `Ô nhập liệu chứa công thức =${a.formula} nhưng tệp không lưu kết quả của công thức.`,
    hint: () => "Mở tệp bằng Excel hoặc LibreOffice Calc để công thức được tính rồi lưu lại; hoặc gõ thẳng con số vào ô.",
  },
  XLSX_BAD_DATE: {
    severity: "error",
    title: "Ô ngày tháng không đọc được",
    message: (a) => `Ô ngày tháng ghi "${a.actual}", không phải một ngày.`,
    hint: () => "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 31/07/2018.",
  },
  XLSX_BAD_CHOICE: {
    severity: "error",
    title: "Giá trị không có trong danh sách chọn",
    message: (a) => `Ô ghi "${a.actual}", không có trong danh sách chọn.`,
    hint: (a) => `Chọn một trong: ${a.allowed}.`,
  },
  INBOX_WORKBOOK: {
    severity: "error",
    title: "Sổ Excel trong data/inbox/ chưa được chuyển thành YAML",
    message: (a) => `Sổ Excel "${a.file}" vẫn nằm trong thư mục tải lên: số liệu của nó chưa được chuyển vào tệp YAML của đơn vị (sổ không đọc được, hoặc chưa được chuyển).`,
    hint: () => "Xem lỗi của sổ Excel trong phần tóm tắt của lần kiểm tra (hoặc chạy npm run import-xlsx -- <tệp>), sửa sổ và tải lại; khi số liệu đã nằm trong tệp YAML thì xóa sổ Excel khỏi data/inbox/.",
  },
});
