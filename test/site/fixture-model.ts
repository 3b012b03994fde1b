// A small but realistic SiteModel: the fictional "Tỉnh Mẫu" (2 districts, 6 communes,
// 2 departments), square boundaries, mixed report statuses at the as-of date 10/8/2018.
// Hostile strings sit in a unit name and in free-text fields (escaped by the site), and in one
// narrative, whose HTML is what markdown-it (html: false) makes of it, i.e. already escaped.

import MarkdownIt from "markdown-it";
import type {
  DataRow, DateVal, DaysLeft, FinanceInfo, GeoFeature, KeyIndicators, MoneyRow, ReductionInfo,
  ReportStatus, Series, SiteModel, StatusCounts, Timeliness, UnitPage,
} from "../../scripts/lib/site/model.js";

export const EVIL_SCRIPT = "<script>alert(1)</script>";
export const EVIL_IMG = "<img src=x onerror=alert(1)>";

const md = new MarkdownIt({ html: false });
const PERIODS = ["baseline", "y2016", "y2017", "mid2018"] as const;
const YEARS = [0, 1, 2, 2.5];
const AS_OF = "2018-08-10";

const fmt = (v: number, d = 0) => {
  const [i = "", f] = v.toFixed(d).split(".");
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (f ? "," + f : "");
};
const date = (iso: string): DateVal => {
  const [y, m, d] = iso.split("-").map(Number);
  return { iso, text: `${d}/${m}/${y}` };
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const daysLeft = (deadline: string): DaysLeft => {
  const v = daysBetween(AS_OF, deadline);
  return { value: v, text: v > 0 ? `Còn ${v} ngày` : v === 0 ? "Hôm nay là hạn cuối" : `Quá hạn ${-v} ngày` };
};
const series = (vals: (number | null)[], d = 0, pct = false, from = 0): Series =>
  vals.map((v, i) => ({ period: PERIODS[i + from]!, value: v, text: v === null ? "—" : fmt(v, d) + (pct ? "%" : "") }));
const rate = (a: number[], b: number[]) => a.map((x, i) => (100 * x) / b[i]!);

export const DEPRIVATIONS = [
  ["y_te", "Tiếp cận các dịch vụ y tế", "Y tế"], ["bhyt", "Bảo hiểm y tế", "Y tế"],
  ["gd_nguoi_lon", "Trình độ giáo dục của người lớn", "Giáo dục"], ["tre_em", "Tình trạng đi học của trẻ em", "Giáo dục"],
  ["nha_o", "Chất lượng nhà ở", "Nhà ở"], ["dien_tich", "Diện tích nhà ở bình quân đầu người", "Nhà ở"],
  ["nuoc", "Nguồn nước sinh hoạt", "Nước sạch và vệ sinh"], ["nha_tieu", "Hố xí/nhà tiêu hợp vệ sinh", "Nước sạch và vệ sinh"],
  ["vien_thong", "Sử dụng dịch vụ viễn thông", "Thông tin"], ["tai_san", "Tài sản phục vụ tiếp cận thông tin", "Thông tin"],
] as const;
const DEP_SHARE = [0.08, 0.21, 0.35, 0.04, 0.27, 0.18, 0.31, 0.46, 0.12, 0.09];
const SOURCES = [["nstw_dtpt", "Ngân sách trung ương – vốn đầu tư phát triển"], ["nstw_sn", "Ngân sách trung ương – vốn sự nghiệp"], ["nsdp", "Ngân sách địa phương"]] as const;
const COMPONENTS = [["DA2", "Chương trình 135"], ["DA3", "Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế"], ["DA5", "Truyền thông và giảm nghèo về thông tin"]] as const;

/** Raw figures of a territory unit; districts and the province sum their communes. */
interface Raw { hh: number[]; poor: number[]; near: number[]; relapsed: number[]; newPoor: number[]; money: number[][] }
const sum = (xs: Raw[]): Raw => {
  const add = (k: "hh" | "poor" | "near" | "relapsed" | "newPoor") => xs[0]![k].map((_, i) => xs.reduce((s, x) => s + x[k][i]!, 0));
  return { hh: add("hh"), poor: add("poor"), near: add("near"), relapsed: add("relapsed"), newPoor: add("newPoor"),
    money: xs[0]!.money.map((r, i) => r.map((_, j) => xs.reduce((s, x) => s + x.money[i]![j]!, 0))) };
};

function key(r: Raw): KeyIndicators {
  const escaped = [1, 2, 3].map((i) => r.poor[i - 1]! - r.poor[i]! + r.relapsed[i - 1]! + r.newPoor[i - 1]!);
  const k = {
    households: series(r.hh), poor: series(r.poor), poor_rate: series(rate(r.poor, r.hh), 2, true),
    near_poor: series(r.near), near_poor_rate: series(rate(r.near, r.hh), 2, true),
    escaped: series(escaped, 0, false, 1), relapsed: series(r.relapsed, 0, false, 1), new_poor: series(r.newPoor, 0, false, 1),
  };
  const latest = (s: Series) => s[s.length - 1]!;
  return {
    ...k,
    figures: ([
      ["ho_dan_cu", "Tổng số hộ dân cư (hộ)", k.households], ["ho_ngheo", "Số hộ nghèo (hộ)", k.poor], ["ty_le_ho_ngheo", "Tỷ lệ hộ nghèo", k.poor_rate],
      ["ho_can_ngheo", "Số hộ cận nghèo (hộ)", k.near_poor], ["ty_le_ho_can_ngheo", "Tỷ lệ hộ cận nghèo", k.near_poor_rate],
      ["ho_thoat_ngheo", "Số hộ thoát nghèo trong kỳ (hộ)", k.escaped], ["ho_tai_ngheo", "Số hộ tái nghèo trong kỳ (hộ)", k.relapsed], ["ho_ngheo_phat_sinh", "Số hộ nghèo phát sinh trong kỳ (hộ)", k.new_poor],
    ] as const).map(([indicator, label, values]) => ({ indicator, label, values })),
    cards: [
      { label: "Tổng số hộ", value: latest(k.households), rate: null },
      { label: "Hộ nghèo", value: latest(k.poor), rate: latest(k.poor_rate) },
      { label: "Hộ cận nghèo", value: latest(k.near_poor), rate: latest(k.near_poor_rate) },
    ],
    deprivations: DEPRIVATIONS.map(([id], k) => {
      const counts = r.poor.map((p, i) => (i < 2 ? null : Math.round(p * DEP_SHARE[k]! * (i === 3 ? 0.9 : 1))));
      return { id, count: series(counts), rate: series(counts.map((c, i) => (c === null ? null : (100 * c) / r.poor[i]!)), 2, true) };
    }),
  };
}

function reduction(r: Raw, poorArea: boolean): ReductionInfo {
  const rates = rate(r.poor, r.hh);
  const min = poorArea ? 4 : 1;
  const max = poorArea ? null : 1.5;
  const avg = (rates[0]! - rates[3]!) / 2.5;
  const verdict = max !== null && avg > max ? "vuot" : avg >= min ? "dat" : "khong_dat";
  return {
    per_period: series([1, 2, 3].map((i) => rates[i - 1]! - rates[i]!), 2, false, 1),
    average_per_year: { value: avg, text: fmt(avg, 2) },
    target: { min, max, text: poorArea ? "4" : "1–1,5", basis: poorArea ? "xã đặc biệt khó khăn" : "bình quân chung (QĐ 1722/QĐ-TTg)" },
    target_path: series(YEARS.map((y) => rates[0]! - min * y), 2, true),
    verdict, verdict_label: { vuot: "Vượt", dat: "Đạt", khong_dat: "Chưa đạt" }[verdict],
  };
}

function finance(m: number[][]): FinanceInfo {
  const row = (id: string, name: string, p: number, d: number): MoneyRow => ({
    id, name, planned: { value: p, text: fmt(p) }, disbursed: { value: d, text: fmt(d) }, rate: { value: (100 * d) / p, text: fmt((100 * d) / p, 1) + "%" },
  });
  const by = (names: readonly (readonly [string, string])[], f: (i: number) => number[]) => names.map(([id, n], i) => row(id, n, f(i)[0]!, f(i)[1]!));
  const total = m.reduce((a, r) => [a[0]! + r[0]!, a[1]! + r[1]!], [0, 0]);
  return {
    by_source: by(SOURCES, (i) => m[i]!),
    by_component: by(COMPONENTS, (i) => [m[(i + 1) % 3]![0]!, m[(i + 1) % 3]![1]!]),
    total: row("total", "Tổng cộng", total[0]!, total[1]!),
  };
}

function dataRows(k: KeyIndicators): DataRow[] {
  const rows: DataRow[] = [];
  const labels: Record<string, string> = { baseline: "Cuối năm 2015", y2016: "Cuối năm 2016", y2017: "Cuối năm 2017", mid2018: "30/6/2018" };
  const add = (id: string, name: string, unit: string, s: Series, decimals = 0) =>
    s.forEach((p) => rows.push({ indicator: id, name, unit, period: p.period, period_label: labels[p.period]!, decimals, value: p.value }));
  add("ho_dan_cu", "Tổng số hộ dân cư", "hộ", k.households);
  add("ho_ngheo", "Số hộ nghèo", "hộ", k.poor);
  add("ty_le_ho_ngheo", "Tỷ lệ hộ nghèo", "%", k.poor_rate.map((p, i) => ({ ...p, value: (100 * k.poor[i]!.value!) / k.households[i]!.value! })), 2);
  add("ho_can_ngheo", "Số hộ cận nghèo", "hộ", k.near_poor);
  add("ho_thoat_ngheo", "Số hộ thoát nghèo", "hộ", k.escaped);
  k.deprivations.forEach((d, i) => add(`thieu_hut_${d.id}`, `Số hộ nghèo thiếu hụt: ${DEPRIVATIONS[i]![1]}`, "hộ", d.count));
  return rows;
}

const LEVELS = { province: "2018-09-05", district: "2018-08-31", commune: "2018-07-31", department: "2018-08-20" } as const;
const TLABEL: Record<Timeliness, string> = { on_time: "Nộp đúng hạn", late: "Nộp muộn", not_yet: "Chưa nộp, còn hạn", missing: "Quá hạn chưa nộp" };
const SLABEL: Record<ReportStatus, string> = { chua_nop: "Chưa nộp", dang_soan: "Đang soạn", da_nop: "Đã nộp", da_duyet: "Đã duyệt" };

interface Spec { code: string; name: string; type: string; level: keyof typeof LEVELS; parent: string | null; status: ReportStatus; submitted?: string; approved?: string; area?: "thanh_thi" | "nong_thon"; poorArea?: boolean; raw?: Raw; narrative?: string }

function unit(s: Spec, children: string[], all: () => UnitPage[]): UnitPage {
  const deadline = LEVELS[s.level];
  const late = s.submitted ? daysBetween(deadline, s.submitted) : 0;
  const timeliness: Timeliness = s.submitted ? (late > 0 ? "late" : "on_time") : daysBetween(AS_OF, deadline) < 0 ? "missing" : "not_yet";
  const report = s.submitted
    ? `## I. KẾT QUẢ THỰC HIỆN\n\n${s.name} đã triển khai Chương trình giảm nghèo bền vững theo kế hoạch.\n\n${s.narrative ?? ""}\n\n| Chỉ tiêu | 2015 | 2017 |\n|---|---:|---:|\n| Hộ nghèo | ${fmt(s.raw?.poor[0] ?? 0)} | ${fmt(s.raw?.poor[2] ?? 0)} |\n\n> Số liệu minh họa.\n\n## II. ĐỀ XUẤT, KIẾN NGHỊ\n\n- Tăng vốn sự nghiệp cho hỗ trợ sản xuất;\n- Đơn giản hóa thủ tục giải ngân.\n`
    : null;
  const k = s.raw ? key(s.raw) : null;
  return {
    code: s.code, name: s.name, short_name: s.name.split(" ").slice(1).join(" "), type: s.type, level: s.level, parent: s.parent, children,
    area: s.area ?? null, area_label: s.area ? (s.area === "thanh_thi" ? "Thành thị" : "Nông thôn") : null,
    status: s.status, status_label: SLABEL[s.status], timeliness,
    timeliness_label: timeliness === "late" ? `Nộp muộn ${late} ngày` : TLABEL[timeliness],
    deadline: date(deadline), days: s.submitted ? null : daysLeft(deadline),
    days_late: s.submitted ? Math.max(0, late) : Math.max(0, -daysLeft(deadline).value),
    submitted: s.submitted ? date(s.submitted) : null, approved: s.approved ? date(s.approved) : null,
    get children_counts() { return children.length ? countOf(all().filter((u) => children.includes(u.code))) : null; },
    poor_area_label: s.poorArea ? "Xã đặc biệt khó khăn" : null,
    key: k, reduction: s.raw ? reduction(s.raw, s.poorArea ?? false) : null,
    finance: s.raw ? finance(s.raw.money) : s.code.endsWith("LDTBXH") ? finance([[0, 0], [900, 780], [300, 120]]) : null,
    html: report ? md.render(report) : null,
    documents: (["docx", "md", "html"] as const).map((f) => ({ format: f, label: { docx: "Văn bản Word (DOCX)", md: "Markdown", html: "Trang HTML để in" }[f], path: `tai-lieu/${s.code}.${f}` })),
    data: k ? dataRows(k) : [],
    source_file: report ? `data/reports/${s.code}.yaml` : null,
  };
}

export function countOf(us: UnitPage[]): StatusCounts {
  const n = (t: Timeliness) => us.filter((u) => u.timeliness === t).length;
  return { total: us.length, on_time: n("on_time"), late: n("late"), not_yet: n("not_yet"), missing: n("missing"),
    submitted: n("on_time") + n("late"), approved: us.filter((u) => u.status === "da_duyet").length };
}

const c = (hh: number, p0: number, p: number[], near: number[], m: number): Raw => ({
  hh: [hh, hh + 12, hh + 25, hh + 31], poor: [p0, ...p], near, relapsed: [2, 1, 0], newPoor: [5, 3, 1],
  money: [[m * 4, m * 3.6], [m * 2, m * 1.7], [m, m * 0.6]],
});
const COMMUNES: Spec[] = [
  { code: "90101", name: "Thị trấn Đồng Hưng", type: "thị trấn", level: "commune", parent: "901", status: "da_duyet", submitted: "2018-07-25", approved: "2018-08-02", area: "thanh_thi", raw: c(2450, 98, [84, 70, 63], [140, 131, 120, 115], 150) },
  { code: "90102", name: "Xã Đông Phong", type: "xã", level: "commune", parent: "901", status: "da_nop", submitted: "2018-08-03", area: "nong_thon", poorArea: true, raw: c(1320, 402, [350, 301, 282], [160, 171, 168, 160], 900),
    narrative: `Ý kiến của thôn gửi kèm (chép nguyên văn): ${EVIL_SCRIPT} và ${EVIL_IMG}.` },
  { code: "90103", name: `Xã Bình ${EVIL_SCRIPT}`, type: "xã", level: "commune", parent: "901", status: "chua_nop", area: "nong_thon", raw: c(980, 190, [172, 160, 151], [90, 92, 88, 85], 420) },
  { code: "90201", name: "Phường Hùng Vương", type: "phường", level: "commune", parent: "902", status: "da_nop", submitted: "2018-07-30", area: "thanh_thi", raw: c(3120, 41, [36, 30, 27], [88, 80, 75, 70], 60) },
  { code: "90202", name: "Phường Trung Tâm", type: "phường", level: "commune", parent: "902", status: "dang_soan", area: "thanh_thi", raw: c(2870, 35, [31, 26, 24], [70, 66, 61, 58], 50) },
  { code: "90203", name: "Xã Hòa Bình", type: "xã", level: "commune", parent: "902", status: "da_duyet", submitted: "2018-07-20", approved: "2018-07-28", area: "nong_thon", raw: c(1640, 230, [205, 181, 170], [120, 118, 112, 109], 380) },
];
const raws = (parent: string) => sum(COMMUNES.filter((x) => x.parent === parent).map((x) => x.raw!));
const DISTRICTS: Spec[] = [
  { code: "901", name: "Huyện Đồng Hưng", type: "huyện", level: "district", parent: "99", status: "da_nop", submitted: "2018-08-05", raw: raws("901") },
  { code: "902", name: "Thị xã Mẫu Sơn", type: "thị xã", level: "district", parent: "99", status: "dang_soan", raw: raws("902") },
];
const DEPARTMENTS: Spec[] = [
  { code: "99-LDTBXH", name: "Sở Lao động - Thương binh và Xã hội", type: "sở", level: "department", parent: "99", status: "da_nop", submitted: "2018-08-08" },
  { code: "99-YT", name: "Sở Y tế", type: "sở", level: "department", parent: "99", status: "chua_nop" },
];
const PROVINCE: Spec = { code: "99", name: "Tỉnh Mẫu", type: "tỉnh", level: "province", parent: null, status: "dang_soan", raw: sum(DISTRICTS.map((d) => d.raw!)) };

const square = (code: string, x: number, y: number, w: number, h: number, district: string | null): GeoFeature => ({
  type: "Feature", id: code, properties: { code, name: code, district_code: district },
  geometry: { type: "Polygon", coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] },
});

