// A hand-written DocModel for the DOCX tests: a district report with a multi-level table, dash and
// numbered lists, a quote, two addressees, and two annexes (a landscape form, a portrait Phụ lục).
// Illustrative numbers only. Contains one NFD-decomposed word and one control character on purpose.

import type { DocForm, DocModel } from "../../scripts/lib/model/document.js";
import { parseBlocks } from "../../scripts/lib/render/view/blocks.js";

const NFD_THUY = "Thanh Thu\u0079\u0309"; // "Thanh Thuỷ" with y + combining hook above

export const BODY = `## I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH

Thực hiện Kế hoạch số 3456/KH-UBND ngày 05/9/2018 của Ủy ban nhân dân tỉnh Phú Thọ về đánh giá giữa kỳ Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020, Ủy ban nhân dân huyện Tam Nông báo cáo kết quả thực hiện như sau:

### 1. Công tác lãnh đạo, chỉ đạo, điều hành

#### a) Ban hành văn bản chỉ đạo

Huyện đã ban hành **12 văn bản** chỉ đạo, hướng dẫn, trong đó có *Kế hoạch giảm nghèo bền vững giai đoạn 2016 - 2020* và các kế hoạch hằng năm; phân công trách nhiệm cụ thể cho từng phòng, ban, đoàn thể và Ủy ban nhân dân các xã, thị trấn.\u0007

- Thành lập Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện;
- Kiện toàn Tổ giúp việc ở 20 xã, thị trấn, phân công thành viên phụ trách địa bàn;
- Hướng dẫn rà soát hộ nghèo, hộ cận nghèo hằng năm theo chuẩn nghèo tiếp cận đa chiều.

#### b) Tuyên truyền, nâng cao nhận thức

Công tác tuyên truyền được đẩy mạnh dưới nhiều hình thức; người dân vùng đặc biệt khó khăn đã chủ động hơn trong việc vươn lên thoát nghèo, giảm dần tư tưởng trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước. Các xã giáp ranh huyện ${NFD_THUY} phối hợp tổ chức đối thoại chính sách tại cơ sở.

3. Thị trấn Hưng Hoá: tổ chức 04 hội nghị đối thoại với hộ nghèo;
4. Xã Thượng Nông: xây dựng mô hình nuôi trâu sinh sản cho 25 hộ.

> Số liệu trong báo cáo này là số liệu minh họa, không phải số liệu chính thức.

### 2. Kết quả thực hiện mục tiêu giảm nghèo

Kết quả giảm nghèo theo từng đơn vị như sau:

| TT | Đơn vị | Hộ nghèo cuối năm 2015 › Số hộ | Hộ nghèo cuối năm 2015 › Tỷ lệ % | Hộ nghèo đến 30/6/2018 › Số hộ | Hộ nghèo đến 30/6/2018 › Tỷ lệ % | Ghi chú |
|:--:|:---|---:|---:|---:|---:|:---|
| 1 | Thị trấn Hưng Hoá | 152 | 5,12 | 98 | 3,21 | |
| 2 | Xã Thượng Nông | 421 | 18,47 | 302 | 12,86 | Xã đặc biệt khó khăn |
| 3 | Xã Thọ Văn | 287 | 14,09 | 201 | 9,75 | |
| 4 | Xã Dị Nậu | 1.034 | 9,86 | 812 | 7,48 | |
| | **Tổng cộng** | **1.894** | **10,43** | **1.413** | **7,56** | |

Tỷ lệ hộ nghèo giảm bình quân **1,15%/năm**, đạt mục tiêu Nghị quyết Đại hội Đảng bộ huyện đề ra; riêng các xã đặc biệt khó khăn giảm bình quân 2,8%/năm.

## II. ĐÁNH GIÁ CHUNG

### 1. Kết quả đạt được

Chương trình được triển khai đồng bộ, đúng đối tượng; cơ sở hạ tầng thiết yếu ở các xã đặc biệt khó khăn được cải thiện rõ rệt; đời sống vật chất, tinh thần của người nghèo từng bước được nâng lên.

### 2. Tồn tại, hạn chế và nguyên nhân

Kết quả giảm nghèo chưa thật sự bền vững, số hộ tái nghèo và phát sinh nghèo còn cao; nguồn lực thực hiện Chương trình còn hạn chế so với nhu cầu; việc lồng ghép các nguồn vốn ở một số xã còn lúng túng.

## III. ĐỀ XUẤT, KIẾN NGHỊ

1. Đề nghị Ủy ban nhân dân tỉnh tiếp tục bố trí vốn đối ứng kịp thời cho các xã đặc biệt khó khăn;
2. Đề nghị Sở Lao động - Thương binh và Xã hội hướng dẫn thống nhất cách xác định hộ thoát nghèo bền vững.

Trên đây là báo cáo đánh giá giữa kỳ thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020 của Ủy ban nhân dân huyện Tam Nông./.
`;

