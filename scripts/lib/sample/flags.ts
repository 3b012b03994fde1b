// The illustrative unit-flags.yaml: ĐBKK (and Chương trình 135) communes from the sample's poverty
// rates, those shown as having left the status, a few safe-zone communes.
import type { Dataset } from "../model/dataset.js";
import { rngFor } from "./random.js";

/** A rural commune at or above this illustrative baseline poverty rate is flagged ĐBKK and 135. */
export const DBKK_RATE = 0.22;

/** Share of the ĐBKK communes shown as having left the status by the last period: 12 %, on the
 *  pro-rata path (10 - 15 %) of QĐ 1722's 20 - 30 % by 2020. */
const LEFT_DBKK_SHARE = 0.12;

export function flagsYaml(ds: Dataset, poorRates: Map<string, number>, lastRates: Map<string, number>, seed: number): string {
  const rural = [...poorRates.entries()].filter(([c]) => ds.units.get(c)?.area !== "thanh_thi");
  const dbkk = rural.filter(([, r]) => r >= DBKK_RATE).map(([c]) => c).sort();
  // Those leaving first are the ĐBKK communes with the lowest poverty rate at the last period.
  const left = [...dbkk].sort((a, b) => lastRates.get(a)! - lastRates.get(b)! || (a < b ? -1 : 1)).slice(0, Math.round(dbkk.length * LEFT_DBKK_SHARE)).sort();
  const atk = rural.filter(([c]) => rngFor(seed, `atk:${c}`).chance(0.03)).map(([c]) => c).sort();
  const q = (list: string[]) => `[${list.map((c) => `"${c}"`).join(", ")}]`;
  return [
    "# yaml-language-server: $schema=../schemas/unit-flags.schema.json",
    "# Các xã thuộc diện đặc biệt khó khăn, Chương trình 135, an toàn khu.",
    "# DANH SÁCH MINH HỌA do lệnh npm run sample sinh ra: thay bằng danh sách theo",
    "# QĐ 900/QĐ-TTg (20/6/2017), QĐ 582/QĐ-TTg (28/4/2017) khi có số liệu chính thức.",
    "# Huyện nghèo (Nghị quyết 30a/2008/NQ-CP): chưa xác định tỉnh có huyện nghèo (danh sách để trống).",
    "source: Minh họa (xã có tỷ lệ hộ nghèo minh họa cuối năm 2015 từ 22% trở lên; xã thoát đặc biệt khó khăn là các xã có tỷ lệ hộ nghèo minh họa tại 30/6/2018 thấp nhất)",
    "illustrative: true",
    "labels:",
    "  xa_dbkk: Xã đặc biệt khó khăn",
    "  xa_135: Xã thuộc Chương trình 135",
    "  xa_atk: Xã an toàn khu",
    "  xa_thoat_dbkk: Xã đã thoát khỏi tình trạng đặc biệt khó khăn",
    "  huyen_ngheo: Huyện nghèo",
    "  huyen_thoat_ngheo: Huyện đã thoát khỏi tình trạng huyện nghèo",
    "flags:",
    `  xa_dbkk: ${q(dbkk)}`,
    `  xa_135: ${q(dbkk)}`,
    `  xa_atk: ${q(atk)}`,
    `  xa_thoat_dbkk: ${q(left)}`,
    "  huyen_ngheo: []",
    "  huyen_thoat_ngheo: []",
    "",
  ].join("\n");
}
