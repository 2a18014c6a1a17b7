/**
 * Amounts as people type them: "12.34", "12,34" (most of Europe), "1,234.56", "1.234,56",
 * "1 234,56". Read into decimal text ("1234.56"), the shape the orders table stores; anything else
 * gets a sentence saying how to write it.
 */

export type AmountResult = { ok: true; value: string } | { ok: false; message: string };

// Ordered: the first shape that matches decides which mark is the decimal one.
const SHAPES: ReadonlyArray<{ pattern: RegExp; thousands: string; decimal: string }> = [
  // 12 · 12.3 · 12,34: one mark followed by one or two digits is a decimal mark.
  { pattern: /^\d{1,12}(?:[.,]\d{1,2})?$/, thousands: "", decimal: "[.,]" },
  // 1,234 · 1,234.56: commas group thousands, a dot marks decimals.
  { pattern: /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/, thousands: ",", decimal: "\\." },
  // 1.234 · 1.234,56: dots group thousands, a comma marks decimals.
  { pattern: /^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/, thousands: ".", decimal: "," },
];

export const AMOUNT_HINT = "Write the amount as a number such as 12.34 or 12,34, without the currency sign.";

export function parseAmount(input: string): AmountResult {
  // Spaces (and the no-break spaces some pages copy) group thousands too.
  const text = input.trim().replace(/[\s\u00a0\u202f]+/g, "");
  if (text === "") return { ok: false, message: "Enter the amount you paid, such as 12.34." };
  for (const shape of SHAPES) {
    if (!shape.pattern.test(text)) continue;
    const withoutGroups = shape.thousands ? text.split(shape.thousands).join("") : text;
    const value = withoutGroups.replace(new RegExp(shape.decimal), ".");
    const digits = value.split(".")[0]!.replace(/^0+(?=\d)/, "");
    if (digits.length > 12) break;
    return { ok: true, value: digits + (value.includes(".") ? value.slice(value.indexOf(".")) : "") };
  }
  if (/[^\d.,]/.test(text)) return { ok: false, message: `"${input.trim()}" has characters that are not part of a number. ${AMOUNT_HINT}` };
  return { ok: false, message: `"${input.trim()}" is not an amount we can read. ${AMOUNT_HINT}` };
}
