import { COMMON_COUNTRIES } from "./profile-schema.ts";

/** The country list with names from Intl (English), sorted by name; codes are what is stored. */
export function countryOptions(): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  return COMMON_COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label));
}
