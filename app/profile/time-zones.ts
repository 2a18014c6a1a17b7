/**
 * IANA time zones the buyer can choose. The list comes from the runtime (ICU), so it matches what
 * date formatting accepts; a zone typed by hand or sent by an old browser is checked the same way.
 */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function timeZoneOptions(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zones = new Set(["UTC", ...all]);
  // The account's zone stays choosable even when this runtime lists it under another name.
  if (isTimeZone(current)) zones.add(current);
  return [...zones];
}
