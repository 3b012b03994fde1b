// Vietnamese number and date formats, independent of the machine's locale: "." groups
// thousands, "," marks decimals ("28.667", "7,09").
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = value < 0 && Number(fixed) !== 0 ? "−" : "";
  return sign + grouped + (frac ? "," + frac : "");
}

export function formatPercent(value: number, decimals = 2): string {
  return `${formatNumber(value, decimals)}%`;
}

/** Signed change: "+1,25", "−0,80", "0". */
export function formatSigned(value: number, decimals = 0): string {
  const s = formatNumber(value, decimals);
  return value > 0 && Number(value.toFixed(decimals)) !== 0 ? `+${s}` : s;
}

/** A number typed with Vietnamese thousands dots ("1.234", "28.667"): JSON and YAML read it as a decimal. */
export const VI_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;
