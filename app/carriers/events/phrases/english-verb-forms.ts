import type { PhraseRow } from "../phrase-table.ts";

/**
 * Carriers write the same scan as "Arrived at …", "Arrive at …" (Cainiao, 4PX) and "Arrival at …"
 * (UPU), or "Departed from …" / "Depart from …" / "Departure from …". Rather than listing each
 * phrase three times, every English row that starts with one form also stands for the others, at
 * the same meaning and weight. A form already listed explicitly keeps its own row.
 */
const FORMS: ReadonlyArray<readonly string[]> = [
  ["arrived at ", "arrive at ", "arrival at "],
  ["arrived in ", "arrive in ", "arrival in "],
  ["departed from ", "depart from ", "departure from "],
  ["departed ", "depart "],
];

export function withVerbForms(rows: readonly PhraseRow[]): PhraseRow[] {
  const listed = new Set(rows.map(([pattern]) => pattern));
  const extra: PhraseRow[] = [];
  for (const [pattern, meaning, weight] of rows) {
    for (const forms of FORMS) {
      const form = forms.find((f) => pattern.startsWith(f));
      if (!form) continue;
      for (const other of forms) {
        const variant = other + pattern.slice(form.length);
        if (!listed.has(variant)) {
          listed.add(variant);
          extra.push([variant, meaning, weight]);
        }
      }
      break;
    }
  }
  return [...rows, ...extra];
}
