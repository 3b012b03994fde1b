// `new`: the empty report file an officer fills in. Every field carries a Vietnamese comment (the
// schema's title and description, the catalogue's indicator names and units, the outline's
// section titles); the status is dang_soan, every value applicable to the unit is null,
// finance is empty, every narrative section of the level is "", and the signer's position and
// name are "" — which the schema refuses (minLength), so `check` rejects the file until the
// officer fills them in.
import { Document, isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap } from "yaml";
import type { Dataset } from "../model/dataset.js";
import { flattenOutline } from "../model/catalogue.js";
import { chairsIndicator } from "../model/chairs.js";
import type { FormColumn, FormSpec, Indicator, OutlineSection, ReportFile, Unit } from "../model/types.js";
import { reportPath } from "../units/paths.js";

/** The part of report.schema.json read here: titles, descriptions, nested properties. */
export interface SchemaNode {
  title?: string;
  description?: string;
  minLength?: number;
  properties?: Record<string, SchemaNode>;
}

type Tree = Pick<Dataset, "units" | "levels" | "project" | "catalogue" | "outline" | "forms">;

/** Indicator ids a cell expression reads (see FormColumn in types.ts). */
function columnIndicators(cols: readonly FormColumn[]): string[] {
  return cols.flatMap((c) => {
    const own: string[] = [];
    const [op, a, b, c3] = (c.value ?? "").split(":");
    if (op === "value" && b) own.push(b);
    if (op === "share") own.push(...[b, c3].filter((x): x is string => !!x));
    if (op === "sum_flows" && a) own.push(a);
    if (op === "change" && c3) own.push(c3);
    return [...own, ...columnIndicators(c.children ?? [])];
  });
}

function formIndicators(form: FormSpec): string[] {
  return [...form.rows.flatMap((r) => (r.indicator ? [r.indicator] : [])), ...columnIndicators(form.columns)];
}

/**
 * Indicators a unit reports: those its level's forms show, plus the counts a shown rate or mean
 * is computed from; an indicator no form shows applies to every level. An agency (a department)
 * keeps only what it chairs, as its forms do. Computed indicators (rates, unit counts) are never
 * entered. Catalogue order.
 */
export function applicableIndicators(ds: Tree, unit: Unit): Indicator[] {
  const level = unit.level;
  const agency = ds.levels.get(level)?.kind === "agency";
  const byId = new Map(ds.catalogue.indicators.map((i) => [i.id, i]));
  const shown = new Set(ds.forms.filter((f) => f.levels.includes(level)).flatMap(formIndicators));
  const anywhere = new Set(ds.forms.flatMap(formIndicators));
  const need = new Set<string>();
  const add = (id: string, seen = new Set<string>()) => {
    const ind = byId.get(id);
    if (!ind || seen.has(id)) return;
    seen.add(id);
    need.add(id);
    const a = ind.aggregate;
    if (a.rule === "ratio") [a.numerator, a.denominator].forEach((x) => add(x, seen));
    if (a.rule === "weighted_mean") add(a.weight, seen);
  };
  for (const id of shown) add(id);
  for (const i of ds.catalogue.indicators) if (!anywhere.has(i.id)) add(i.id);
  return ds.catalogue.indicators.filter((i) => need.has(i.id) && !i.computed && (!agency || chairsIndicator(unit, i)));
}

export function emptyReport(ds: Tree, unit: Unit): ReportFile {
  const known = new Set(ds.project.periods.map((p) => p.id));
  const values: ReportFile["values"] = {};
  for (const ind of applicableIndicators(ds, unit)) {
    values[ind.id] = Object.fromEntries(ind.periods.filter((p) => known.has(p)).map((p) => [p, null]));
  }
  const narrative: Record<string, string> = {};
  for (const s of flattenOutline(ds.outline.sections)) if (s.narrative && s.levels.includes(unit.level)) narrative[s.narrative] = "";
  return {
    unit: unit.code,
    round: ds.project.round,
    status: "dang_soan",
    submitted_on: null,
    approved_on: null,
    document: { number: null, date: null, signer: { authority: "", deputy: null, position: "", name: "" }, recipients: ["Lưu: VT."] },
    values,
    finance: [],
    narrative,
  };
}

/** Comment lines of at most `width` characters, broken between words. */
function wrap(text: string, width = 96): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

const asComment = (text: string) => wrap(text).map((l) => ` ${l}`).join("\n");

function fieldNote(node: SchemaNode | undefined, extra = ""): string {
  if (!node) return extra;
  const required = (node.minLength ?? 0) > 0 ? " (bắt buộc điền)" : "";
  return `${node.title ?? ""}${required}: ${node.description ?? ""}${extra ? ` ${extra}` : ""}`.trim();
}

const lower = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : "");

export interface NewReportOptions {
  /** Parsed schemas/report.schema.json. */
  schema: SchemaNode;
}

