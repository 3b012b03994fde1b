// Illustrative narrative for each outline section, in the register of a real report, written for
// the kind of unit (a department, a district, an urban ward or town, a rural commune) and agreeing
// with the unit's own figures: on or behind schedule from its disbursement rate, people's
// consensus only with a satisfaction rate that shows it. Each text says it is illustrative; the
// report template quotes the figures and names the attached forms, so the prose cites no form.
// {unit} is the unit's name, {upper} the level above, {children} the units below it ("xã, thị trấn";
// a commune's villages: "thôn, khu").
import { formatNumber } from "../text/format.js";
import type { Rng } from "./random.js";

export type UnitKind = "department" | "district" | "urban" | "rural";
/** What kind of body a department is, from its type in the data: a state agency of the People's
 *  Committee (sở, ban: it guides the localities), the social policy bank's branch, a sector office
 *  of a central agency (cơ quan), a front or mass organisation (đoàn thể); "resources": a state agency
 *  that allocates the programme's money and runs nothing itself. */
export type DepartmentRole = "state" | "resources" | "bank" | "sector" | "front";

/** The unit's own figures the prose must agree with (null: the unit has none). */
export interface NarrativeFacts {
  /** Disbursed ÷ planned money of the programme, in %. */
  disbursementRate: number | null;
  /** People satisfied ÷ people asked, in %. */
  satisfactionRate: number | null;
  /** Departments: the kind of body, what it chairs ("cho vay ưu đãi …") and its own figures as its
   *  tables print them, per section key. */
  role?: DepartmentRole;
  chairs?: string;
  /** Whether the department chairs a policy (Biểu 07). */
  policies?: boolean;
  figures?: Record<string, string>;
}

/** "unfunded": a department with no programme money of its own (it runs policies only); a
 *  department role's texts come before the department's; "no_policy": a state agency that chairs no
 *  policy of Biểu 07. */
type Bank = Partial<Record<UnitKind | DepartmentRole | "any" | "unfunded" | "idle" | "no_policy", string[]>>;

