// Codes of the reading stages: files, YAML syntax, JSON Schemas and typing slips.
import { spec } from "./code-spec.js";

export const INPUT_CODES = spec({
  // --- reading files -------------------------------------------------------------------
  YAML_SYNTAX: {
    severity: "error",
    title: "Tệp YAML viết sai cú pháp",
    message: (a) => `Tệp viết sai cú pháp YAML: ${a.detail}`,
    hint: () => "Kiểm tra dấu hai chấm, thụt lề bằng dấu cách và dấu nháy ở dòng được chỉ ra (hoặc ngay dòng trên).",
  },
  YAML_TAB_INDENT: {
    severity: "error",
    title: "Thụt lề bằng phím Tab",
    message: () => "Dòng này thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách.",
    hint: () => "Xóa ký tự Tab ở đầu dòng và thụt lề bằng dấu cách (mỗi cấp 2 dấu cách, thẳng hàng với các dòng cùng cấp).",
  },
  YAML_DUPLICATE_KEY: {
    severity: "error",
    title: "Một trường được khai báo hai lần",
    message: (a) => `Trường "${a.key}" được khai báo hai lần trong cùng một khối.`,
    hint: () => "Giữ lại một dòng đúng và xóa dòng còn lại.",
  },
  YAML_EMPTY_FILE: {
    severity: "error",
    title: "Tệp rỗng",
    message: () => "Tệp không có nội dung.",
    hint: () => "Điền nội dung theo mẫu (lệnh `npm run new -- <mã đơn vị>` tạo sẵn một tệp mẫu), hoặc xóa tệp.",
  },
  YAML_ALIAS_LIMIT: {
    severity: "error",
    title: "Quá nhiều tham chiếu YAML (alias)",
    message: () => "Tệp dùng quá nhiều tham chiếu YAML (*alias), có thể làm treo chương trình.",
    hint: () => "Không dùng ký hiệu & và * trong tệp số liệu; viết giá trị trực tiếp.",
  },
  YAML_FILE_TOO_LARGE: {
    severity: "error",
    title: "Tệp quá lớn",
    message: (a) => `Tệp có dung lượng ${a.size}, vượt giới hạn ${a.limit} của một tệp số liệu.`,
    hint: () => "Một báo cáo đơn vị chỉ cần vài chục KB; kiểm tra xem có dán nhầm dữ liệu khác vào tệp không.",
  },
  YAML_FORBIDDEN_KEY: {
    severity: "error",
    title: "Tên trường bị cấm (__proto__, constructor, prototype)",
    message: (a) => `Tên trường "${a.key}" không được phép dùng.`,
    hint: () => "Xóa trường này; các tên trường hợp lệ có trong mục 3 «Một tệp báo cáo trông như thế nào» của tệp README.md trong thư mục số liệu (data/).",
  },
  TEXT_NOT_NFC: {
    severity: "warning",
    title: "Chữ tiếng Việt ở dạng tổ hợp (NFD), đã được chuẩn hóa",
    message: () => "Chữ tiếng Việt trong tệp được gõ ở dạng dấu rời (NFD); chương trình đã tự chuẩn hóa sang dạng dựng sẵn (NFC).",
    hint: () => "Nên lưu lại tệp ở dạng Unicode dựng sẵn (bộ gõ Unikey: bảng mã Unicode dựng sẵn) để tìm kiếm và so sánh tên chính xác.",
  },
  FILE_UNKNOWN_LOCATION: {
    severity: "error",
    title: "Tệp YAML nằm ngoài các thư mục đã biết",
    message: (a) => `Tệp "${a.file}" không nằm trong thư mục nào mà chương trình đọc, nên sẽ bị bỏ qua.`,
    hint: () => "Báo cáo của đơn vị đặt trong data/reports/<mã huyện>-<tên>/ ; danh mục trong data/catalogue/ ; biểu mẫu trong data/forms/. Chuyển tệp vào đúng chỗ hoặc xóa tệp.",
  },
  FILE_MISSING: {
    severity: "error",
    title: "Thiếu tệp bắt buộc",
    message: (a) => `Thiếu tệp bắt buộc "${a.file}".`,
    hint: () => "Khôi phục tệp này từ nhánh main hoặc tạo lại theo hướng dẫn trong data/README.md.",
  },
  // --- schema --------------------------------------------------------------------------
  SCHEMA_REQUIRED: {
    severity: "error",
    title: "Thiếu trường bắt buộc",
    message: (a) => `Thiếu trường bắt buộc "${a.field}"${a.title ? ` (${a.title})` : ""}.`,
    hint: (a) => `Thêm dòng "${a.field}: …" vào khối này.`,
  },
  SCHEMA_UNKNOWN_FIELD: {
    severity: "error",
    title: "Trường không có trong mẫu",
    message: (a) => `Trường "${a.field}" không có trong mẫu.`,
    hint: (a) => (a.suggestion ? `Có phải ý bạn là "${a.suggestion}"? Sửa lại tên trường.` : `Các trường được phép ở đây: ${a.allowed}.`),
  },
  SCHEMA_TYPE: {
    severity: "error",
    title: "Sai kiểu giá trị",
    message: (a) => `Giá trị ${a.actual} không đúng kiểu: cần ${a.expected}.`,
    hint: (a) => String(a.hint || "Sửa giá trị theo mẫu: xem mục 4 «Quy tắc ghi» trong tệp README.md của thư mục số liệu (data/)."),
  },
  SCHEMA_ENUM: {
    severity: "error",
    title: "Giá trị không nằm trong danh sách cho phép",
    message: (a) => `Giá trị ${a.actual} không được chấp nhận.`,
    hint: (a) => (a.suggestion ? `Có phải ý bạn là "${a.suggestion}"? Các giá trị hợp lệ: ${a.allowed}.` : `Các giá trị hợp lệ: ${a.allowed}.`),
  },
  SCHEMA_PATTERN: {
    severity: "error",
    title: "Giá trị không đúng định dạng",
    message: (a) => `Giá trị ${a.actual} không đúng định dạng${a.title ? ` của "${a.title}"` : ""}.`,
    hint: (a) => String(a.hint || "Sửa giá trị theo mẫu."),
  },
  SCHEMA_RANGE: {
    severity: "error",
    title: "Giá trị ngoài khoảng cho phép (ví dụ số âm)",
    message: (a) => `Giá trị ${a.actual} ${a.comparison}.`,
    hint: () => "Số hộ, số người, số tiền không thể âm. Nhập số từ 0 trở lên; nếu chưa có số liệu, ghi null.",
  },
  SCHEMA_CONSTRAINT: {
    severity: "error",
    title: "Giá trị không thỏa điều kiện của mẫu",
    message: (a) => `Giá trị không hợp lệ: ${a.detail}.`,
    hint: () => "Sửa theo mẫu: xem mục 4 «Quy tắc ghi» trong tệp README.md của thư mục số liệu (data/).",
  },
  DATE_FORMAT: {
    severity: "error",
    title: "Ngày viết sai định dạng (ví dụ 31/7/2018)",
    message: (a) => `Ngày "${a.actual}" viết sai định dạng.`,
    hint: (a) => (a.suggestion ? `Viết ngày theo dạng năm-tháng-ngày: ${a.suggestion}` : "Viết ngày theo dạng năm-tháng-ngày, ví dụ 2018-07-31."),
  },
  NUMBER_THOUSANDS_SEPARATOR: {
    severity: "error",
    title: "Số có dấu chấm phân cách hàng nghìn (1.234)",
    message: (a) =>
      a.read === ""
        ? `Giá trị "${a.actual}" có dấu chấm phân cách hàng nghìn và nằm trong dấu nháy, nên được đọc là chữ, không phải số.`
        : `Giá trị "${a.actual}" có dấu chấm phân cách hàng nghìn, nhưng YAML đọc dấu chấm là dấu thập phân: con số được hiểu là ${a.read}, không phải ${a.suggestion}.`,
    hint: (a) => `Viết số liền, không có dấu chấm: ${a.suggestion}. (Nếu thật sự là số thập phân, dùng dấu chấm với một hoặc hai chữ số sau dấu chấm, ví dụ 1.25.)`,
  },
  COLON_WITHOUT_SPACE: {
    severity: "error",
    title: "Thiếu dấu cách sau dấu hai chấm",
    message: (a) => `"${a.actual}" thiếu dấu cách sau dấu hai chấm, nên YAML đọc cả cụm là một tên trường.`,
    hint: (a) => `Thêm một dấu cách sau dấu hai chấm: ${a.suggestion}`,
  },
  NUMBER_DECIMAL_COMMA: {
    severity: "error",
    title: "Số viết với dấu phẩy (1,5 hoặc 1,981)",
    message: (a) => `Có số viết với dấu phẩy: trong YAML dấu phẩy ngăn cách các mục, nên phần "${a.part}" sau dấu phẩy bị đọc thành một mục riêng.`,
    hint: () => "Số thập phân viết bằng dấu chấm (161.5); số hàng nghìn viết liền, không dấu phân cách (1981).",
  },
  NUMBER_NOT_INTEGER: {
    severity: "error",
    title: "Số đếm (hộ, người, công trình) phải là số nguyên",
    message: (a) => `"${a.indicator}" đếm bằng ${a.unit} nên phải là số nguyên, nhưng giá trị là ${a.actual}.`,
    hint: () => "Nhập số nguyên (không có phần thập phân).",
  },
  CODE_LEADING_ZERO: {
    severity: "error",
    title: "Mã đơn vị bị mất số 0 ở đầu",
    message: (a) => `Mã đơn vị ${a.actual} đã mất số 0 ở đầu (YAML đọc là một số).`,
    hint: (a) => `Viết mã trong dấu nháy kép: "${a.suggestion}".`,
  },
} as const);