export function newReportYaml(ds: Tree & Pick<Dataset, "programme">, unit: Unit, opts: NewReportOptions): string {
  const report = emptyReport(ds, unit);
  const props = opts.schema.properties ?? {};
  const indicators = new Map(ds.catalogue.indicators.map((i) => [i.id, i]));
  const sections = new Map(flattenOutline(ds.outline.sections).filter((s) => s.narrative).map((s) => [s.narrative!, s]));
  const periodNote = ds.project.periods
    .map((p) => `${p.id} = ${lower(p.flow_label ? `${p.flow_label} (số liệu thời điểm: ${lower(p.stock_label)})` : p.stock_label)}`)
    .join("; ");
  const doc = new Document(report, { version: "1.2" });
  const root = doc.contents as YAMLMap;
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = keyOf(pair);
    const extra =
      key === "values"
        ? `Các kỳ: ${periodNote}. Mỗi dòng là một chỉ tiêu, tên và đơn vị tính ghi ở cuối dòng.`
        : key === "finance"
          ? `Mỗi dòng viết dạng ${financeExample(ds)}; để [] nếu đơn vị không trực tiếp quản lý vốn.`
          : key === "narrative"
            ? `Thay "" bằng dấu | rồi viết lời văn ở các dòng dưới, thụt lề 4 dấu cách.`
            : "";
    pair.key.commentBefore = asComment(fieldNote(props[key], extra));
    commentChildren(key, pair.value, props, indicators, sections);
  }
  doc.comment = [
    asComment(`${props.notes?.title ?? "Giải trình số liệu bất thường"} (không bắt buộc): nếu chương trình cảnh báo một số liệu bất thường nhưng số liệu đúng, thêm khối notes ở đây, mỗi chỉ tiêu một dòng, ví dụ:`),
    " notes:",
    `   ${ds.catalogue.roles.households}: "Sáp nhập thôn Đồng Xuân năm 2018"`,
  ].join("\n");
  const path = reportPath(unit, { units: ds.units, levels: ds.levels });
  const schemaRel = "../".repeat(path.split("/").length - 1) + "../schemas/report.schema.json";
  const head = [
    `# yaml-language-server: $schema=${schemaRel}`,
    ...wrap(`Báo cáo đánh giá giữa kỳ của ${unit.name} (mã ${unit.code}), tạo bằng lệnh npm run new.`).map((l) => `# ${l}`),
    ...wrap(
      'Cách điền: thay các chỗ "" bằng nội dung, thay null bằng số liệu (số liền, không dấu chấm; chưa có số liệu thì để null), viết lời văn theo đề cương. Dòng bắt đầu bằng # là chú thích của trường ngay dưới nó. Chạy npm run check để xem các trường còn phải điền.',
    ).map((l) => `# ${l}`),
    "",
  ].join("\n");
  return (head + "\n" + doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true })).normalize("NFC");
}

/** A finance record as the hint shows it, with the data's own ids: the first sub-project (or
 *  component), the first source, the first period with a flow. */
function financeExample(ds: Pick<Dataset, "programme" | "project">): string {
  const { components, sources } = ds.programme;
  const component = components.find((c) => c.parent !== null) ?? components[0];
  const period = ds.project.periods.find((p) => p.flow_label !== null) ?? ds.project.periods[0];
  return `{component: ${component?.id ?? ""}, source: ${sources[0]?.id ?? ""}, period: ${period?.id ?? ""}, plan: 0, disbursed: 0}`;
}

/** Comments inside the blocks: the document's fields and signer, each value's indicator name and
 *  unit at the end of its line, each narrative section's number and title. */
function commentChildren(key: string, value: unknown, props: Record<string, SchemaNode>, indicators: ReadonlyMap<string, Indicator>, sections: ReadonlyMap<string, OutlineSection>): void {
  if (key === "document" && isMap(value)) {
    const docProps = props.document?.properties ?? {};
    for (const p of value.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      p.key.commentBefore = asComment(fieldNote(docProps[keyOf(p)]));
      if (keyOf(p) === "signer" && isMap(p.value)) {
        const signerProps = docProps.signer?.properties ?? {};
        for (const s of p.value.items) if (isPair(s) && isScalar(s.key)) s.key.commentBefore = asComment(fieldNote(signerProps[keyOf(s)]));
      }
      if (keyOf(p) === "recipients" && isSeq(p.value)) p.value.flow = false;
    }
  }
  if (key === "values" && isMap(value)) {
    for (const ind of value.items) {
      if (!isPair(ind) || !isScalar(ind.key) || !isMap(ind.value)) continue;
      ind.value.flow = true;
      const meta = indicators.get(keyOf(ind));
      if (meta) ind.value.comment = ` ${meta.name} (${meta.unit})`;
    }
  }
  if (key === "narrative" && isMap(value)) {
    for (const p of value.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const s = sections.get(keyOf(p));
      if (s) p.key.commentBefore = asComment(`${s.id}. ${s.title}`);
    }
  }
}