const PERIODS = ["Năm 2016", "Năm 2017", "6 tháng đầu năm 2018"];

/** A typed form (as the view builds them): nested headers, alignment, bold group rows, notes. */
export const FORM: DocForm = {
  table: {
    headerPaths: [["TT"], ["Chỉ tiêu"], ["Đơn vị tính"], ["Cuối năm 2015"], ...PERIODS.flatMap((p) => [[p, "Thoát nghèo"], [p, "Phát sinh"]]), ["Đến 30/6/2018"], ["Ghi chú"]],
    align: ["center", "left", "center", "right", "right", "right", "right", "right", "right", "right", "right", "left"],
    rows: [
      { bold: true, cells: ["I", "Hộ nghèo", "", "", "", "", "", "", "", "", "", ""] },
      { bold: false, cells: ["1", "Số hộ nghèo", "hộ", "1.894", "312", "58", "274", "41", "95", "18", "1.413", ""] },
      { bold: false, cells: ["2", "Hộ nghèo dân tộc thiểu số", "hộ", "406", "71", "12", "65", "9", "22", "4", "315", "Chủ yếu người Mường"] },
      { bold: true, cells: ["II", "Hộ cận nghèo", "", "", "", "", "", "", "", "", "", ""] },
      { bold: false, cells: ["3", "Số hộ cận nghèo", "hộ", "2.117", "205", "96", "188", "77", "61", "23", "1.971", "*không phải chữ nghiêng*"] },
    ],
  },
  footnotes: ["Số liệu do huyện báo cáo.", "Hộ nghèo theo chuẩn nghèo tiếp cận đa chiều giai đoạn 2016 - 2020."],
};

const LIST_TABLE = `| TT | Tên xã | Khu vực | Ghi chú |
|:--:|:---|:--:|:---|
| 1 | Xã Thượng Nông | III | Xã đặc biệt khó khăn |
| 2 | Xã Tề Lễ | II | Có thôn đặc biệt khó khăn |
| 3 | Xã Hương Nộn | II | |
`;

export const fixture: DocModel = {
  ruleset: "tt01-2011",
  kind: "report",
  header: {
    issuer: ["ỦY BAN NHÂN DÂN", "HUYỆN TAM NÔNG"],
    issuer_bold_lines: 1,
    number_line: "Số: 215/BC-UBND",
    place_date: "Tam Nông, ngày 25 tháng 7 năm 2018",
  },
  type_name: "BÁO CÁO",
  title: "Đánh giá giữa kỳ thực hiện Chương trình mục tiêu quốc gia\nGiảm nghèo bền vững giai đoạn 2016 - 2020",
  addressees: ["Ủy ban nhân dân tỉnh Phú Thọ", "Ban Chỉ đạo giảm nghèo bền vững tỉnh Phú Thọ"],
  body: parseBlocks(BODY),
  recipients: [
    "Như trên;",
    "Sở Lao động - Thương binh và Xã hội tỉnh;",
    "TT Huyện ủy, HĐND huyện;",
    "Chủ tịch, các PCT UBND huyện;",
    "Phòng LĐTBXH huyện;",
    "Lưu: VT, LĐTBXH.",
  ],
  signer: { authority: "TM. ỦY BAN NHÂN DÂN", deputy: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Nguyễn Thị Thuỷ" },
  annexes: [
    {
      label: "Biểu số 01",
      title: "Kết quả thực hiện mục tiêu giảm nghèo giai đoạn 2016 - 30/6/2018",
      attached_to: "(Kèm theo Báo cáo số 215/BC-UBND ngày 25/7/2018 của Ủy ban nhân dân huyện Tam Nông)",
      unit_of_measure: "Đơn vị tính: hộ",
      orientation: "landscape",
      issuer_short: "UBND HUYỆN TAM NÔNG",
      body: [],
      form: FORM,
      signature: {
        preparer: "Hà Văn Quý",
        signer: { authority: "TM. ỦY BAN NHÂN DÂN", deputy: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Nguyễn Thị Thuỷ" },
        place_date: "Tam Nông, ngày 25 tháng 7 năm 2018",
      },
    },
    {
      label: "Phụ lục",
      title: "Danh sách xã, thôn đặc biệt khó khăn trên địa bàn huyện",
      attached_to: "(Kèm theo Báo cáo số 215/BC-UBND ngày 25/7/2018 của Ủy ban nhân dân huyện Tam Nông)",
      unit_of_measure: null,
      orientation: "portrait",
      issuer_short: null,
      body: parseBlocks(LIST_TABLE),
      form: null,
      signature: null,
    },
  ],
  created: "2018-07-25",
  notice: "Số liệu minh họa",
};
