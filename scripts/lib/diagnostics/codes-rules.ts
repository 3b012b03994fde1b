// Codes of the cross-file rules: the unit tree, report files, values, money, roll-ups, catalogue.
import { spec } from "./code-spec.js";

export const RULE_CODES = spec({
  // --- units ---------------------------------------------------------------------------
  UNIT_DUPLICATE_CODE: {
    severity: "error",
    title: "Mã đơn vị bị trùng",
    message: (a) => `Mã đơn vị "${a.code}" được khai báo hai lần (${a.other}).`,
    hint: () => "Mỗi đơn vị có một mã duy nhất theo Danh mục hành chính của Tổng cục Thống kê; sửa hoặc xóa dòng trùng.",
  },
  UNIT_UNKNOWN_PARENT: {
    severity: "error",
    title: "Đơn vị cấp trên không tồn tại",
    message: (a) => `Đơn vị "${a.code}" khai báo đơn vị cấp trên "${a.parent}", nhưng không có đơn vị nào mang mã này.`,
    hint: () => "Sửa mã đơn vị cấp trên cho đúng, hoặc thêm đơn vị cấp trên vào danh sách.",
  },
  UNIT_CYCLE: {
    severity: "error",
    title: "Quan hệ cấp trên – cấp dưới bị vòng lặp",
    message: (a) => `Đơn vị "${a.code}" nằm trong một vòng lặp cấp trên: ${a.cycle}.`,
    hint: () => "Mỗi đơn vị phải có một chuỗi cấp trên dẫn tới tỉnh; sửa trường parent của một đơn vị trong vòng lặp.",
  },
  UNIT_LEVEL_MISMATCH: {
    severity: "error",
    title: "Cấp của đơn vị không khớp với cấp trên",
    message: (a) => `Đơn vị "${a.code}" thuộc ${a.level} nhưng đơn vị cấp trên "${a.parent}" thuộc ${a.parentLevel}; cần ${a.expected}.`,
    hint: () => "Sửa trường level hoặc parent cho đúng cây đơn vị hành chính.",
  },
  UNIT_UNKNOWN_LEVEL: {
    severity: "error",
    title: "Cấp đơn vị không được khai báo",
    message: (a) => `Cấp "${a.level}" không có trong danh sách cấp của project.yaml.`,
    hint: (a) => `Các cấp hợp lệ: ${a.allowed}.`,
  },
  UNIT_UNKNOWN_POLICY: {
    severity: "error",
    title: "Nhóm chính sách trong source_of không tồn tại",
    message: (a) => `Đơn vị "${a.code}" khai báo source_of "${a.policy}", nhưng không có chỉ tiêu nào thuộc nhóm chính sách này (policy trong catalogue/indicators.yaml).`,
    hint: (a) => `Các nhóm chính sách: ${a.allowed}. Sửa mã cho đúng, hoặc xóa dòng này.`,
  },
  UNIT_NO_ROOT: {
    severity: "error",
    title: "Không tìm thấy đơn vị gốc (tỉnh)",
    message: (a) => `Đơn vị gốc "${a.root}" khai báo trong project.yaml không có trong danh sách đơn vị.`,
    hint: () => "Sửa trường root trong project.yaml hoặc thêm đơn vị tỉnh vào units.yaml.",
  },
  // --- report files --------------------------------------------------------------------
  REPORT_UNKNOWN_UNIT: {
    severity: "error",
    title: "Báo cáo của một đơn vị không có trong danh sách",
    message: (a) => `Mã đơn vị "${a.code}" không có trong danh sách đơn vị (units.yaml).`,
    hint: (a) => (a.suggestion ? `Có phải là "${a.suggestion}"? Sửa trường unit cho đúng mã của đơn vị.` : "Sửa trường unit cho đúng mã của đơn vị theo Danh mục hành chính."),
  },
  REPORT_DUPLICATE: {
    severity: "error",
    title: "Hai tệp báo cáo cho cùng một đơn vị",
    message: (a) => `Đơn vị "${a.code}" đã có báo cáo ở tệp ${a.other}.`,
    hint: () => "Mỗi đơn vị chỉ có một tệp báo cáo; gộp nội dung vào một tệp và xóa tệp còn lại.",
  },
  REPORT_WRONG_FOLDER: {
    severity: "error",
    title: "Báo cáo đặt sai thư mục",
    message: (a) => `Báo cáo của ${a.name} (${a.code}) đặt sai thư mục.`,
    hint: (a) => `Chuyển tệp tới ${a.expected}.`,
  },
  REPORT_FILE_NAME: {
    severity: "error",
    title: "Tên tệp không khớp với mã đơn vị trong tệp",
    message: (a) => `Tên tệp mang mã "${a.fileCode}" nhưng trong tệp ghi unit: "${a.code}".`,
    hint: (a) => `Tên tệp phải bắt đầu bằng mã đơn vị: đổi tên tệp thành ${a.expected}, hoặc sửa trường unit nếu ghi nhầm mã.`,
  },
  REPORT_ROUND_MISMATCH: {
    severity: "error",
    title: "Báo cáo ghi sai đợt đánh giá",
    message: (a) => `Báo cáo ghi đợt "${a.actual}" nhưng đợt đánh giá hiện tại là "${a.expected}".`,
    hint: (a) => `Sửa thành round: ${a.expected}.`,
  },
  STATUS_DATE_MISSING: {
    severity: "error",
    title: "Trạng thái cần ngày nộp/ngày duyệt nhưng chưa có",
    message: (a) => `Trạng thái "${a.status}" cần ${a.field === "submitted_on" ? "ngày nộp" : "ngày duyệt"} (${a.field}) nhưng trường này để trống.`,
    hint: (a) => (a.field === "approved_on" ? "Điền approved_on: ngày duyệt dạng năm-tháng-ngày, không sớm hơn ngày nộp (submitted_on)." : "Điền submitted_on: ngày nộp dạng năm-tháng-ngày, ví dụ submitted_on: 2018-07-25."),
  },
  STATUS_DATE_UNEXPECTED: {
    severity: "warning",
    title: "Có ngày nộp/duyệt nhưng trạng thái chưa tương ứng",
    message: (a) => `Có ${a.field === "submitted_on" ? "ngày nộp" : "ngày duyệt"} nhưng trạng thái là "${a.status}".`,
    hint: () => "Cập nhật trạng thái (status) cho đúng, hoặc xóa ngày nếu báo cáo chưa nộp/chưa duyệt.",
  },
  STATUS_DATE_ORDER: {
    severity: "error",
    title: "Ngày duyệt trước ngày nộp",
    message: (a) => `Ngày duyệt ${a.approved} sớm hơn ngày nộp ${a.submitted}.`,
    hint: () => "Kiểm tra lại hai ngày: báo cáo phải được nộp rồi mới được duyệt.",
  },
  STATUS_LATE: {
    severity: "warning",
    title: "Nộp sau thời hạn của kế hoạch",
    message: (a) => `Báo cáo nộp ngày ${a.submitted}, sau thời hạn ${a.deadline} của ${a.level} (chậm ${a.days} ngày).`,
    hint: () => "Không phải lỗi: báo cáo vẫn được nhận và được đánh dấu là nộp muộn trên trang theo dõi.",
  },
  SUBMISSION_DATE_GIT: {
    severity: "warning",
    title: "Ngày nộp ghi trong tệp khác ngày nộp theo lịch sử git",
    message: (a) =>
      `Ngày nộp ghi trong tệp là ${a.declared}, nhưng báo cáo chuyển sang trạng thái đã nộp trên nhánh chính ngày ${a.git}` +
      (a.reason ? ` (${a.reason}, nên chương trình giữ ngày ${a.used}).` : `; chương trình dùng ngày ${a.used}.`),
    hint: (a) =>
      a.reason
        ? "Giữ nguyên ngày nộp ghi trong tệp nếu đúng (báo cáo được đưa vào git sau khi đã duyệt); nếu sai, sửa submitted_on, nhưng không được sau ngày duyệt approved_on."
        : "Sửa submitted_on cho khớp ngày báo cáo được hợp nhất (merge) vào nhánh chính, hoặc giữ nguyên nếu đã nộp bản giấy đúng ngày ghi trong tệp.",
  },
  STATUS_AFTER_AS_OF: {
    severity: "warning",
    title: "Ngày nộp/duyệt sau ngày tổng hợp",
    message: (a) => `Ngày ${a.date} sau ngày tổng hợp số liệu ${a.asOf}.`,
    hint: () => "Kiểm tra lại năm, tháng, ngày đã nhập.",
  },
  // --- values --------------------------------------------------------------------------
  VALUE_UNKNOWN_INDICATOR: {
    severity: "error",
    title: "Chỉ tiêu không có trong danh mục",
    message: (a) => `Chỉ tiêu "${a.id}" không có trong danh mục chỉ tiêu.`,
    hint: (a) => (a.suggestion ? `Có phải ý bạn là "${a.suggestion}"? Sửa lại mã chỉ tiêu.` : "Xem danh sách mã chỉ tiêu trong data/catalogue/indicators.yaml."),
  },
  VALUE_COMPUTED_INDICATOR: {
    severity: "error",
    title: "Nhập tay một chỉ tiêu do chương trình tự tính",
    message: (a) => `"${a.name}" (${a.id}) do chương trình tự tính, không nhập tay.`,
    hint: () => "Xóa dòng này; chỉ nhập các số đếm (số hộ, số người…), tỷ lệ sẽ được tính từ các số đó.",
  },
  VALUE_UNKNOWN_PERIOD: {
    severity: "error",
    title: "Kỳ số liệu không áp dụng cho chỉ tiêu",
    message: (a) => `"${a.name}" không có số liệu cho kỳ "${a.period}".`,
    hint: (a) => `Các kỳ hợp lệ của chỉ tiêu này: ${a.allowed}.`,
  },
  VALUE_STOCK_FLOW: {
    severity: "error",
    title: "Số cuối kỳ không khớp: đầu kỳ − thoát + tái + phát sinh",
    message: (a) => `${a.name} ${a.period} là ${a.actual}, nhưng đầu kỳ ${a.opening} − ${a.minus} + ${a.plus} = ${a.expected}.`,
    hint: (a) => `Kiểm tra lại số cuối kỳ và các số biến động trong kỳ (${a.flows}); chênh lệch ${a.diff}.`,
  },
  VALUE_PART_EXCEEDS: {
    severity: "error",
    title: "Số chi tiết lớn hơn số tổng",
    message: (a) => `${a.name} (${a.actual}) lớn hơn ${a.totalName} (${a.total}) ở thời điểm ${a.period}.`,
    hint: () => "Số chi tiết (ví dụ hộ nghèo dân tộc thiểu số) không thể lớn hơn số tổng; kiểm tra lại hai số.",
  },
  VALUE_RATE_RANGE: {
    severity: "error",
    title: "Tỷ lệ tính ra nằm ngoài 0–100%",
    message: (a) => `${a.name} ${a.period} tính ra ${a.rate}%, nằm ngoài khoảng 0–100%.`,
    hint: (a) => `Kiểm tra ${a.numerator} và ${a.denominator}: tử số không thể lớn hơn mẫu số.`,
  },
  VALUE_BREAKDOWN_SUM: {
    severity: "error",
    title: "Các phần chi tiết không cộng đúng bằng số tổng",
    message: (a) => `${a.parts} cộng lại bằng ${a.sum}, khác ${a.totalName} (${a.total}) ${a.period}.`,
    hint: () => "Hai phần chi tiết này chia hết số tổng: sửa để tổng các phần bằng số tổng.",
  },
  VALUE_PARTS_SUM_EXCEEDS: {
    severity: "error",
    title: "Tổng các phần không trùng nhau lớn hơn số tổng",
    message: (a) => `${a.parts} cộng lại bằng ${a.sum}, lớn hơn ${a.totalName} (${a.total}) ${a.period}.`,
    hint: () => "Các nhóm này loại trừ nhau (một hộ chỉ thuộc một nhóm), nên tổng của chúng không thể lớn hơn số tổng: kiểm tra lại số tổng và từng phần.",
  },
  VALUE_PART_WITHOUT_TOTAL: {
    severity: "error",
    title: "Có số chi tiết nhưng để trống số tổng",
    message: (a) => `${a.name} ghi ${a.actual} nhưng ${a.totalName} ${a.period} để trống.`,
    hint: (a) => `Ghi ${a.totalName} (${a.total}) cùng kỳ trước, rồi mới ghi các số "trong đó"; nếu chưa có số tổng thì để trống cả số chi tiết.`,
  },
  VALUE_REQUIRES: {
    severity: "error",
    title: "Có số liệu nhưng thiếu số liệu mà nó cần (ví dụ lượt người tập huấn khi không có lớp)",
    message: (a) => `${a.name} ${a.period} là ${a.actual}, nhưng ${a.requiredName} cùng kỳ là ${a.required}.`,
    hint: (a) => `${a.name} chỉ có khi ${a.requiredName} lớn hơn 0: ghi số ${a.requiredName} của kỳ này, hoặc sửa ${a.name} về 0.`,
  },
  FINANCE_SOURCE_NOT_ALLOWED: {
    severity: "error",
    title: "Dự án, tiểu dự án không được bố trí vốn từ nguồn này",
    message: (a) => `${a.component} không được bố trí ${a.source} (kỳ ${a.period}).`,
    hint: (a) => `${a.componentName} chỉ được bố trí: ${a.allowed} (catalogue/programme.yaml); sửa nguồn vốn của dòng này. ${a.extra}`.trim(),
  },
  FINANCE_FLAG_REQUIRED: {
    severity: "error",
    title: "Vốn của dự án chỉ dành cho địa bàn được hưởng (Chương trình 135, 30a) ở đơn vị không thuộc diện",
    message: (a) => `${a.unit} ghi vốn ${a.component} nhưng không có xã nào thuộc diện ${a.flags} trong unit-flags.yaml.`,
    hint: (a) => `Vốn ${a.component} chỉ ghi ở đơn vị thuộc (hoặc quản lý xã thuộc) diện ${a.flags}: chuyển khoản vốn này sang dự án đúng (ví dụ Dự án 3 cho xã ngoài Chương trình 135), hoặc bổ sung đơn vị vào unit-flags.yaml nếu đã có quyết định.`,
  },
  DOCUMENT_BEFORE_DEADLINE: {
    severity: "warning",
    title: "Ngày văn bản tổng hợp trước thời hạn nộp của cấp dưới",
    message: (a) => `Báo cáo đề ngày ${a.date}, trước thời hạn ${a.level} nộp báo cáo (${a.deadline}): báo cáo tổng hợp sẽ thiếu số liệu của các đơn vị nộp đúng hạn.`,
    hint: (a) => `Đề ngày văn bản từ ${a.deadline} trở đi (sau khi ${a.level} đã nộp), hoặc ghi rõ trong báo cáo là số liệu tổng hợp đến ngày ${a.date}.`,
  },
  FINANCE_OVER_PLAN: {
    severity: "warning",
    title: "Vốn giải ngân lớn hơn kế hoạch vốn",
    message: (a) => `Giải ngân ${a.disbursed} lớn hơn kế hoạch ${a.plan} (${a.component}, ${a.source}, ${a.period}).`,
    hint: () => "Kiểm tra lại số; nếu đúng là giải ngân vượt kế hoạch (vốn bổ sung), ghi rõ trong phần thuyết minh nguồn lực.",
  },
  FINANCE_UNKNOWN_REF: {
    severity: "error",
    title: "Dự án, nguồn vốn hoặc kỳ không có trong danh mục",
    message: (a) => `${a.what} "${a.id}" không có trong danh mục.`,
    hint: (a) => (a.suggestion ? `Có phải ý bạn là "${a.suggestion}"? Giá trị hợp lệ: ${a.allowed}.` : `Giá trị hợp lệ: ${a.allowed}.`),
  },
  NARRATIVE_UNKNOWN_SECTION: {
    severity: "error",
    title: "Phần thuyết minh không có trong đề cương",
    message: (a) => `Phần thuyết minh "${a.id}" không có trong đề cương báo cáo.`,
    hint: (a) => (a.suggestion ? `Có phải ý bạn là "${a.suggestion}"?` : `Các phần hợp lệ: ${a.allowed}.`),
  },
  NARRATIVE_EMPTY: {
    severity: "error",
    title: "Báo cáo đã nộp nhưng còn phần thuyết minh để trống",
    message: (a) => `Báo cáo đã nộp nhưng phần "${a.title}" còn để trống.`,
    hint: () => "Viết nội dung cho phần này (hoặc đổi trạng thái về dang_soan nếu báo cáo chưa xong).",
  },
  REPORT_INCOMPLETE: {
    severity: "error",
    title: "Báo cáo đã nộp còn thiếu số liệu chính",
    message: (a) => `Còn ${a.count} giá trị chưa điền (để null hoặc thiếu dòng, thiếu kỳ): ${a.list}.`,
    hint: () => "Điền đủ số liệu cho mọi kỳ của các chỉ tiêu này (chỉ tiêu.kỳ); nếu báo cáo chưa xong, để trạng thái dang_soan.",
  },
  NARRATIVE_MISSING: {
    severity: "error",
    title: "Báo cáo đã nộp thiếu phần thuyết minh của đề cương",
    message: (a) => `Báo cáo đã nộp nhưng thiếu ${a.count} phần thuyết minh: ${a.list}.`,
    hint: () => "Thêm các phần này vào khối narrative (mỗi phần một dòng \"tên_phần: |\" và nội dung thụt 4 dấu cách), hoặc để trạng thái dang_soan.",
  },
  // --- roll-up -------------------------------------------------------------------------
  ROLLUP_MISMATCH: {
    severity: "warning",
    title: "Số tự báo cáo khác số cộng từ các đơn vị cấp dưới",
    message: (a) => `${a.name} ${a.period}: đơn vị báo cáo ${a.declared}, cộng từ ${a.count} đơn vị cấp dưới được ${a.rolled} (chênh ${a.diff}).`,
    hint: (a) => `Các đơn vị góp phần chênh lệch lớn nhất: ${a.children}. Đối chiếu lại với báo cáo của các đơn vị này.`,
  },
  // --- catalogue -----------------------------------------------------------------------
  CATALOGUE_FORM_ROW_REF: {
    severity: "error",
    title: "Dòng tổng hoặc nhóm \"trong đó\" của biểu tham chiếu dòng không xác định",
    message: (a) => (a.reason === "empty" ? `Dòng "${a.row}" cộng các dòng con (children) nhưng không có dòng con nào.` : `Dòng "${a.row}" tham chiếu dòng "${a.ref}" ${a.reason === "ambiguous" ? "có nhiều dòng cùng số thứ tự" : "không có trong biểu"}.`),
    hint: () => "Ghi số thứ tự (TT) của các dòng, nối bằng dấu +, mỗi số chỉ có ở một dòng của biểu (ví dụ I+II+III+IV); hoặc children khi các dòng con nằm ngay dưới dòng này.",
  },
  TARGET_UNKNOWN_UNIT: {
    severity: "error",
    title: "Mục tiêu giao cho một đơn vị không có trong danh sách hoặc không phải địa bàn",
    message: (a) => (a.name ? `Mục tiêu giảm nghèo giao cho "${a.code}" (${a.name}), nhưng đơn vị này không phải một địa bàn (tỉnh, huyện, xã).` : `Mục tiêu giảm nghèo giao cho mã đơn vị "${a.code}", nhưng không có đơn vị nào mang mã này.`),
    hint: (a) => `Ghi mã của tỉnh hoặc huyện theo units.yaml, trong dấu nháy kép${a.suggestion ? ` (có phải là "${a.suggestion}"?)` : ""}; xóa dòng nếu không giao mục tiêu riêng.`,
  },
  TARGET_RANGE_REVERSED: {
    severity: "error",
    title: "Khoảng mục tiêu ghi ngược (mức thấp lớn hơn mức cao)",
    message: (a) => `Khoảng mục tiêu [${a.low}, ${a.high}] có mức thấp lớn hơn mức cao.`,
    hint: (a) => `Ghi mức thấp trước, mức cao sau: [${a.high}, ${a.low}].`,
  },
  CATALOGUE_UNKNOWN_REF: {
    severity: "error",
    title: "Danh mục tham chiếu tới mục không tồn tại",
    message: (a) => `${a.what} "${a.id}" không tồn tại.`,
    hint: () => "Sửa tham chiếu trong danh mục cho khớp với một mục đã khai báo.",
  },
} as const);
