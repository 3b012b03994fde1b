// `sample --national`: a generated nation for scale tests and the bench. A four-level tree
// (nation → provinces → districts → communes) with synthetic names and codes shaped like the GSO
// list (2-digit provinces, 3-digit districts, 5-digit communes), its project.yaml (the source
// data folder's, with a `nation` level above its root level), the source's plan, catalogue and
// forms (every outline section and form of the root level also switched on for the nation), and
// illustrative reports for every unit from generateSample. Nothing here knows the source's unit
// names: the root level is whatever level has no parent in the source's project.yaml.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMap, isSeq, parseDocument, YAMLMap, type Document } from "yaml";
import { loadDataset, type LoadResult } from "../dataset/load-dataset.js";
import type { Level, Unit } from "../model/types.js";
import { toYamlText } from "../write/yaml-out.js";
import { generateSample } from "./generate.js";
import { rngFor } from "./random.js";

/** Size of the generated tree: the defaults are the country's (63 provinces, ~700 districts, ~10 600 communes). */
export interface NationSize {
  provinces: number;
  districtsPerProvince: number;
  communesPerDistrict: number;
}

export const NATION: NationSize = { provinces: 63, districtsPerProvince: 700 / 63, communesPerDistrict: 10_600 / 700 };

export const NATION_LEVEL = "nation";
const NATION_CODE = "VN";
const SYLLABLES = ["An", "Bình", "Phú", "Tân", "Hòa", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Lạc", "Hưng", "Long", "Sơn", "Thủy", "Hà", "Yên", "Quang", "Minh", "Phong", "Thịnh", "Vĩnh", "Xuân", "Lộc", "Mỹ", "Khánh", "Hải", "Cát", "Định"];

/** A synthetic two- or three-syllable place name, distinct for distinct `n` below 27 000 (two different syllables below 870). */
export function placeName(n: number): string {
  const k = SYLLABLES.length;
  const parts = [SYLLABLES[n % k]!, SYLLABLES[(Math.floor(n / k) + (n % k) + 1) % k]!];
  if (n >= k * k) parts.push(SYLLABLES[Math.floor(n / (k * k)) % k]!);
  return parts.join(" ");
}

/** `total` split over `n` parts of varying size (deterministic for the seed), each at least 1. */
function spread(total: number, n: number, seed: number, key: string): number[] {
  const rng = rngFor(seed, key);
  const weights = Array.from({ length: n }, () => 0.6 + 0.8 * rng.next());
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  for (let i = 0, missing = total - out.reduce((s, v) => s + v, 0); missing > 0; i = (i + 1) % n, missing--) out[i]!++;
  return out;
}

/** A territory unit; symbol (UBND) and authority (Ủy ban nhân dân …) are left to their defaults, so that units.yaml of a whole nation stays under the 2 MB file limit. */
function territory(code: string, name: string, shortName: string, type: string, level: string, parent: string | null): Unit {
  return { code, name, short_name: shortName, type, level, parent };
}

/**
 * The units of a nation under `rootLevel` (the source's root level, e.g. "province") and its two
 * territory levels below, in tree order: the nation first, then each province followed by its
 * districts, each district followed by its communes.
 */
export function nationUnits(size: NationSize, levels: [string, string, string], seed: number): Unit[] {
  const [top, middle, lowest] = levels;
  const units: Unit[] = [
    {
      code: NATION_CODE,
      name: "Toàn quốc",
      short_name: "Toàn quốc",
      type: "toàn quốc",
      level: NATION_LEVEL,
      parent: null,
      place: "Hà Nội",
      symbol: "BCĐTW",
      issuer: ["BAN CHỈ ĐẠO TRUNG ƯƠNG", "CÁC CHƯƠNG TRÌNH MTQG"],
      authority: "Ban Chỉ đạo Trung ương các Chương trình mục tiêu quốc gia",
    },
  ];
  const perProvince = spread(Math.round(size.provinces * size.districtsPerProvince), size.provinces, seed, "nation:districts");
  let district = 0;
  let commune = 0;
  perProvince.forEach((districts, p) => {
    const pCode = String(1 + Math.floor((p * 95) / Math.max(size.provinces, 95))).padStart(2, "0");
    const city = p % 13 === 0;
    const pShort = placeName(p);
    const pType = city ? "thành phố" : "tỉnh";
    units.push(territory(pCode, `${city ? "Thành phố" : "Tỉnh"} ${pShort}`, pShort, pType, top, NATION_CODE));
    const perDistrict = spread(Math.round(districts * size.communesPerDistrict), districts, seed, `nation:communes:${pCode}`);
    perDistrict.forEach((communes, d) => {
      const dCode = String(++district).padStart(3, "0");
      const dType = d === 0 ? "thành phố" : d % 7 === 3 ? "thị xã" : "huyện";
      const dShort = placeName(district + 31);
      const dName = `${dType[0]!.toUpperCase()}${dType.slice(1)} ${dShort}`;
      units.push(territory(dCode, dName, dShort, dType, middle, pCode));
      for (let c = 0; c < communes; c++) {
        const urban = d === 0 ? c < communes / 2 : c === 0;
        const cType = urban ? (d === 0 ? "phường" : "thị trấn") : "xã";
        const cShort = placeName(commune + 97);
        const cCode = String(1 + 3 * commune++).padStart(5, "0");
        units.push({ ...territory(cCode, `${cType[0]!.toUpperCase()}${cType.slice(1)} ${cShort}`, cShort, cType, lowest, dCode), area: urban ? "thanh_thi" : "nong_thon" });
      }
    });
  });
  return units;
}

/** The source project.yaml with a nation level above its root level and the nation as root. */
function nationProject(doc: Document, rootLevel: string): void {
  const levels = doc.get("levels");
  if (!isSeq(levels)) throw new Error("project.yaml: levels is not a list");
  for (const l of levels.items) if (isMap(l) && l.get("id") === rootLevel) l.set("parent", NATION_LEVEL);
  const nation = doc.createNode({
    id: NATION_LEVEL,
    name: "Cấp trung ương",
    unit_noun: "cả nước",
    parent: null,
    kind: "territory",
    deadline_item: null,
    addressees: { list: ["Thủ tướng Chính phủ"] },
  }) as YAMLMap;
  nation.commentBefore = " Cấp toàn quốc (dữ liệu sinh bằng npm run sample -- --national): tổng hợp báo cáo của các tỉnh.";
  levels.items.unshift(nation);
  doc.set("root", NATION_CODE);
}

/** Switches every `levels: [...]` list that names the root level on for the nation too. */
function withNationLevel(text: string, rootLevel: string): string {
  const re = new RegExp(`^(\\s*levels: \\[[^\\]\\n]*\\b${rootLevel}\\b)`, "gm");
  return text.replace(re, `$1, ${NATION_LEVEL}`);
}

/** Writes a generated nation into `out` from the configuration files of the data folder `source`. Returns the number of units and reports. */
export function writeNation(source: string, out: string, schemas: string, size: NationSize, seed: number): { units: number; reports: number; loaded: LoadResult } {
  const srcLoad = loadDataset(source, schemas);
  const ds = srcLoad.dataset;
  if (!ds) return { units: 0, reports: 0, loaded: srcLoad };
  const territories = [...ds.levels.values()].filter((l) => l.kind === "territory");
  const root = territories.find((l) => l.parent === null);
  const below = (l: Level | undefined) => territories.find((x) => x.parent === l?.id);
  const chain = [root, below(root), below(below(root))];
  if (!chain[0] || !chain[1] || !chain[2]) throw new Error("sample --national needs three territory levels in the source project.yaml");
  if (existsSync(join(out, "reports"))) rmSync(join(out, "reports"), { recursive: true });
  mkdirSync(out, { recursive: true });
  const projectDoc = parseDocument(readFileSync(join(source, "project.yaml"), "utf8"));
  nationProject(projectDoc, chain[0].id);
  writeFileSync(join(out, "project.yaml"), projectDoc.toString({ lineWidth: 0 }));
  for (const f of ["plan.yaml", "catalogue/indicators.yaml", "catalogue/programme.yaml", "catalogue/plausibility.yaml"]) {
    if (existsSync(join(source, f))) cpSync(join(source, f), join(out, f));
  }
  for (const f of ["catalogue/outline.yaml", ...readdirSync(join(source, "forms")).map((n) => `forms/${n}`)]) {
    mkdirSync(dirname(join(out, f)), { recursive: true });
    writeFileSync(join(out, f), withNationLevel(readFileSync(join(source, f), "utf8"), chain[0].id));
  }
  const units = nationUnits(size, [chain[0].id, chain[1].id, chain[2].id], seed);
  writeFileSync(join(out, "units.yaml"), toYamlText("../schemas/units.schema.json", "Đơn vị hành chính GIẢ ĐỊNH (tên và mã sinh tự động, theo dạng mã của Tổng cục Thống kê) cho đo hiệu năng toàn quốc.", { source: "npm run sample -- --national (giả định)", units }));
  const loaded = loadDataset(out, schemas);
  if (!loaded.dataset) return { units: units.length, reports: 0, loaded };
  const { reports, flagsText } = generateSample(loaded.dataset, seed);
  for (const [rel, text] of reports) {
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    writeFileSync(join(out, rel), text);
  }
  writeFileSync(join(out, "unit-flags.yaml"), flagsText);
  return { units: units.length, reports: reports.size, loaded };
}
