// Illustrative narrative for each outline section, in the register of a real report. Each
// text says it is illustrative; numbers are quoted by the report template from the data, so
// the prose stays general. {unit} is the unit's name, {upper} the level above.
import type { Rng } from "./random.js";

const BANK: Record<string, string[]> = {
  dac_diem_tinh_hinh: [
    "{unit} có địa bàn rộng, địa hình phức tạp, kinh tế chủ yếu dựa vào sản xuất nông, lâm nghiệp; kết cấu hạ tầng ở các thôn, khu xa trung tâm còn thiếu và xuống cấp.\n\nNguyên nhân nghèo chủ yếu: thiếu vốn sản xuất, thiếu đất canh tác, thiếu kiến thức và kỹ năng làm ăn; một bộ phận hộ nghèo do ốm đau, tai nạn, thiếu lao động hoặc còn tâm lý trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước.",
    "{unit} có điều kiện kinh tế - xã hội còn nhiều khó khăn; tỷ lệ hộ nghèo, hộ cận nghèo tập trung ở các thôn, khu có đông đồng bào dân tộc thiểu số.\n\nCác nguyên nhân nghèo chính:\n\n- thiếu vốn sản xuất, kinh doanh;\n- thiếu lao động, có người ốm đau, bệnh nặng;\n- thiếu kiến thức, kỹ năng sản xuất và tiếp cận thị trường.",
  ],
  ket_qua_2324: [
    "Thực hiện Quyết định số 2324/QĐ-TTg, {unit} đã xây dựng kế hoạch giảm nghèo hằng năm, lồng ghép mục tiêu giảm nghèo vào kế hoạch phát triển kinh tế - xã hội; phân công cán bộ phụ trách, theo dõi từng thôn, khu và từng nhóm hộ nghèo.",
    "{unit} đã ban hành kế hoạch thực hiện mục tiêu giảm nghèo bền vững giai đoạn 2016 - 2020, giao chỉ tiêu giảm nghèo cụ thể cho từng thôn, khu; huy động các tổ chức đoàn thể nhận giúp đỡ hộ nghèo.",
  ],
  chinh_sach_nq80: [
    "Các chính sách hỗ trợ người nghèo được thực hiện đầy đủ, kịp thời, đúng đối tượng: tín dụng ưu đãi, bảo hiểm y tế, miễn giảm học phí, hỗ trợ tiền điện, hỗ trợ nhà ở, trợ giúp pháp lý (số liệu chi tiết tại Biểu số 07).",
  ],
  chi_dao_dieu_hanh: [
    "{unit} đã kiện toàn Ban chỉ đạo giảm nghèo, ban hành văn bản chỉ đạo, hướng dẫn triển khai Chương trình; định kỳ sơ kết, đánh giá kết quả thực hiện 6 tháng, hằng năm.",
    "Công tác chỉ đạo, điều hành được quan tâm; Ban chỉ đạo phân công thành viên phụ trách địa bàn, kịp thời tháo gỡ khó khăn, vướng mắc trong quá trình thực hiện.",
  ],
  tien_do_du_an: [
    "Các dự án, tiểu dự án được triển khai đúng tiến độ; các công trình hạ tầng được đầu tư phát huy hiệu quả; các mô hình hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế bước đầu giúp hộ nghèo tăng thu nhập (chi tiết tại Biểu số 06).",
  ],
  nguon_luc: [
    "Nguồn vốn được phân bổ, giải ngân theo đúng quy định; ngoài vốn Chương trình còn lồng ghép vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới và huy động sự đóng góp của doanh nghiệp, cộng đồng (chi tiết tại Biểu số 04, 05).",
  ],
  muc_tieu_chi_tieu: [
    "Mục tiêu giảm tỷ lệ hộ nghèo cơ bản đạt kế hoạch đề ra; thu nhập của hộ nghèo từng bước được cải thiện; các chỉ số thiếu hụt dịch vụ xã hội cơ bản giảm, riêng chỉ số hố xí/nhà tiêu hợp vệ sinh còn cao.",
  ],
  su_tham_gia: [
    "Người dân được tham gia từ khâu lập kế hoạch, lựa chọn công trình, mô hình đến giám sát thực hiện; các công trình quy mô nhỏ giao cho cộng đồng thực hiện; phụ nữ làm chủ hộ được ưu tiên hỗ trợ.",
  ],
  giam_sat_danh_gia: [
    "Công tác kiểm tra, giám sát được thực hiện thường xuyên; qua kiểm tra kịp thời chấn chỉnh những tồn tại trong bình xét đối tượng và thanh quyết toán kinh phí.",
  ],
  ra_soat_tich_hop: [
    "Qua rà soát, một số chính sách còn chồng chéo, phân tán, mức hỗ trợ thấp; đề nghị tích hợp các chính sách hỗ trợ trực tiếp theo hướng hỗ trợ có điều kiện, tăng hỗ trợ qua tín dụng ưu đãi.",
  ],
  thuan_loi: [
    "Nhận được sự quan tâm lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp và sự vào cuộc của cả hệ thống chính trị; người dân đồng thuận, tích cực tham gia.",
  ],
  ton_tai_han_che: [
    "Kết quả giảm nghèo chưa thật sự bền vững, số hộ tái nghèo và phát sinh nghèo còn có; một bộ phận hộ nghèo chưa chủ động vươn lên; nguồn lực đầu tư còn hạn chế so với nhu cầu.",
  ],
  nguyen_nhan: [
    "Nguyên nhân khách quan: điều kiện tự nhiên khó khăn, thiên tai, dịch bệnh ảnh hưởng đến sản xuất. Nguyên nhân chủ quan: công tác tuyên truyền có lúc chưa sâu rộng; năng lực của một số cán bộ làm công tác giảm nghèo cơ sở còn hạn chế.",
  ],
  bai_hoc_kinh_nghiem: [
    "Phải có sự lãnh đạo, chỉ đạo quyết liệt của cấp ủy, chính quyền; phát huy vai trò chủ thể của người dân; lồng ghép hiệu quả các nguồn lực; làm tốt công tác rà soát, quản lý đối tượng.",
  ],
  de_xuat_kien_nghi: [
    "Đề nghị {upper} tiếp tục quan tâm bố trí nguồn lực cho các xã, thôn đặc biệt khó khăn; tăng mức hỗ trợ phát triển sản xuất; nghiên cứu bổ sung chỉ số đo lường nghèo đa chiều về việc làm và dinh dưỡng cho giai đoạn sau năm 2020.",
  ],
};

export const ILLUSTRATIVE_NOTE = "*(Nội dung minh họa.)*";

/** `unit` is the name as inside a sentence ("huyện Bình An"); it is capitalised where a sentence starts with it. */
export function narrativeFor(key: string, unit: string, upper: string, rng: Rng): string {
  const options = BANK[key] ?? ["{unit} đã triển khai nội dung này theo kế hoạch."];
  const text = rng
    .pick(options)
    .replace(/(^|[.!?]\s+|\n\s*)\{unit\}/g, (_m, lead: string) => lead + unit.charAt(0).toLocaleUpperCase("vi") + unit.slice(1))
    .replaceAll("{unit}", unit)
    .replaceAll("{upper}", upper);
  return `${text}\n\n${ILLUSTRATIVE_NOTE}\n`;
}
