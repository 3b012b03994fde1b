// The plan (Kế hoạch) as a document: its body from plan.yaml as blocks (sections as headings, items
// and their paragraphs as paragraphs, bullets as a list), deadlines formatted from their fields,
// and two annexes: the report outline (Phụ lục I) and the blank forms (Phụ lục II).
import type { Dataset } from "../../model/dataset.js";
import { shortDate } from "../../model/dates.js";
import type { Block, DocAnnex, DocModel } from "../../model/document.js";
import { DEADLINE_TOKEN, type PlanItem } from "../../model/plan.js";
import type { OutlineSection } from "../../model/types.js";
import { formContext, formTable, type FormContext } from "./form-table.js";
import { numberLine, placeDate } from "./frame.js";
import { illustrativePlanParts } from "./plan-citation.js";
import { formLabel, ILLUSTRATIVE_NOTICE } from "./report-view.js";
import { paragraph, textRuns } from "./blocks.js";

/** A paragraph of the text, or none when it is empty. */
const paragraphs = (text: string): Block[] => (textRuns(text).length ? [paragraph(text)] : []);

function itemText(item: PlanItem): string {
  const text = item.deadline ? item.text.replaceAll(DEADLINE_TOKEN, shortDate(item.deadline)) : item.text;
  return item.number ? `${item.number}. ${text}` : text;
}

/** An item: its text, its paragraphs, its bullets as one list. */
function itemBlocks(item: PlanItem): Block[] {
  const bullets = item.bullets ?? [];
  return [
    ...paragraphs(itemText(item)),
    ...(item.paragraphs ?? []).flatMap(paragraphs),
    ...(bullets.length ? [{ kind: "list", ordered: false, items: bullets.map((b) => ({ marker: "-", runs: textRuns(b) })) } as const] : []),
  ];
}

/** The outline as the plan prints it: a Mục as a heading (khoản level), its parts as numbered paragraphs. */
function outlineBlocks(sections: readonly OutlineSection[], depth = 0): Block[] {
  return sections.flatMap((s): Block[] => [
    depth === 0 ? { kind: "heading", level: 2, runs: textRuns(`${s.number}. ${s.title}`) } : paragraph(`${s.number}. ${s.title}`),
    ...outlineBlocks(s.children ?? [], depth + 1),
  ]);
}

/** The plan's annexes: the report outline, and the forms' list followed by each blank form. */
function planAnnexes(ds: Dataset, attached: string): DocAnnex[] {
  const annexes: DocAnnex[] = [];
  for (const a of ds.plan.annexes) {
    if (a.kind === "outline") {
      annexes.push({ label: a.label, title: a.title, attached_to: attached, unit_of_measure: null, orientation: "portrait", issuer_short: null, body: outlineBlocks(ds.outline.sections), form: null, signature: null });
    } else {
      // The annex's own first page: its title, what it is (the note) and the list of its forms.
      const list: Block = { kind: "list", ordered: false, items: ds.forms.map((f) => ({ marker: "-", runs: textRuns(`${formLabel(f)}: ${f.title}`) })) };
      annexes.push({
        label: a.label,
        title: a.title,
        attached_to: attached,
        unit_of_measure: null,
        orientation: "portrait",
        issuer_short: null,
        body: [...paragraphs(a.note ?? ""), ...(ds.forms.length ? [list] : [])],
        form: null,
        signature: null,
      });
      for (const form of ds.forms) {
        const table = formTable(form, blankContext(ds));
        const blank = { ...table, rows: table.rows.map((r) => ({ bold: r.bold, cells: r.cells.map((c) => (c === "-" ? "" : c)) })) };
        annexes.push({
          label: `${a.label} - ${formLabel(form)}`,
          title: form.title,
          attached_to: attached,
          unit_of_measure: form.unit_of_measure,
          orientation: form.orientation,
          issuer_short: null,
          body: [],
          form: { table: blank, footnotes: form.footnotes ?? [] },
          signature: null,
        });
      }
    }
  }
  return annexes;
}

export function planDocModel(ds: Dataset): DocModel {
  const plan = ds.plan;
  const root = ds.units.get(ds.project.root)!;
  const year = String(plan.year);
  const body: Block[] = [
    ...paragraphs(plan.preamble),
    ...plan.sections.flatMap((s): Block[] => [{ kind: "heading", level: 1, runs: textRuns(`${s.number}. ${s.title}`) }, ...s.items.flatMap(itemBlocks)]),
    ...paragraphs(plan.closing),
  ];
  const attached = `(Kèm theo Kế hoạch số ${plan.number ?? "\u00a0".repeat(6)}/${plan.symbol} ${plan.date ? `ngày ${shortDate(plan.date)}` : `ngày${"\u00a0".repeat(4)}/${"\u00a0".repeat(4)}/${year}`} của ${root.authority ?? root.name})`;
  const annexes = planAnnexes(ds, attached);
  return {
    ruleset: ds.project.ruleset,
    kind: "plan",
    header: { issuer: plan.issuer, issuer_bold_lines: plan.issuer.length, number_line: numberLine(plan.number, plan.symbol), place_date: placeDate(plan.place, plan.date, year) },
    type_name: plan.type_name,
    title: plan.title,
    addressees: [],
    body,
    recipients: plan.recipients,
    signer: plan.signer,
    annexes,
    created: plan.date ?? ds.project.periods[ds.project.periods.length - 1]!.date,
    notice: planNotice(ds),
  };
}

/** "Số, ngày ban hành và người ký minh họa" in the page header while the plan holds illustrative values. */
function planNotice(ds: Dataset): string | null {
  const parts = illustrativePlanParts(ds);
  return parts ? `${parts.charAt(0).toLocaleUpperCase("vi")}${parts.slice(1)} minh họa` : null;
}

function blankContext(ds: Dataset): FormContext {
  const root = ds.units.get(ds.project.root)!;
  const empty = { unit: root, report: null, declared: {}, rolled: null, effective: {}, finance: [], asOf: null, adopted: {}, coverage: { reporting: 0, total: 0, missing: [], complete: true }, feeding: [] };
  return { ...formContext(ds, empty, [], () => false), areaLabels: {} };
}

export { ILLUSTRATIVE_NOTICE };
