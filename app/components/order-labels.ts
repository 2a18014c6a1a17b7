/** How stored order values read on screen. */
const PLATFORM_NAMES: Record<string, string> = { aliexpress: "AliExpress", temu: "Temu" };

export function platformLabel(platform: string, platformName: string | null): string {
  return PLATFORM_NAMES[platform] ?? platformName ?? "Other marketplace";
}

/** A stored ISO time as a date in the person's time zone; formatted on the server so hydration agrees. */
export function formatDate(iso: string | null, timeZone: string, withTime = false): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: withTime ? "short" : undefined,
    timeZone,
  }).format(date);
}
