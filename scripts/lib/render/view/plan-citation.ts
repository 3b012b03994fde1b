// How a document cites the province's plan: its number, and which of its fields are illustrative.
import type { Dataset } from "../../model/dataset.js";

/** "1852/KH-UBND", or blanks before the symbol while the plan has no number. */
export function planNumber(ds: Dataset): string {
  return `${ds.plan.number ?? "\u00a0".repeat(6)}/${ds.plan.symbol}`;
}

const ILLUSTRATIVE_PARTS = { number: "số", date: "ngày ban hành", signer: "người ký" } as const;

/** "số, ngày ban hành và người ký": the plan's fields that hold illustrative values, or null. */
export function illustrativePlanParts(ds: Dataset): string | null {
  const parts = (["number", "date", "signer"] as const).filter((k) => ds.plan.illustrative?.includes(k)).map((k) => ILLUSTRATIVE_PARTS[k]);
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} và ${parts.at(-1)!}`;
}

/** The note under the illustrative-data notice when the plan's number or date is illustrative. */
export function planCitationNote(ds: Dataset): string | null {
  const parts = (["number", "date"] as const).filter((k) => ds.plan.illustrative?.includes(k)).map((k) => ILLUSTRATIVE_PARTS[k]);
  if (!parts.length) return null;
  return `${parts.join(" và ").replace(/^./, (c) => c.toLocaleUpperCase("vi"))} của Kế hoạch số ${planNumber(ds)} dẫn trong báo cáo là minh họa.`;
}
