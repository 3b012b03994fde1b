// Who signs an illustrative report: a made-up Vietnamese name, the head of an agency (its title
// from data) signing through a deputy or for its collective body, or a commune's or district's
// People's Committee.
import type { Level, ReportFile, Unit } from "../model/types.js";
import type { Rng } from "./random.js";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Hà", "Đinh", "Bùi", "Đỗ", "Vũ", "Cao", "Triệu"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Hữu"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Hương", "Thắng", "Tuấn", "Hòa", "Sơn", "Thủy", "Quyết"];

export function signer(unit: Unit, level: Level, rng: Rng): ReportFile["document"]["signer"] {
  const name = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
  // An agency's deputy signs for its head, whose title is data (departments.yaml: head).
  // A body led by a collective (a front's standing committee, a union's standing board) signs on
  // its behalf, "TM. BAN THƯỜNG TRỰC" (departments.yaml: collective), by its head or a deputy.
  if (level.kind === "agency") {
    const head = (unit.head ?? "Thủ trưởng").toLocaleUpperCase("vi");
    const authority = unit.collective ? `TM. ${unit.collective.toLocaleUpperCase("vi")}` : "";
    if (unit.collective && rng.chance(0.5)) return { authority, deputy: null, position: head, name };
    return { authority, deputy: `KT. ${head}`, position: `PHÓ ${head}`, name };
  }
  return rng.chance(0.5)
    ? { authority: "TM. ỦY BAN NHÂN DÂN", deputy: null, position: "CHỦ TỊCH", name }
    : { authority: "TM. ỦY BAN NHÂN DÂN", deputy: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name };
}
