/**
 * Dates for letters in the reader's language, in the buyer's zone (UTC when none is given). A fact
 * recorded as a day stays a day: only facts with a time are shown with one, and then with the zone.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, zone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      withTime
        ? { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }
        : { day: "numeric", month: "long", year: "numeric", timeZone: zone },
    );
    cache.set(key, f);
  }
  return f;
}

/** "4 March 2026", "4 de marzo de 2026", …; null when the text is not a date. */
export function letterDay(iso: string | null | undefined, zone: string, locale: string): string | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : formatter(locale, zone, false).format(ms);
}

/** "4 Mar 2026, 09:00"; the caller names the zone once beside it. Null when not a date. */
export function letterDateTime(iso: string | null | undefined, zone: string, locale: string): string | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : formatter(locale, zone, true).format(ms);
}
