// A GSO unit list (CSV, columns as in the reference list: level, code, name, short_name, type,
// parent_code, district_code, district_name, province_code, province_name) → units.yaml content.
import Papa from "papaparse";
import type { Unit } from "../model/types.js";

export interface GsoImport {
  units: Unit[];
  errors: string[];
}

const URBAN_TYPES = new Set(["phường", "thị trấn"]);

/** "Huyện Bình An" → "huyện Bình An" (lower-case the type word only). */
function lowerType(name: string, type: string): string {
  return name.startsWith(type.charAt(0).toUpperCase() + type.slice(1)) ? type + name.slice(type.length) : name;
}

function authorityOf(name: string, type: string): string {
  return `Ủy ban nhân dân ${lowerType(name, type)}`;
}

export function importGsoCsv(csv: string): GsoImport {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, "").normalize("NFC"), {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  const errors = parsed.errors.map((e) => `dòng ${(e.row ?? 0) + 2}: ${e.message}`);
  const rows = parsed.data;
  const need = ["level", "code", "name", "short_name", "type", "parent_code", "province_code", "province_name"];
  const missing = need.filter((c) => !(parsed.meta.fields ?? []).includes(c));
  if (missing.length) return { units: [], errors: [...errors, `thiếu cột: ${missing.join(", ")}`] };
  const first = rows[0];
  if (!first) return { units: [], errors: [...errors, "tệp không có dòng dữ liệu nào"] };

  const provinceName = first.province_name ?? "";
  const provinceShort = provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, "");
  const provinceType = provinceName.startsWith("Thành phố") ? "thành phố" : "tỉnh";
  const units: Unit[] = [
    {
      code: first.province_code ?? "",
      name: provinceName,
      short_name: provinceShort,
      type: provinceType,
      level: "province",
      parent: null,
      place: provinceShort,
      symbol: "UBND",
      authority: authorityOf(provinceName, provinceType),
    },
  ];
  for (const r of rows) {
    const level = r.level === "district" ? "district" : r.level === "commune" ? "commune" : null;
    if (!level) {
      errors.push(`mã ${r.code}: cột level phải là district hoặc commune, không phải "${r.level}"`);
      continue;
    }
    const type = r.type ?? "";
    const unit: Unit = {
      code: r.code ?? "",
      name: r.name ?? "",
      short_name: r.short_name ?? "",
      type,
      level,
      parent: r.parent_code ?? null,
      symbol: "UBND",
      authority: authorityOf(r.name ?? "", type),
    };
    if (level === "commune") unit.area = URBAN_TYPES.has(type) ? "thanh_thi" : "nong_thon";
    units.push(unit);
  }
  return { units, errors };
}
