// A small hand-written document tree for the Markdown and HTML renderers' goldens: every block kind
// (heading 1–3, paragraph with bold, italic and bold italic runs and a line break, dash and numbered
// lists, note, a table with a two-level grouped header, a bold total row, right alignment and an
// empty cell), an annex form with notes and a text-only annex, and data text that needs escaping
// in both outputs (<script>, |, *, &, a leading "1." and "#"). Illustrative numbers only.
import type { Block, DocForm, DocModel, InlineRun } from "../../scripts/lib/model/document.js";

const t = (text: string, style: { bold?: true; italic?: true } = {}): InlineRun => ({ kind: "text", text, ...style });

/** A narrative table: "Hộ nghèo" and "Hộ cận nghèo" each group two columns. */
export const TABLE: Extract<Block, { kind: "table" }> = {
  kind: "table",
  table: {
    headerPaths: [["TT"], ["Đơn vị"], ["Hộ nghèo", "Số hộ"], ["Hộ nghèo", "Tỷ lệ %"], ["Hộ cận nghèo", "Số hộ"], ["Hộ cận nghèo", "Tỷ lệ %"], ["Ghi chú"]],
    align: ["center", "left", "right", "right", "right", "right", "left"],
    rows: [
      { bold: false, cells: ["1", "Xã An Lạc", "421", "18,47", "310", "13,60", ""] },
      { bold: false, cells: ["2", "Xã <script>alert(1)</script>", "1.034", "9,86", "", "", "a | b & c *d*"] },
      { bold: true, cells: ["", "Tổng cộng", "1.455", "11,21", "310", "", ""] },
    ],
  },
};

export const BODY: Block[] = [
  { kind: "heading", level: 1, runs: [t("I. KẾT QUẢ THỰC HIỆN")] },
  { kind: "note", runs: [t("Số liệu minh họa.", { bold: true }), t(" Không phải số liệu chính thức.")] },
  { kind: "heading", level: 2, runs: [t("1. Hộ nghèo & hộ cận nghèo")] },
  {
    kind: "paragraph",
    runs: [t("Huyện có "), t("1.455 hộ nghèo", { bold: true }), t(", "), t("giảm", { italic: true }), t(" so với "), t("đầu kỳ", { bold: true, italic: true }), t("."), { kind: "break" }, t("Tỷ lệ 5 * 3 < 20 | không đổi.")],
  },
  { kind: "heading", level: 3, runs: [t("a) Danh sách")] },
  { kind: "list", ordered: false, items: [{ marker: "-", runs: [t("Thành lập Ban Chỉ đạo;")] }, { marker: "-", runs: [t("# không phải tiêu đề")] }] },
  { kind: "list", ordered: true, items: [{ marker: "3.", runs: [t("Xã An Lạc;")] }, { marker: "4.", runs: [t("1. không phải danh sách.")] }] },
  TABLE,
];

/** An annex form: a two-level header with a bold group row, right-aligned figures, notes. */
export const FORM: DocForm = {
  table: {
    headerPaths: [["TT"], ["Chỉ tiêu"], ["Năm 2016", "Thoát nghèo"], ["Năm 2016", "Phát sinh"], ["Đến 30/6/2018"]],
    align: ["center", "left", "right", "right", "right"],
    rows: [
      { bold: true, cells: ["I", "Hộ nghèo", "", "", ""] },
      { bold: false, cells: ["1", "Số hộ nghèo", "312", "58", "1.413"] },
      { bold: false, cells: ["2", "Hộ nghèo <dân tộc> thiểu số", "71", "12", ""] },
    ],
  },
  footnotes: ["Số liệu do huyện báo cáo & tổng hợp.", "*Không* phải chữ nghiêng."],
};

const SIGNER = { authority: "TM. ỦY BAN NHÂN DÂN", deputy: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn A" };

export const DOC: DocModel = {
  ruleset: "nd30-2020",
  kind: "report",
  header: { issuer: ["ỦY BAN NHÂN DÂN", "HUYỆN AN LẠC"], issuer_bold_lines: 1, number_line: "Số: 15/BC-UBND", place_date: "An Lạc, ngày 25 tháng 7 năm 2018" },
  type_name: "BÁO CÁO",
  title: "Đánh giá giữa kỳ <thử> & kiểm tra",
  addressees: ["Ủy ban nhân dân tỉnh Mẫu"],
  body: BODY,
  recipients: ["Như trên;", "Lưu: VT, LĐTBXH."],
  signer: SIGNER,
  annexes: [
    {
      label: "Biểu số 01",
      title: "Kết quả giảm nghèo",
      attached_to: "(Kèm theo Báo cáo số 15/BC-UBND ngày 25/7/2018 của Ủy ban nhân dân huyện An Lạc)",
      unit_of_measure: "hộ",
      orientation: "landscape",
      issuer_short: "UBND HUYỆN AN LẠC",
      body: [],
      form: FORM,
      signature: { preparer: "Trần Thị B", signer: SIGNER, place_date: "An Lạc, ngày 25 tháng 7 năm 2018" },
    },
    {
      label: "Phụ lục",
      title: "Ghi chú thêm",
      attached_to: "(Kèm theo Báo cáo số 15/BC-UBND)",
      unit_of_measure: null,
      orientation: "portrait",
      issuer_short: null,
      body: [{ kind: "paragraph", runs: [t("Chỉ có văn bản.")] }],
      form: null,
      signature: null,
    },
  ],
  created: "2018-07-25",
  notice: "Số liệu minh họa",
};