export function fixtureModel(): SiteModel {
  const specs = [PROVINCE, ...DISTRICTS, ...DEPARTMENTS, ...COMMUNES];
  const kids = (code: string) => specs.filter((s) => s.parent === code).map((s) => s.code);
  const units: UnitPage[] = [];
  for (const s of specs) units.push(unit(s, kids(s.code), () => units));
  const levelIds = ["province", "district", "commune", "department"] as const;
  const names = { province: ["Cấp tỉnh", "tỉnh"], district: ["Cấp huyện", "huyện"], commune: ["Cấp xã", "xã"], department: ["Sở, ban, ngành", "sở, ngành"] };
  return JSON.parse(JSON.stringify({
    project: { title: "Đánh giá giữa kỳ Chương trình mục tiêu quốc gia giảm nghèo bền vững 2016–2020", round: "giua-ky-2016-2020",
      round_label: "Đánh giá giữa kỳ 2016–2020", as_of: date(AS_OF), illustrative: true,
      notice: "Số liệu minh họa, không phải số liệu chính thức.", province_name: "Tỉnh Mẫu", province_code: "99",
      authority: "Ủy ban nhân dân tỉnh Mẫu", money_unit: "triệu đồng",
      repository: { url: "https://github.com/vi-du/tinh-mau", branch: "main" } },
    periods: PERIODS.map((id, i) => ({ id, date: date(["2015-12-31", "2016-12-31", "2017-12-31", "2018-06-30"][i]!),
      stock_label: ["Cuối năm 2015", "Cuối năm 2016", "Cuối năm 2017", "30/6/2018"][i]!, flow_label: [null, "Năm 2016", "Năm 2017", "6 tháng đầu năm 2018"][i]! })),
    baseline: "baseline", latest: "mid2018",
    levels: levelIds.map((id) => ({ id, name: names[id][0], unit_noun: names[id][1], kind: id === "department" ? "agency" : "territory",
      deadline: date(LEVELS[id]), days: daysLeft(LEVELS[id]), counts: countOf(units.filter((u) => u.level === id)) })),
    labels: { status: SLABEL, timeliness: TLABEL, approved: "Đã duyệt" },
    deprivations: DEPRIVATIONS.map(([id, name, service]) => ({ id, name, service })),
    series_names: { poor_rate: "Tỷ lệ hộ nghèo", near_poor_rate: "Tỷ lệ hộ cận nghèo", escaped: "Hộ thoát nghèo", relapsed: "Hộ tái nghèo", new_poor: "Hộ nghèo phát sinh" },
    root: "99", units,
    indicators: [
      { id: "ty_le_ho_ngheo", name: "Tỷ lệ hộ nghèo", unit: "%", group: "ho_ngheo", decimals: 2, description: "Số hộ nghèo / tổng số hộ dân cư × 100.",
        aggregation: "Tính lại từ số đã cộng.", source: "Chương trình tự tính; in ở Biểu B01." },
      { id: "ho_ngheo", name: "Số hộ nghèo", unit: "hộ", group: "ho_ngheo", decimals: 0, description: `Ghi chú nhập tay: ${EVIL_IMG}`,
        aggregation: "Cộng số của các đơn vị cấp dưới.", source: "Các đơn vị ghi trong tệp báo cáo; in ở Biểu B01, B02." },
      { id: "ho_dan_cu", name: "Tổng số hộ dân cư", unit: "hộ", group: "dan_cu", decimals: 0, description: null,
        aggregation: "Cộng số của các đơn vị cấp dưới.", source: "Các đơn vị ghi trong tệp báo cáo." },
    ],
    key_groups: ["dan_cu", "ho_ngheo", "ho_can_ngheo", "thieu_hut"],
    unit_charts: [
      { chart: "ty_le", title: "Tỷ lệ hộ nghèo, hộ cận nghèo qua các kỳ" },
      { chart: "bien_dong", title: "Hộ thoát nghèo, tái nghèo, nghèo phát sinh" },
      { chart: "thieu_hut", title: "Tỷ lệ hộ nghèo thiếu hụt theo chỉ số" },
      { chart: "don_vi_truc_thuoc", title: "Tỷ lệ hộ nghèo của các đơn vị trực thuộc" },
      { chart: "von_theo_nguon", title: "Vốn theo nguồn: kế hoạch và giải ngân" },
      { chart: "von_theo_du_an", title: "Vốn theo dự án thành phần" },
    ],
    plan: { title: "Kế hoạch đánh giá giữa kỳ Chương trình giảm nghèo bền vững", reference: "Số: 45/KH-UBND ngày 12/6/2018",
      schedule: levelIds.map((id) => ({ id: `nop_${id}`, level: id, label: `${names[id][0]} nộp báo cáo`, deadline: date(LEVELS[id]), days: daysLeft(LEVELS[id]),
        text: id === "commune" ? `Gửi về UBND cấp huyện; ghi chú nhập tay: ${EVIL_IMG}` : "Gửi báo cáo kèm biểu mẫu theo đề cương." })),
      html: md.render("## I. MỤC ĐÍCH, YÊU CẦU\n\nĐánh giá kết quả thực hiện giai đoạn 2016–2018.\n\n## II. TIẾN ĐỘ\n\n- Cấp xã: trước 31/7/2018;\n- Cấp huyện: trước 31/8/2018.\n"),
      documents: [{ format: "docx", label: "Văn bản Word (DOCX)", path: "tai-lieu/ke-hoach.docx" }] },
    geo: {
      districts: { type: "FeatureCollection", features: [square("901", 105.0, 21.0, 0.2, 0.2, null), square("902", 105.2, 21.0, 0.2, 0.2, null)] },
      communes: { type: "FeatureCollection", features: COMMUNES.map((s, i) => square(s.code, 105.0 + (i % 3) * 0.0667 + (i < 3 ? 0 : 0.2), 21.0, 0.0667, 0.2, s.parent)) },
    },
    about: { intro: ["Trang theo dõi tiến độ đánh giá giữa kỳ, chỉ để xem.", `Ghi chú nhập tay: ${EVIL_IMG}`],
      sources: [{ name: "Ranh giới hành chính (giả lập)", used_for: "Bản đồ", origin: "Hình vuông dựng cho kiểm thử", url: null, licence: "CC0", note: null }],
      illustrative_explanation: ["Các con số trên trang này được tạo ra để minh họa cách trình bày, không dùng để trích dẫn."] },
  })) as SiteModel;
}