const BANK: Record<string, Bank> = {
  dac_diem_tinh_hinh: {
    rural: [
      "{unit} có địa bàn rộng, địa hình phức tạp, kinh tế chủ yếu dựa vào sản xuất nông, lâm nghiệp; kết cấu hạ tầng ở các thôn, khu xa trung tâm còn thiếu và xuống cấp.\n\nNguyên nhân nghèo chủ yếu: thiếu vốn sản xuất, thiếu đất canh tác, thiếu kiến thức và kỹ năng làm ăn; một bộ phận hộ nghèo do ốm đau, tai nạn, thiếu lao động hoặc còn tâm lý trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước.",
      "{unit} có điều kiện kinh tế - xã hội còn nhiều khó khăn, sản xuất nông nghiệp là chính; hộ nghèo, hộ cận nghèo tập trung ở các thôn, khu xa trung tâm.\n\nCác nguyên nhân nghèo chính:\n\n- thiếu vốn sản xuất, kinh doanh;\n- thiếu lao động, có người ốm đau, bệnh nặng;\n- thiếu kiến thức, kỹ năng sản xuất và tiếp cận thị trường.",
    ],
    urban: [
      "{unit} có kinh tế chủ yếu là thương mại, dịch vụ và tiểu thủ công nghiệp; kết cấu hạ tầng tương đối hoàn chỉnh.\n\nHộ nghèo còn lại phần lớn là hộ neo đơn, người cao tuổi, người khuyết tật, hộ thiếu lao động hoặc có người ốm đau dài ngày.",
      "{unit} là trung tâm kinh tế, dịch vụ của địa phương; đời sống của đa số người dân ổn định.\n\nNguyên nhân nghèo chủ yếu: thiếu lao động, không có việc làm ổn định, có người mắc bệnh hiểm nghèo; một số hộ thiếu vốn để chuyển đổi nghề.",
    ],
    district: [
      "{unit} có các đơn vị hành chính trực thuộc với điều kiện kinh tế - xã hội khác nhau; hộ nghèo tập trung ở những nơi có điều kiện khó khăn, xa trung tâm.\n\nNguyên nhân nghèo chủ yếu: thiếu vốn, thiếu đất sản xuất, thiếu kiến thức và kỹ năng làm ăn; một bộ phận hộ nghèo do thiếu lao động, ốm đau.",
    ],
    department: [
      "{unit} là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, được giao chủ trì các dự án, chính sách giảm nghèo thuộc lĩnh vực quản lý; báo cáo này đánh giá phần việc do {unit} chủ trì trên địa bàn tỉnh.",
    ],
  },
  ket_qua_2324: {
    bank: ["{unit} đã chỉ đạo các phòng giao dịch cấp huyện phối hợp với chính quyền cấp xã và các tổ chức chính trị - xã hội nhận ủy thác thực hiện {chairs}; việc bình xét cho vay được thực hiện công khai tại các điểm giao dịch xã."],
    sector: ["{unit} đã chỉ đạo các đơn vị trực thuộc cấp huyện thực hiện {chairs}; phối hợp với các sở, ngành và địa phương trong theo dõi, tổng hợp kết quả."],
    resources: ["{unit} đã tham mưu Ủy ban nhân dân tỉnh phân bổ vốn Chương trình hằng năm cho các địa phương, sở, ngành; hướng dẫn lập kế hoạch vốn và thanh quyết toán theo quy định."],
    front: ["{unit} đã hướng dẫn tổ chức cấp huyện, cấp xã trong hệ thống thực hiện {chairs}; phối hợp với chính quyền cùng cấp tuyên truyền, vận động hộ nghèo chủ động vươn lên."],
    any: [
      "Thực hiện Quyết định số 2324/QĐ-TTg, {unit} đã xây dựng kế hoạch giảm nghèo hằng năm, lồng ghép mục tiêu giảm nghèo vào kế hoạch phát triển kinh tế - xã hội; phân công cán bộ phụ trách, theo dõi từng {children} và từng nhóm hộ nghèo.",
      "{unit} đã ban hành kế hoạch thực hiện mục tiêu giảm nghèo bền vững giai đoạn 2016 - 2020, giao chỉ tiêu giảm nghèo cụ thể cho từng {children}; huy động các tổ chức đoàn thể nhận giúp đỡ hộ nghèo.",
    ],
    department: ["{unit} đã tham mưu Ủy ban nhân dân tỉnh và hướng dẫn các địa phương thực hiện {chairs} theo kế hoạch giảm nghèo của tỉnh; theo dõi, tổng hợp kết quả thực hiện hằng năm."],
  },
  chinh_sach_nq80: {
    bank: ["Vốn tín dụng chính sách được cho vay đúng đối tượng, công khai qua các tổ tiết kiệm và vay vốn; hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được tiếp cận vốn kịp thời."],
    sector: ["{unit} đã thực hiện {chairs} theo đúng quy định; phối hợp với các địa phương trong rà soát, xác định đối tượng."],
    front: ["{unit} đã phối hợp tuyên truyền các chính sách hỗ trợ người nghèo; giám sát việc bình xét đối tượng thụ hưởng chính sách ở cơ sở."],
    no_policy: ["{unit} phối hợp với các sở, ngành chủ trì trong tuyên truyền, theo dõi việc thực hiện các chính sách giảm nghèo có liên quan đến lĩnh vực của ngành."],
    resources: ["{unit} đã tham mưu bố trí kinh phí thực hiện các chính sách hỗ trợ người nghèo trong dự toán ngân sách hằng năm theo đề nghị của các sở, ngành chủ trì."],
    any: ["Các chính sách hỗ trợ người nghèo được thực hiện đầy đủ, kịp thời, đúng đối tượng: tín dụng ưu đãi, bảo hiểm y tế, miễn giảm học phí, hỗ trợ tiền điện, hỗ trợ nhà ở, trợ giúp pháp lý."],
    department: ["{unit} đã hướng dẫn, kiểm tra việc thực hiện các chính sách thuộc lĩnh vực được giao chủ trì, bảo đảm đúng đối tượng, đúng định mức."],
  },
  chi_dao_dieu_hanh: {
    bank: ["Ban đại diện Hội đồng quản trị Ngân hàng Chính sách xã hội các cấp chỉ đạo sát việc cho vay; {unit} phân công cán bộ theo dõi từng phòng giao dịch, định kỳ giao ban với các tổ chức nhận ủy thác."],
    sector: ["{unit} đã ban hành văn bản chỉ đạo các đơn vị trực thuộc, phân công cán bộ theo dõi phần việc được giao."],
    front: ["{unit} đưa nội dung giảm nghèo vào chương trình công tác hằng năm, phân công cán bộ phụ trách, định kỳ sơ kết kết quả thực hiện."],
    any: [
      "{unit} đã kiện toàn Ban chỉ đạo giảm nghèo, ban hành văn bản chỉ đạo, hướng dẫn triển khai Chương trình; định kỳ sơ kết, đánh giá kết quả thực hiện 6 tháng, hằng năm.",
      "Công tác chỉ đạo, điều hành được quan tâm; Ban chỉ đạo phân công thành viên phụ trách địa bàn, kịp thời tháo gỡ khó khăn, vướng mắc trong quá trình thực hiện.",
    ],
    department: ["{unit} đã ban hành văn bản hướng dẫn chuyên môn, phân công cán bộ theo dõi các dự án, chính sách được giao; phối hợp với các huyện, thành, thị trong quá trình triển khai."],
  },
  tien_do_du_an: {
    bank: ["{unit} không chủ trì dự án, tiểu dự án nào của Chương trình; phần việc được giao ({chairs}) được thực hiện theo kế hoạch vốn hằng năm."],
    sector: ["{unit} không chủ trì dự án, tiểu dự án nào của Chương trình; phần việc được giao ({chairs}) được thực hiện theo kế hoạch hằng năm."],
    front: ["{unit} không chủ trì dự án, tiểu dự án nào của Chương trình mà tham gia tuyên truyền, vận động và giám sát việc thực hiện các dự án ở cơ sở."],
    resources: ["{unit} không chủ trì dự án, tiểu dự án nào của Chương trình mà theo dõi việc phân bổ, giao kế hoạch vốn cho các dự án và tổng hợp tình hình giải ngân."],
    department: ["{unit} đã hướng dẫn, đôn đốc các địa phương triển khai {chairs}; theo dõi tiến độ và tổng hợp kết quả thực hiện hằng năm."],
    any: ["Các dự án, tiểu dự án đã được triển khai trên địa bàn; các công trình hạ tầng được đầu tư bước đầu phát huy hiệu quả; các mô hình hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế giúp một số hộ nghèo tăng thu nhập."],
  },
  nguon_luc: {
    bank: ["{unit} không quản lý vốn Chương trình; nguồn vốn cho vay gồm vốn trung ương, vốn ngân sách địa phương ủy thác qua Ngân hàng Chính sách xã hội và vốn huy động."],
    department: ["Vốn Chương trình cho các nội dung được giao chủ trì được phân bổ theo kế hoạch; {unit} đã phối hợp với các địa phương tổ chức thực hiện, giải ngân và thanh quyết toán theo quy định."],
    unfunded: ["{unit} không trực tiếp quản lý vốn Chương trình; kinh phí thực hiện các chính sách được giao chủ trì được bố trí từ nguồn kinh phí của từng chính sách và tổng hợp trong báo cáo này."],
    resources: ["{unit} không trực tiếp quản lý vốn Chương trình mà tham mưu phân bổ, giao kế hoạch vốn hằng năm cho các sở, ngành và địa phương theo quy định; số liệu giải ngân do các đơn vị được giao vốn báo cáo."],
    idle: ["{unit} không trực tiếp quản lý vốn Chương trình và không chủ trì chính sách hỗ trợ nào, nên báo cáo này không có số liệu về vốn."],
    any: ["Nguồn vốn Chương trình được phân bổ, giải ngân theo quy định; ngoài vốn Chương trình còn có vốn tín dụng ưu đãi và kinh phí thực hiện các chính sách giảm nghèo khác."],
  },
  muc_tieu_chi_tieu: {
    any: ["Thu nhập của hộ nghèo từng bước được cải thiện; các chỉ số thiếu hụt dịch vụ xã hội cơ bản giảm, riêng chỉ số hố xí/nhà tiêu hợp vệ sinh còn cao."],
  },
  su_tham_gia: {
    bank: ["Việc bình xét cho vay được thực hiện công khai tại tổ tiết kiệm và vay vốn, có sự tham gia của chính quyền, đoàn thể và người dân ở thôn, khu."],
    sector: ["{unit} phối hợp với chính quyền cơ sở lấy ý kiến người dân trong xác định đối tượng thụ hưởng."],
    resources: ["Việc phân bổ vốn ưu tiên các nội dung do cộng đồng đề xuất và được người dân thống nhất lựa chọn."],
    front: ["{unit} vận động người dân tham gia bình xét hộ nghèo, giám sát cộng đồng đối với các dự án ở cơ sở; phát huy vai trò của phụ nữ và người có uy tín trong cộng đồng."],
    any: ["Người dân được tham gia từ khâu lập kế hoạch, lựa chọn công trình, mô hình đến giám sát thực hiện; các công trình quy mô nhỏ giao cho cộng đồng thực hiện; phụ nữ làm chủ hộ được ưu tiên hỗ trợ."],
    urban: ["Người dân được lấy ý kiến trong bình xét hộ nghèo, hộ cận nghèo và lựa chọn đối tượng hỗ trợ; các tổ chức đoàn thể tham gia giám sát việc thực hiện chính sách."],
    department: ["{unit} đã hướng dẫn các địa phương lấy ý kiến người dân trong lựa chọn đối tượng, nội dung hỗ trợ thuộc lĩnh vực được giao."],
  },
  giam_sat_danh_gia: {
    bank: ["{unit} kiểm tra việc sử dụng vốn sau cho vay; phối hợp với các tổ chức nhận ủy thác đôn đốc thu hồi, xử lý nợ quá hạn."],
    sector: ["{unit} kiểm tra việc thực hiện phần việc được giao tại các đơn vị trực thuộc; kịp thời chấn chỉnh những tồn tại phát hiện qua kiểm tra."],
    front: ["{unit} tổ chức giám sát việc thực hiện chính sách giảm nghèo theo Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị; kiến nghị xử lý những tồn tại phát hiện qua giám sát."],
    department: ["{unit} đã phối hợp kiểm tra, giám sát việc thực hiện các nội dung được giao chủ trì tại các địa phương; kịp thời hướng dẫn, chấn chỉnh những tồn tại phát hiện qua kiểm tra."],
    any: ["Công tác kiểm tra, giám sát được thực hiện thường xuyên; qua kiểm tra kịp thời chấn chỉnh những tồn tại trong bình xét đối tượng và thanh quyết toán kinh phí."],
  },
  ra_soat_tich_hop: {
    any: ["Qua rà soát, một số chính sách còn chồng chéo, phân tán, mức hỗ trợ thấp; đề nghị tích hợp các chính sách hỗ trợ trực tiếp theo hướng hỗ trợ có điều kiện, tăng hỗ trợ qua tín dụng ưu đãi."],
  },
  thuan_loi: {
    bank: ["Nhận được sự chỉ đạo của Ngân hàng Chính sách xã hội, Ban đại diện Hội đồng quản trị cấp tỉnh và sự phối hợp của chính quyền, các tổ chức nhận ủy thác."],
    sector: ["Nhận được sự chỉ đạo của cơ quan cấp trên của ngành, của Ủy ban nhân dân tỉnh và sự phối hợp của các sở, ngành, địa phương."],
    front: ["Nhận được sự lãnh đạo của cấp ủy, sự phối hợp của chính quyền các cấp và sự hưởng ứng của các tầng lớp nhân dân."],
    any: ["Nhận được sự quan tâm lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp và sự vào cuộc của cả hệ thống chính trị."],
    department: ["Nhận được sự chỉ đạo sát sao của Ủy ban nhân dân tỉnh và sự phối hợp của các sở, ngành, địa phương."],
  },
  ton_tai_han_che: {
    bank: ["Nhu cầu vay vốn còn lớn so với nguồn vốn được giao; một số hộ sử dụng vốn vay chưa hiệu quả, còn nợ quá hạn."],
    any: ["Kết quả giảm nghèo chưa thật sự bền vững, số hộ tái nghèo và phát sinh nghèo còn có; một bộ phận hộ nghèo chưa chủ động vươn lên; nguồn lực đầu tư còn hạn chế so với nhu cầu."],
    department: ["Nguồn lực bố trí cho các nội dung được giao còn hạn chế so với nhu cầu; việc theo dõi, tổng hợp số liệu từ cơ sở có lúc chưa kịp thời."],
  },
  nguyen_nhan: {
    any: ["Nguyên nhân khách quan: điều kiện tự nhiên khó khăn, thiên tai, dịch bệnh ảnh hưởng đến sản xuất. Nguyên nhân chủ quan: công tác tuyên truyền có lúc chưa sâu rộng; năng lực của một số cán bộ làm công tác giảm nghèo cơ sở còn hạn chế."],
  },
  bai_hoc_kinh_nghiem: {
    any: ["Phải có sự lãnh đạo, chỉ đạo quyết liệt của cấp ủy, chính quyền; phát huy vai trò chủ thể của người dân; lồng ghép hiệu quả các nguồn lực; làm tốt công tác rà soát, quản lý đối tượng."],
  },
  de_xuat_kien_nghi: {
    bank: ["Đề nghị {upper} tiếp tục bố trí vốn ngân sách địa phương ủy thác qua Ngân hàng Chính sách xã hội để cho vay hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo."],
    department: ["Đề nghị {upper} tiếp tục quan tâm bố trí nguồn lực thực hiện các nội dung được giao chủ trì; tăng cường phối hợp giữa các sở, ngành và địa phương trong theo dõi, tổng hợp số liệu."],
    urban: ["Đề nghị {upper} tiếp tục quan tâm hỗ trợ dạy nghề, tạo việc làm cho người nghèo, người cận nghèo ở khu vực đô thị; tăng mức hỗ trợ đóng bảo hiểm y tế cho hộ cận nghèo; nghiên cứu bổ sung chỉ số đo lường nghèo đa chiều về việc làm và dinh dưỡng cho giai đoạn sau năm 2020."],
    any: ["Đề nghị {upper} tiếp tục quan tâm bố trí nguồn lực cho các xã, thôn đặc biệt khó khăn; tăng mức hỗ trợ phát triển sản xuất; nghiên cứu bổ sung chỉ số đo lường nghèo đa chiều về việc làm và dinh dưỡng cho giai đoạn sau năm 2020."],
  },
};

