// The provincial plan (Kế hoạch) as structured data: data/plan.yaml, validated by
// schemas/plan.schema.json. Deadlines live only in `deadline` fields; an item's text carries the
// token {deadline}, which the renderer replaces by the date formatted D/M/YYYY (day zero-padded to
// two digits, month not padded: "31/7/2018", "05/9/2018").

import type { IsoDate, Signer } from "./types.js";

/** The token in PlanItem.text that stands for PlanItem.deadline. */
export const DEADLINE_TOKEN = "{deadline}";

export interface PlanItem {
  /** Stable id, required on items that carry a deadline ("cap_xa", "cap_huyen", "cap_tinh", "tong_hop_tinh"). */
  id?: string;
  /** "1", "2" as printed ("1." is added by the renderer); null/absent = unnumbered. */
  number?: string | null;
  /** Level id when the item is a level's schedule entry: "commune", "district", "province". */
  level?: string;
  /** The sentence(s); may contain the token {deadline}, replaced by the formatted deadline. */
  text: string;
  /** ISO date the token stands for. */
  deadline?: IsoDate;
  /** Further paragraphs of the same item (e.g. "Trong đó tập trung đánh giá: …"). */
  paragraphs?: string[];
  /** "- " lines under the item, stored without the leading "- ". */
  bullets?: string[];
}

export interface PlanSection {
  /** Roman numeral as printed, without the dot: "I". */
  number: string;
  /** "MỤC ĐÍCH, YÊU CẦU". */
  title: string;
  items: PlanItem[];
}

export interface PlanAnnex {
  id: string;
  /** "Phụ lục I". */
  label: string;
  /** "ĐỀ CƯƠNG BÁO CÁO". */
  title: string;
  /** outline: the report outline (catalogue/outline.yaml); forms: the form set (forms/). */
  kind: "outline" | "forms";
  /** What the annex is, printed under its title (e.g. working forms pending the official ones). */
  note?: string;
}

export interface Plan {
  /** ["ỦY BAN NHÂN DÂN", "TỈNH MẪU"]. */
  issuer: string[];
  /** "KH-UBND" (number line renders "Số:      /KH-UBND" when number is null). */
  symbol: string;
  number: string | null;
  /** Place name on the date line, e.g. the province's short name. */
  place: string;
  /** null = draft ("ngày … tháng … năm 2018"). */
  date: IsoDate | null;
  /** Year used for a draft date line. */
  year: number;
  /** "KẾ HOẠCH". */
  type_name: string;
  /** Trích yếu: "Tổ chức đánh giá giữa kỳ … trên địa bàn tỉnh …". */
  title: string;
  /** "Thực hiện Hướng dẫn số 1749/… như sau:". */
  preamble: string;
  /** I … IV. */
  sections: PlanSection[];
  /** "Trên đây là Kế hoạch … giải quyết./.". */
  closing: string;
  /** Soft-copy e-mail address (also stays inside the IV.1 bullet text). */
  contact_email: string;
  /** Nơi nhận lines without the leading "- ": "Bộ LĐTBXH;" … "Lưu: VT, VX5.". */
  recipients: string[];
  signer: Signer;
  /** Fields holding illustrative values until the real ones are known; documents say so. */
  illustrative?: ("number" | "date" | "signer")[];
  /** Phụ lục I (outline), Phụ lục II (forms): "gửi kèm Kế hoạch này". */
  annexes: PlanAnnex[];
}