/** Sentences that follow the unit's own figures, added to the section's text. */
function factual(key: string, facts: NarrativeFacts): string {
  const pct = (v: number) => `${formatNumber(v, 2)}%`;
  const d = facts.disbursementRate;
  const s = facts.satisfactionRate;
  if (key === "tien_do_du_an" && d !== null) {
    if (d >= 90) return ` Tiến độ giải ngân cơ bản đạt yêu cầu (${pct(d)} kế hoạch vốn).`;
    if (d >= 75) return ` Tiến độ giải ngân còn chậm so với kế hoạch (đạt ${pct(d)}), chủ yếu do thủ tục đầu tư và thanh toán.`;
    return ` Tiến độ thực hiện chậm so với kế hoạch: mới giải ngân ${pct(d)} kế hoạch vốn.`;
  }
  if (key === "thuan_loi" && s !== null && s >= 70) return ` Người dân đồng thuận, tích cực tham gia (${pct(s)} người được hỏi hài lòng).`;
  if (key === "ton_tai_han_che" && s !== null && s < 70) return ` Mức độ hài lòng của người dân đối với Chương trình chưa cao (${pct(s)} người được hỏi hài lòng).`;
  if (key === "ton_tai_han_che" && d !== null && d < 75) return ` Giải ngân vốn Chương trình chậm (${pct(d)} kế hoạch).`;
  return "";
}

export const ILLUSTRATIVE_NOTE = "*(Nội dung minh họa.)*";

/** `unit` is the name as inside a sentence ("huyện Bình An"); it is capitalised where a sentence starts with it. */
export function narrativeFor(key: string, unit: string, upper: string, kind: UnitKind, facts: NarrativeFacts, rng: Rng, children = "thôn, khu"): string {
  const bank = BANK[key];
  const role = kind === "department" ? (facts.role === "state" ? (facts.policies === false ? "no_policy" : undefined) : facts.role) : undefined;
  // No money of its own: a department running policies says where their money is reported; one
  // running none has no money to report.
  const unfunded = kind === "department" && facts.disbursementRate === null ? (facts.policies === false ? bank?.idle : bank?.unfunded) : undefined;
  const options = (role && bank?.[role]) || unfunded || bank?.[kind] || bank?.any || ["{unit} đã triển khai nội dung này theo kế hoạch."];
  const figures = facts.figures?.[key] ? ` ${facts.figures[key]}` : "";
  const text = (rng.pick(options) + figures + factual(key, facts))
    .replace(/(^|[.!?]\s+|\n\s*)\{unit\}/g, (_m, lead: string) => lead + unit.charAt(0).toLocaleUpperCase("vi") + unit.slice(1))
    .replaceAll("{unit}", unit)
    .replaceAll("{upper}", upper)
    .replaceAll("{chairs}", facts.chairs ?? "các nội dung được giao")
    .replaceAll("{children}", children);
  return `${text}\n\n${ILLUSTRATIVE_NOTE}\n`;
}
